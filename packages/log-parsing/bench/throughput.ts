/**
 * Benchmark 1: throughput and peak RSS of `nightshift analyze` on generated 100 MB and 1 GB
 * PTP-like logs, beside `grep -c -E` with the same keywords and `wc -l` on the same file.
 *
 * Besides wall time it reports the CPU time (user + system) of the analyze process, and the same
 * command on a one-line log ("startup": loading the CLI and its modules, compiling the rules), so
 * the rate of the log processing itself can be told apart from a fixed start-up cost.
 *
 * Each command runs `runs` times (default 3) and the table shows the median, with the range
 * beside it: on a shared 2-core machine one run can be 30% off, in time and in peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writePtpLog } from './generate-ptp-log';

const GREP_KEYWORDS = 'FAIL|panic|error|Error|Timed out|Expected|timed out|deadline exceeded|Unauthorized';

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
  /** User + system CPU seconds of the analyze process. */
  cpuSec: Spread;
  peakRssMB: Spread;
  grepSec: number;
  wcSec: number;
  failures: number;
}

export async function runThroughputBench(
  repoRoot: string,
  sizesMB = [100, 1024],
  runs = 3,
): Promise<ThroughputRow[]> {
  const dir = join(repoRoot, '.bench');
  mkdirSync(dir, { recursive: true });
  const startupFile = join(dir, 'one-line.log');
  writeFileSync(startupFile, '2026-07-08T00:00:00.0000000Z hello\n');
  const rows: ThroughputRow[] = [];
  const build = spawnSync('pnpm', ['--filter', '@nightshift/cli', 'exec', 'tsup', '--silent'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the CLI bundle failed: ${build.stderr.slice(-2000)}`);
  rows.push(measure(repoRoot, startupFile, 'startup (1 line)', runs));
  for (const size of sizesMB) {
    const file = join(dir, `ptp-${size}mb.log`);
    if (!existsSync(file) || Math.abs(statSync(file).size - size * 1048576) > 4 * 1048576) {
      process.stderr.write(`bench: generating ${file}…\n`);
      await writePtpLog(file, size * 1048576);
    }
    rows.push(measure(repoRoot, file, `ptp-${size}mb.log`, runs));
  }
  return rows;
}

function measure(repoRoot: string, file: string, name: string, runs: number): ThroughputRow {
  const mb = statSync(file).size / 1048576;
  const wall: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  let failures = 0;
  for (let i = 0; i < runs; i++) {
    const analyze = timed(
      process.execPath,
      [
        // The flag the binary's shebang passes (apps/cli/src/bin.ts).
        '--max-semi-space-size=4',
        '--import',
        resolve(repoRoot, 'packages/log-parsing/bench/report-rss.mjs'),
        // The bundled binary, as users run it (built by runThroughputBench first).
        resolve(repoRoot, 'apps/cli/dist/bin.js'),
        'analyze',
        file,
        '--format',
        'json',
      ],
      repoRoot,
    );
    if (analyze.status !== 0)
      throw new Error(`analyze exited ${analyze.status}: ${analyze.stderr.slice(-2000)}`);
    const maxRss = /NIGHTSHIFT_BENCH_MAXRSS_KB=(\d+)/.exec(analyze.stderr);
    const cpuUs = /NIGHTSHIFT_BENCH_CPU_US=(\d+)/.exec(analyze.stderr);
    wall.push(analyze.sec);
    cpu.push(cpuUs ? Number(cpuUs[1]) / 1e6 : Number.NaN);
    rss.push(maxRss ? Number(maxRss[1]) / 1024 : Number.NaN);
    failures = (JSON.parse(analyze.stdout) as { failures: unknown[] }).failures.length;
  }
  const grep = timed('grep', ['-c', '-E', GREP_KEYWORDS, file], repoRoot);
  const wc = timed('wc', ['-l', file], repoRoot);
  return {
    file: name,
    mb,
    analyzeSec: spread(wall),
    cpuSec: spread(cpu),
    peakRssMB: spread(rss),
    grepSec: grep.sec,
    wcSec: wc.sec,
    failures,
  };
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
}

function timed(cmd: string, args: string[], cwd: string) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1048576 });
  const sec = Number(process.hrtime.bigint() - start) / 1e9;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, sec };
}

export function formatThroughput(rows: ThroughputRow[]): string {
  const runs = (r: Spread, digits: number) =>
    r.min === r.max
      ? r.median.toFixed(digits)
      : `${r.median.toFixed(digits)} (${r.min.toFixed(digits)}–${r.max.toFixed(digits)})`;
  const out = [
    'Median of the runs, range in brackets.',
    '',
    '| file | MB | analyze s | analyze MB/s | CPU s | MB per CPU s | peak RSS MB | grep -c -E s | wc -l s | analyze/grep | analyze/wc | failures |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const startup = rows.find((r) => r.mb < 1);
  for (const r of rows) {
    const big = r.mb >= 1;
    const rate = (s: Spread): Spread => ({ median: r.mb / s.median, min: r.mb / s.max, max: r.mb / s.min });
    out.push(
      `| ${r.file} | ${r.mb.toFixed(0)} | ${runs(r.analyzeSec, 2)} | ${big ? runs(rate(r.analyzeSec), 0) : '–'} | ${runs(r.cpuSec, 2)} | ${big ? runs(rate(r.cpuSec), 0) : '–'} | ${runs(r.peakRssMB, 0)} | ${r.grepSec.toFixed(2)} | ${r.wcSec.toFixed(2)} | ${(r.analyzeSec.median / r.grepSec).toFixed(1)}× | ${(r.analyzeSec.median / r.wcSec).toFixed(1)}× | ${r.failures} |`,
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

/** One line saying which bar each log meets, from the medians. */
export function throughputTargets(rows: ThroughputRow[]): string {
  const logs = rows.filter((r) => r.mb >= 1);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const parts = logs.map((r) => {
    const rate = r.mb / r.analyzeSec.median;
    const rss =
      r.mb >= 1000
        ? `, peak RSS ${r.peakRssMB.median.toFixed(0)} MB ${verdict(r.peakRssMB.median <= TARGET_PEAK_RSS_MB)}`
        : '';
    return `${r.file} ${rate.toFixed(0)} MB/s ${verdict(rate >= TARGET_MB_PER_SEC)}${rss}`;
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
