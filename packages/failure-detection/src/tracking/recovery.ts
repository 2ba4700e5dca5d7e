import { type RunRecord, sortRuns } from './detector-state';

/**
 * Whether a failure is absent from the last `needed` completed runs of every source it was seen in.
 * Completed means passed or failed: cancelled and skipped runs prove nothing and are passed over
 * (unless the failure shows up in them). A failed run whose key list was forgotten (too many
 * failures to remember) is unknown, so recovery waits. Sources no longer watched are ignored; with
 * none left the answer is no.
 */
export function isRecovered(
  key: string,
  histories: readonly (readonly RunRecord[])[],
  needed: number,
): { runs: number } | null {
  if (histories.length === 0) return null;
  let least = Number.POSITIVE_INFINITY;
  for (const runs of histories) {
    let clean = 0;
    for (const run of sortRuns([...runs]).reverse()) {
      if (run.k?.includes(key)) return null;
      if (run.r === 'other') continue;
      if (run.r === 'fail' && run.k === null) return null;
      clean++;
      if (clean >= needed) break;
    }
    if (clean < needed) return null;
    least = Math.min(least, clean);
  }
  return { runs: least };
}
