/**
 * Benchmark 1: throughput and peak RSS of `nightshift analyze` on generated 100 MB and 1 GB
 * PTP-like logs, beside `grep -c -E` with the same keywords and `wc -l` on the same file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writePtpLog } from './generate-ptp-log';

const GREP_KEYWORDS = 'FAIL|panic|error|Error|Timed out|Expected|timed out|deadline exceeded|Unauthorized';

export interface ThroughputRow {
  file: string;
  mb: number;
  analyzeSec: number;
  analyzeMBps: number;
  peakRssMB: number;
  grepSec: number;
  wcSec: number;
  failures: number;
}

export async function runThroughputBench(repoRoot: string, sizesMB = [100, 1024]): Promise<ThroughputRow[]> {
  const dir = join(repoRoot, '.bench');
  mkdirSync(dir, { recursive: true });
  const rows: ThroughputRow[] = [];
  for (const size of sizesMB) {
    const file = join(dir, `ptp-${size}mb.log`);
    if (!existsSync(file) || Math.abs(statSync(file).size - size * 1048576) > 4 * 1048576) {
      process.stderr.write(`bench: generating ${file}…\n`);
      await writePtpLog(file, size * 1048576);
    }
    const mb = statSync(file).size / 1048576;
    const analyze = timed(
      process.execPath,
      [
        '--conditions=@nightshift/source',
        '--import',
        'tsx',
        '--import',
        resolve(repoRoot, 'packages/log-parsing/bench/report-rss.mjs'),
        resolve(repoRoot, 'apps/cli/src/bin.ts'),
        'analyze',
        file,
        '--format',
        'json',
      ],
      repoRoot,
    );
    if (analyze.status !== 0)
      throw new Error(`analyze exited ${analyze.status}: ${analyze.stderr.slice(-2000)}`);
    const rss = /NIGHTSHIFT_BENCH_MAXRSS_KB=(\d+)/.exec(analyze.stderr);
    const result = JSON.parse(analyze.stdout) as { failures: unknown[] };
    const grep = timed('grep', ['-c', '-E', GREP_KEYWORDS, file], repoRoot);
    const wc = timed('wc', ['-l', file], repoRoot);
    rows.push({
      file: `ptp-${size}mb.log`,
      mb,
      analyzeSec: analyze.sec,
      analyzeMBps: mb / analyze.sec,
      peakRssMB: rss ? Number(rss[1]) / 1024 : Number.NaN,
      grepSec: grep.sec,
      wcSec: wc.sec,
      failures: result.failures.length,
    });
  }
  return rows;
}

function timed(cmd: string, args: string[], cwd: string) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1048576 });
  const sec = Number(process.hrtime.bigint() - start) / 1e9;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, sec };
}

export function formatThroughput(rows: ThroughputRow[]): string {
  const out = [
    '| file | MB | analyze s | analyze MB/s | peak RSS MB | grep -c -E s | wc -l s | analyze/grep | analyze/wc | failures |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.file} | ${r.mb.toFixed(0)} | ${r.analyzeSec.toFixed(2)} | ${r.analyzeMBps.toFixed(0)} | ${r.peakRssMB.toFixed(0)} | ${r.grepSec.toFixed(2)} | ${r.wcSec.toFixed(2)} | ${(r.analyzeSec / r.grepSec).toFixed(1)}× | ${(r.analyzeSec / r.wcSec).toFixed(1)}× | ${r.failures} |`,
    );
  }
  return out.join('\n');
}
