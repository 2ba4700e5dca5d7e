import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { failureBlock, prng, ptpLogLines } from '../../bench/generate-ptp-log';
import { sharedImage } from '../byte-image';
import { readLineBlocks } from '../input/line-reader';
import { candidateLineStarts as referenceLineStarts } from '../redact/__fixtures__/reference-keyword-prefilter';
import { candidateLineStarts } from '../redact/keyword-prefilter';
import { builtinRules } from './builtin-rules';
import { type Classifier, createClassifier, type MatchLinesNotes } from './classifier';
import { loadRulesFile } from './load-rules';

/**
 * analyze runs the redaction keyword prefilter and then `matchLines` on each batch's text, and the
 * two share one byte image (byte-image.ts `sharedImage`): written by the first, read and then
 * folded by the second. These tests run them in both orders, with and without `notes`, against
 * references that share nothing: the previous prefilter and `matchLine` line by line.
 */

const PROFILE = fileURLToPath(new URL('../../../../prompts/ptp/rules.yaml', import.meta.url));
const PROW = fileURLToPath(new URL('../../../../../shared/data/ptp-nightly/prow/', import.meta.url));
const ptp = createClassifier([...(await loadRulesFile(PROFILE)), ...builtinRules]);

function oneByOne(c: Classifier, lines: readonly string[]) {
  return lines.flatMap((line, index) => {
    const match = c.matchLine(line);
    return match ? [{ index, match }] : [];
  });
}

/** Starts of the lines holding ESC, U+009B or U+FFFD, by a plain search. */
function escapedStarts(lines: readonly string[]): number[] {
  const out: number[] = [];
  let start = 0;
  for (const line of lines) {
    if (/[\x1b\x9b\ufffd]/.test(line)) out.push(start);
    start += line.length + 1;
  }
  return out;
}

/** Checks one batch both ways round; returns how many escaped lines it holds. */
function checkBlock(texts: readonly string[], text: string, label: string): number {
  const candidates = referenceLineStarts(text);
  const matches = oneByOne(ptp, texts);
  const escaped = escapedStarts(texts);

  // analyze's order: redaction first (writes the image), then the block scan (reuses it).
  expect(candidateLineStarts(text), label).toEqual(candidates);
  const notes: MatchLinesNotes = {};
  expect(ptp.matchLines(texts, text, notes), label).toEqual(matches);
  const listed = notes.escapedLines!;
  // Every escaped line is listed; a listed line without one holds a unit with the same low byte.
  expect(
    listed.filter((s) => escaped.includes(s)),
    label,
  ).toEqual(escaped);
  for (const s of listed) {
    const end = text.indexOf('\n', s);
    const line = text.slice(s, end === -1 ? text.length : end);
    expect(
      [...line].some((ch) => [0x1b, 0x9b, 0xfd].includes(ch.charCodeAt(0) & 0xff)),
      label,
    ).toBe(true);
  }
  expect([...listed].sort((a, b) => a - b)).toEqual([...new Set(listed)]);

  // The other order: the block scan has folded the image, so redaction must write it again.
  expect(ptp.matchLines(texts, text), label).toEqual(matches);
  expect(candidateLineStarts(text), label).toEqual(candidates);
  return escaped.length;
}

describe('one byte image per batch, shared by the redaction prefilter and matchLines', () => {
  it('gives the unshared results on the generated PTP log, with escapes, ý and U+FFFD', async () => {
    const gen = ptpLogLines(prng(11));
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++) {
      lines.push(gen.next().value as string);
      if (i % 2001 === 0) lines.push(...failureBlock('2026-07-08T02:41:30.4550000Z', `linuxptp-daemon-${i}`));
      if (i % 977 === 0)
        lines.push('ý\u011b token=ghp_abcdefghijklmnopqrstuvwxyz0123456789 \ufffd[36mpanic:');
      if (i % 1303 === 0) lines.push('\x9b1mFAIL!\x9b0m secret: hunter2hunter2', '');
    }
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) =>
      bytes.subarray(i * 65_536, (i + 1) * 65_536),
    );
    let escaped = 0;
    for await (const block of readLineBlocks(chunks)) escaped += checkBlock(block.texts, block.text, 'ptp');
    expect(escaped).toBeGreaterThan(200);
  });

  it.skipIf(!existsSync(PROW))('gives the unshared results on every real Prow build log', async () => {
    const files = readdirSync(PROW, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('build-log.txt'),
    );
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      for await (const block of readLineBlocks([readFileSync(`${PROW}/${file}`)])) {
        checkBlock(block.texts, block.text, file);
      }
    }
  });

  it('redaction after the block scan sees the text, not the image the scan folded', () => {
    // Upper-case anchors ('KI', 'IA', 'kF') fold to pairs that are no anchors; no escapes here,
    // so the block scan leaves its folded image of this very text behind.
    const texts = ['panic: runtime error', 'id AKIAIOSFODNN7EXAMPLE', 'x T3BlbkFJ y', 'fine'];
    const text = texts.join('\n');
    expect(referenceLineStarts(text)).toEqual([21, 45]);
    expect(ptp.matchLines(texts, text)).toEqual(oneByOne(ptp, texts));
    expect(candidateLineStarts(text)).toEqual([21, 45]);
  });

  it('writes a text once while it is held, again after a scan spoiled it', () => {
    const text = 'abc\x1bdef';
    sharedImage.load(text);
    sharedImage.bytes[0] = 0x5a;
    sharedImage.hold(text);
    expect(sharedImage.bytes.toString('latin1')).toBe('Zbc\x1bdef');
    sharedImage.spoil();
    sharedImage.hold(text);
    expect(sharedImage.bytes.toString('latin1')).toBe(text);
    sharedImage.hold('xy');
    expect(sharedImage.bytes.toString('latin1')).toBe('xy');
    // The padding is zero again after a shorter text.
    expect(sharedImage.words[1]).toBe(0);
  });

  it('leaves notes untouched when there is no block scan (a rule without literals)', () => {
    const c = createClassifier([{ id: 'digits', category: 'unknown', pattern: '^\\d+$' }]);
    const notes: MatchLinesNotes = {};
    expect(c.matchLines(['\x1b[1m12', 'a'], undefined, notes).map((m) => m.index)).toEqual([0]);
    expect(notes.escapedLines).toBeUndefined();
  });
});
