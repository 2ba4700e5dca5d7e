import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { failureBlock, prng, ptpLogLines } from '../../bench/generate-ptp-log';
import { builtinRules, type Classifier, createClassifier, loadRulesFile } from '../classify/index';
import { analyzeInput } from './analyze-input';

const PROFILE = fileURLToPath(new URL('../../../../prompts/ptp/rules.yaml', import.meta.url));
const ptp = createClassifier([...(await loadRulesFile(PROFILE)), ...builtinRules]);
/** The same classifier, deaf to `notes`: the consumer then finds escapes with its own scan. */
const deaf: Classifier = { ...ptp, matchLines: (lines, joined) => ptp.matchLines(lines, joined) };

/** A GitHub job log with coloured Ginkgo lines, failures and escapes in and out of lines. */
function jobLog(): Buffer {
  const gen = ptpLogLines(prng(5));
  const lines: string[] = [];
  for (let i = 0; i < 30_000; i++) {
    const line = gen.next().value as string;
    lines.push(line);
    const ts = line.slice(0, 28);
    if (i % 4001 === 0) lines.push(...failureBlock(ts, `linuxptp-daemon-${i}`));
    // Lines a skipping parser would ignore but for an escape, and ones with look-alike bytes.
    if (i % 397 === 0) lines.push(`${ts} \x1b[1m##[group]Run tests\x1b[0m`, `${ts} ##[endgroup]\x9b0m`);
    if (i % 509 === 0) lines.push(`${ts} \x1b[0m##[error]step ${i} failed`, `${ts} \x9b0m##[error]x ${i}`);
    if (i % 709 === 0) lines.push(`${ts} \ufffd[36m##[error]Process completed with exit code ${i}.`);
    if (i % 613 === 0) lines.push(`${ts} ý ě \uff1b plain text`, `${ts} ##[warning]ý`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function analyze(classifier: Classifier, bytes: Buffer) {
  const result = await analyzeInput({
    path: 'job.log',
    classifier,
    budgetTokens: 2000,
    async *open() {
      for (let i = 0; i < bytes.length; i += 65_536) yield bytes.subarray(i, i + 65_536);
    },
  });
  return JSON.parse(JSON.stringify({ ...result, redactions: [...result.redactions] }));
}

describe('LineConsumer', () => {
  it("skips the same lines with the classifier's escaped lines as with its own escape scan", async () => {
    const bytes = jobLog();
    const shared = await analyze(ptp, bytes);
    expect(shared.format).toBe('github-actions-log');
    expect(shared.logMatches.length).toBeGreaterThan(5);
    // The escaped ##[error] lines are reported: they were not skipped.
    expect(JSON.stringify(shared.report)).toContain('step 509 failed');
    expect(await analyze(deaf, bytes)).toEqual(shared);
  });
});
