/**
 * The byte-scan input path must give exactly what the decode-everything path gives: same format,
 * counts, report, matches, excerpt, evidence strength and redaction counts, for any log and any
 * way its bytes arrive. Each run analyses the same chunks both ways and compares the whole result.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureBlock, prng, ptpLogLines } from '../../bench/generate-ptp-log';
import { builtinRules, type Classifier, createClassifier, loadRulesFile } from '../classify/index';
import type { FormatId } from '../types';
import { chunkPlan, cutChunks, encodeLog, logShape, STAMP } from './__fixtures__/differential-logs';
import { type AnalyzeInputOptions, analyzeInput, type InputAnalysis } from './analyze-input';

const PROFILE = fileURLToPath(new URL('../../../../prompts/ptp/rules.yaml', import.meta.url));
const classifier = createClassifier([...(await loadRulesFile(PROFILE)), ...builtinRules]);

interface Settings {
  format?: FormatId;
  maxLineBytes?: number;
  budgetTokens: number;
}

/** Every field, with the redaction map as sorted entries so the comparison sees it. */
const comparable = (r: InputAnalysis) => ({ ...r, redactions: [...r.redactions].sort() });

function run(
  chunks: Uint8Array[],
  settings: Settings,
  byteScan: boolean,
  using: Classifier = classifier,
): Promise<InputAnalysis> {
  // The cast lets this compile before and after `byteScan` joins the options type.
  return analyzeInput({
    path: 'job.log',
    classifier: using,
    ...settings,
    byteScan,
    async *open() {
      yield* chunks;
    },
  } as AnalyzeInputOptions);
}

/** Analyses the chunks both ways (byte scan first: it must not disturb the chunks) and compares. */
async function bothWays(
  chunks: Uint8Array[],
  settings: Settings,
  using: Classifier = classifier,
): Promise<InputAnalysis> {
  const scanned = await run(chunks, settings, true, using);
  const decoded = await run(chunks, settings, false, using);
  expect(comparable(scanned)).toStrictEqual(comparable(decoded));
  return decoded;
}

const settings: fc.Arbitrary<Settings> = fc.record({
  format: fc.constantFrom<FormatId | undefined>(
    undefined,
    undefined,
    'github-actions-log',
    'plain',
    'go-test-text',
    'ginkgo-console',
  ),
  maxLineBytes: fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 5000 }) },
  ),
  budgetTokens: fc.constantFrom(2000, 2000, 200),
});

describe('byte scan against the decode-everything path', () => {
  it('gives the same analysis for any log, cut into chunks anywhere', { timeout: 60_000 }, async () => {
    // What the runs reached, so a generator that stopped reaching it fails the test.
    const seen = { redacted: 0, matched: 0, cut: 0, failed: 0, formats: new Set<string>() };
    await fc.assert(
      fc.asyncProperty(logShape, chunkPlan, settings, async (shape, plan, s) => {
        const result = await bothWays(cutChunks(encodeLog(shape), plan), s);
        if (result.redactions.size > 0) seen.redacted++;
        if (result.logMatches.length > 0) seen.matched++;
        if (result.report.errors.some((e) => e.message.includes('line cut'))) seen.cut++;
        if (result.report.tests.some((t) => t.state === 'failed')) seen.failed++;
        seen.formats.add(result.format);
      }),
      { numRuns: 800 },
    );
    expect(seen.redacted).toBeGreaterThan(10);
    expect(seen.matched).toBeGreaterThan(10);
    expect(seen.cut).toBeGreaterThan(0);
    expect(seen.failed).toBeGreaterThan(5);
    expect([...seen.formats]).toEqual(
      expect.arrayContaining(['github-actions-log', 'plain', 'go-test-text']),
    );
  });
});

/** `n` bytes or so of benchmark-like runner lines, from a fixed seed. */
function ptpLines(bytes: number, seed: number): string[] {
  const gen = ptpLogLines(prng(seed));
  const lines: string[] = [];
  for (let size = 0; size < bytes; ) {
    const line = gen.next().value as string;
    lines.push(line);
    size += line.length + 1;
  }
  return lines;
}

const inChunks = (bytes: Buffer, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('byte scan against the decode-everything path, on whole logs', () => {
  const SECRET = `ghp_${'aB3'.repeat(12)}`;

  it('agrees on a 3 MB job log with a failure in the middle and a secret near the end', async () => {
    const lines = ptpLines(3_000_000, 11);
    const middle = lines.length >> 1;
    lines.splice(middle, 0, ...failureBlock(lines[middle]!.slice(0, 28), 'linuxptp-daemon-mid'));
    lines.splice(
      lines.length - 20,
      0,
      `${STAMP}git remote set-url origin https://x:${SECRET}@github.com/o/r`,
    );
    lines.push(`${STAMP}##[error]Process completed with exit code 1.`);
    const result = await bothWays(inChunks(Buffer.from(`${lines.join('\n')}\n`), 65_536), {
      budgetTokens: 2000,
    });
    expect(result.format).toBe('github-actions-log');
    expect(result.redactions.get('github-token')).toBe(1);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.excerpt.text).toContain('linuxptp-daemon-mid');
  });

  it('agrees when the first newline arrives after 200 KB', async () => {
    const head = `${STAMP}${'ptp4l[1.0]: offset 1 s2 freq 2 '.repeat(6700)} panic: late`;
    const tail = ptpLines(20_000, 3);
    const bytes = Buffer.from(`${head}\n${tail.join('\n')}\n${STAMP}password=hunter2\n`);
    expect(bytes.indexOf(0x0a)).toBeGreaterThan(200_000);
    for (const maxLineBytes of [undefined, 4096]) {
      const result = await bothWays(inChunks(bytes, 65_536), { budgetTokens: 2000, maxLineBytes });
      expect(result.lines).toBe(tail.length + 2);
    }
  });

  it("agrees on a log whose lines end only in '\\r'", async () => {
    const lines = [
      ...ptpLines(30_000, 5),
      `${STAMP}panic: runtime error: invalid memory address`,
      `${STAMP}ok`,
    ];
    const bytes = Buffer.from(lines.join('\r'));
    const result = await bothWays(inChunks(bytes, 4096), { budgetTokens: 2000 });
    expect(result.lines).toBe(lines.length);
    expect(result.logMatches.length).toBeGreaterThan(0);
  });
});

describe('byte scan against the decode-everything path, where the bytes hide a literal', () => {
  // The byte scan reads a line with a byte >= 0x80 as latin1: a non-ASCII literal is not there in
  // that form, and a 0x9B continuation byte ('ě' is C4 9B) reads as an 8-bit CSI that `stripAnsi`
  // would cut a literal with. Such lines must still be matched (`Classifier.hitsMissWide`).
  const accented = createClassifier([
    { id: 'echec', category: 'assertion', kind: 'test', pattern: 'Échec de synchronisation' },
    { id: 'panic', category: 'crash', kind: 'test', pattern: 'panic: (\\w+)', mode: 'panic $1' },
    ...builtinRules,
  ]);

  it('matches a non-ASCII literal and a literal after a 0x9B byte', async () => {
    const lines = [
      ...ptpLines(200_000, 7),
      `${STAMP}ptp4l: Échec de synchronisation sur ens2f0`,
      ...ptpLines(100_000, 8),
      `${STAMP}ěpan\x1b[0mic: boom`,
      ...ptpLines(100_000, 9),
    ];
    const result = await bothWays(
      inChunks(Buffer.from(`${lines.join('\n')}\n`), 65_536),
      { budgetTokens: 2000 },
      accented,
    );
    expect(result.logMatches.map((m) => m.match.rule)).toEqual(expect.arrayContaining(['echec', 'panic']));
  });

  it('matches a literal in the punctuation a quiet line may hold, on a coloured line passed over otherwise', async () => {
    // Quiet lines are passed over by their bytes (analyze/quiet-line.ts) only while the classifier
    // has no literal that could hide among their wide characters.
    const quoted = createClassifier([
      { id: 'lost', category: 'timing', kind: 'test', pattern: '“lost sync”' },
      ...builtinRules,
    ]);
    const lines = [
      ...ptpLines(100_000, 11),
      `${STAMP}\x1b[38;5;10m•\x1b[0m [1.2 seconds] [It] “lost sync” on ens2f0`,
      ...ptpLines(100_000, 12),
    ];
    const chunks = inChunks(Buffer.from(`${lines.join('\n')}\n`), 65_536);
    const result = await bothWays(chunks, { budgetTokens: 2000 }, quoted);
    expect(result.logMatches.map((m) => m.match.rule)).toContain('lost');
    // The usual rules have no such literal: the same line is then passed over, with the same result.
    await bothWays(chunks, { budgetTokens: 2000 });
  });
});

describe('byte scan against the decode-everything path, with a keyword split by an escape', () => {
  it('redacts the secret on ASCII and on non-ASCII lines alike', async () => {
    const PW = 'Hunter2-not-a-real-pass';
    const lines = [
      ...ptpLines(150_000, 21),
      `${STAMP}ptp4l[1.0]: pass\x1b[0mword=${PW}`,
      ...ptpLines(80_000, 22),
      `${STAMP}\u2022 to\x1b[1mken: ${PW}`,
      ...ptpLines(80_000, 23),
    ];
    const result = await bothWays(inChunks(Buffer.from(`${lines.join('\n')}\n`), 65_536), {
      budgetTokens: 2000,
    });
    expect(JSON.stringify(result)).not.toContain(PW);
    expect(result.redactions.get('password')).toBe(1);
    expect(result.redactions.get('token')).toBe(1);
  });
});
