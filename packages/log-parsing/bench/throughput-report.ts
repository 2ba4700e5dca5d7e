/**
 * The throughput benchmark's table and the line saying which of issue 2's bars each log meets
 * (throughput.ts measures).
 */

/** Median, smallest and largest of the runs of one figure. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ThroughputRow {
  file: string;
  mb: number;
  analyzeSec: Spread;
  /** Wall seconds with the process pinned to one CPU; null where it could not be pinned. */
  pinnedSec: Spread | null;
  /** User + system CPU seconds of the analyze process. */
  cpuSec: Spread;
  peakRssMB: Spread;
  grepSec: number;
  wcSec: number;
  failures: number;
}

export function formatThroughput(rows: ThroughputRow[]): string {
  const runs = (r: Spread, digits: number) =>
    r.min === r.max
      ? r.median.toFixed(digits)
      : `${r.median.toFixed(digits)} (${r.min.toFixed(digits)}–${r.max.toFixed(digits)})`;
  const out = [
    'Median of the runs, range in brackets.',
    '',
    '| file | MB | analyze s | analyze MB/s | pinned to 1 CPU: s | pinned MB/s | CPU s | MB per CPU s | peak RSS MB | grep -c -E s | wc -l s | analyze/grep | analyze/wc | failures |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const startup = rows.find((r) => r.mb < 1);
  for (const r of rows) {
    const big = r.mb >= 1;
    const rate = (s: Spread): Spread => ({ median: r.mb / s.median, min: r.mb / s.max, max: r.mb / s.min });
    const pinned = r.pinnedSec;
    out.push(
      `| ${r.file} | ${r.mb.toFixed(0)} | ${runs(r.analyzeSec, 2)} | ${big ? runs(rate(r.analyzeSec), 0) : '–'} | ${pinned ? runs(pinned, 2) : '–'} | ${pinned && big ? runs(rate(pinned), 0) : '–'} | ${runs(r.cpuSec, 2)} | ${big ? runs(rate(r.cpuSec), 0) : '–'} | ${runs(r.peakRssMB, 0)} | ${r.grepSec.toFixed(2)} | ${r.wcSec.toFixed(2)} | ${(r.analyzeSec.median / r.grepSec).toFixed(1)}× | ${(r.analyzeSec.median / r.wcSec).toFixed(1)}× | ${r.failures} |`,
    );
  }
  out.push('', throughputTargets(rows));
  if (startup) {
    out.push('');
    for (const r of rows.filter((x) => x.mb >= 1)) {
      const cpu = r.cpuSec.median - startup.cpuSec.median;
      out.push(
        `${r.file}: log processing alone (median CPU s minus start-up CPU s): ${cpu.toFixed(2)} s, ${(r.mb / cpu).toFixed(0)} MB per CPU s`,
      );
    }
  }
  return out.join('\n');
}

/** Issue 2's bars: >= 150 MB/s end to end (median wall), peak RSS <= 150 MB on 1 GB, RSS flat. */
export const TARGET_MB_PER_SEC = 150;
export const TARGET_PEAK_RSS_MB = 150;

/**
 * One line saying which bar each log meets, from the medians. The rate is judged both ways the
 * bar's "on one core" can be read (see throughput.ts): unpinned, and pinned to one CPU.
 */
export function throughputTargets(rows: ThroughputRow[]): string {
  const logs = rows.filter((r) => r.mb >= 1);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const rateVerdict = (rate: number) => `${rate.toFixed(0)} MB/s ${verdict(rate >= TARGET_MB_PER_SEC)}`;
  const parts = logs.map((r) => {
    const pinned = r.pinnedSec ? `, pinned ${rateVerdict(r.mb / r.pinnedSec.median)}` : '';
    const rss =
      r.mb >= 1000
        ? `, peak RSS ${r.peakRssMB.median.toFixed(0)} MB ${verdict(r.peakRssMB.median <= TARGET_PEAK_RSS_MB)}`
        : '';
    return `${r.file} ${rateVerdict(r.mb / r.analyzeSec.median)}${pinned}${rss}`;
  });
  const [small, large] = [logs[0], logs.at(-1)];
  if (small && large && small !== large) {
    const growth = large.peakRssMB.median - small.peakRssMB.median;
    parts.push(
      `peak RSS ${small.peakRssMB.median.toFixed(0)} → ${large.peakRssMB.median.toFixed(0)} MB for ${(large.mb / small.mb).toFixed(0)}x the input (+${growth.toFixed(0)} MB)`,
    );
  }
  return `Targets (>= ${TARGET_MB_PER_SEC} MB/s median wall; peak RSS <= ${TARGET_PEAK_RSS_MB} MB on 1 GB): ${parts.join('; ')}.`;
}
