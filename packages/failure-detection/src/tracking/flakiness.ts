import type { RunRecord } from './detector-state';

export interface FlakyCounts {
  passes: number;
  fails: number;
}

/**
 * Pass/fail counts of a failure on commits (or re-runs) where it both failed and passed, within the
 * remembered history of each source; null when there is no such commit. A run "passed" only when
 * it succeeded as a whole: a failed run without this key may simply not have reached the test.
 * Runs without a commit (Prow) are grouped by run id, which catches re-run attempts only.
 */
export function flakyCounts(key: string, histories: Iterable<readonly RunRecord[]>): FlakyCounts | null {
  let passes = 0;
  let fails = 0;
  for (const runs of histories) {
    const groups = new Map<string, RunRecord[]>();
    for (const run of runs) {
      const group = run.s ? `sha:${run.s}` : `run:${run.i}`;
      groups.set(group, [...(groups.get(group) ?? []), run]);
    }
    for (const group of groups.values()) {
      const p = group.filter((r) => r.r === 'pass').length;
      const f = group.filter((r) => r.r !== 'pass' && r.k?.includes(key)).length;
      if (p > 0 && f > 0) {
        passes += p;
        fails += f;
      }
    }
  }
  return passes > 0 && fails > 0 ? { passes, fails } : null;
}
