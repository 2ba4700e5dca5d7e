/**
 * Benchmark 3: excerpt recall. Each real failure text from shared/data/ptp-excerpts (ginkgo-* JUnit
 * failure messages, prow-* step failures) is embedded, as a Ginkgo failed spec, at a seeded
 * position inside 20,000 lines of generated PTP daemon output. A case counts when the root-cause
 * line (the first line of the real failure text) is inside the 2,000-token excerpt; the baseline is
 * `tail -n 200` of the same log.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePaths } from '../src/analyze/index';
import type { Classifier } from '../src/classify/index';
import { sanitizeText } from '../src/redact/index';
import { prng, ptpLogLines } from './generate-ptp-log';

export interface RecallResult {
  cases: number;
  excerptHits: number;
  tailHits: number;
  misses: string[];
}

export async function runExcerptRecallBench(
  excerptsDir: string,
  classifier: Classifier,
  budgetTokens = 2000,
): Promise<RecallResult> {
  const files = readdirSync(excerptsDir)
    .filter((f) => /^(ginkgo|prow)-.*\.txt$/.test(f))
    .sort();
  const dir = mkdtempSync(join(tmpdir(), 'nightshift-recall-'));
  const result: RecallResult = { cases: 0, excerptHits: 0, tailHits: 0, misses: [] };
  try {
    for (const [i, name] of files.entries()) {
      const body = readFileSync(join(excerptsDir, name), 'utf8').split('\n').slice(2);
      const failure = body.filter((l) => l.trim() !== '').slice(0, 60);
      const rootCause = failure[0]?.trim();
      if (!rootCause) continue;
      const rand = prng(1000 + i);
      const noise = ptpLogLines(rand);
      const total = 20_000;
      const at = Math.floor(total * (0.2 + rand() * 0.6));
      const lines: string[] = [];
      for (let n = 0; n < total; n++) {
        const line = noise.next().value as string;
        lines.push(line);
        if (n === at) {
          const ts = line.slice(0, 28);
          lines.push(
            `${ts} ------------------------------`,
            `${ts} • [FAILED] [12.345 seconds]`,
            `${ts} [It] [oc-serial] PTP e2e tests case ${i} [Serial]`,
            `${ts} /go/src/github.com/k8snetworkplumbingwg/ptp-operator/test/conformance/serial/ptp.go:${100 + i}`,
          );
          for (const l of failure) lines.push(`${ts}   ${l}`);
          lines.push(
            `${ts}   In [It] at: /go/src/github.com/k8snetworkplumbingwg/ptp-operator/test/conformance/serial/ptp.go:${100 + i} @ 07/08/26 02:41:30.455`,
            `${ts} ------------------------------`,
          );
        }
      }
      lines.push(
        '2026-07-08T03:00:00.0000000Z Ran 40 of 52 Specs in 9000.001 seconds',
        '2026-07-08T03:00:00.0000000Z FAIL! -- 39 Passed | 1 Failed | 0 Pending | 12 Skipped',
      );
      const file = join(dir, `${name}.log`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const analysis = await analyzePaths([file], { classifier, budgetTokens });
      // The excerpt is stripped of ANSI escapes, so the probe is compared the same way.
      const probe = sanitizeText(rootCause).trim().slice(0, 80);
      result.cases++;
      if (analysis.excerpt.text.includes(probe)) result.excerptHits++;
      else result.misses.push(name);
      if (lines.slice(-200).some((l) => sanitizeText(l).includes(probe))) result.tailHits++;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
