/**
 * Cost of `classifier.matchLine` on lines that match nothing (the hot path of every log scan),
 * with the PTP profile + built-in rules, with and without the literal prefilter, beside an empty
 * loop over the same lines, and of `matchLines` over the same lines in analyze-sized batches. Lines come from the deterministic PTP log generator of benchmark 1.
 *
 *   pnpm exec tsx packages/log-parsing/bench/grouping-match-line.ts [megabytes=64]
 */
import { pathToFileURL } from 'node:url';
import { type Classifier, createClassifier } from '../src/classify/index';
import { prng, ptpLogLines } from './generate-ptp-log';
import { ptpClassifier } from './grouping';

export interface MatchLineRow {
  name: string;
  mbPerSec: number;
  matches: number;
}

export function runMatchLineBench(megabytes = 64): MatchLineRow[] {
  const lines: string[] = [];
  let bytes = 0;
  const gen = ptpLogLines(prng(7));
  while (bytes < megabytes * 1048576) {
    // Flat strings, as a decoder produces: generator output is concatenated (rope) strings, whose
    // first scan would pay for flattening and skew whichever variant runs first.
    const line = Buffer.from(gen.next().value as string).toString();
    lines.push(line);
    bytes += line.length + 1;
  }
  const profiled = ptpClassifier();
  const unfiltered = createClassifier(profiled.rules, { prefilter: false });
  const mb = bytes / 1048576;
  const rows: MatchLineRow[] = [];
  // CPU time, best of 3: the benchmark machine is shared, and wall time measures the neighbours.
  const time = (name: string, fn: (line: string) => unknown) => {
    let best = 0;
    let matches = 0;
    for (let round = 0; round < 3; round++) {
      const start = process.cpuUsage();
      matches = 0;
      for (const line of lines) if (fn(line)) matches++;
      const used = process.cpuUsage(start);
      best = Math.max(best, mb / ((used.user + used.system) / 1e6));
    }
    rows.push({ name, mbPerSec: best, matches });
  };
  let sink = 0;
  time('empty loop (line.length)', (l) => {
    sink += l.length;
    return false;
  });
  time('matchLine, prefilter on', (l) => profiled.matchLine(l));
  // What analyze does: batches of ~540 lines (a 64 KiB chunk) scanned as one text.
  const blocks: string[][] = [];
  for (let i = 0; i < lines.length; i += 540) blocks.push(lines.slice(i, i + 540));
  const joined = blocks.map((b) => b.join('\n'));
  let best = 0;
  let found = 0;
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage();
    found = 0;
    blocks.forEach((b, i) => {
      found += profiled.matchLines(b, joined[i]).length;
    });
    const used = process.cpuUsage(start);
    best = Math.max(best, mb / ((used.user + used.system) / 1e6));
  }
  rows.push({ name: 'matchLines (540-line blocks)', mbPerSec: best, matches: found });
  time('matchLine, prefilter off', (l) => (unfiltered as Classifier).matchLine(l));
  if (sink < 0) throw new Error('unreachable');
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = runMatchLineBench(Number(process.argv[2] ?? 64));
  for (const r of rows)
    process.stdout.write(
      `${r.name.padEnd(28)} ${r.mbPerSec.toFixed(1).padStart(8)} MB/s  ${r.matches} matches\n`,
    );
}
