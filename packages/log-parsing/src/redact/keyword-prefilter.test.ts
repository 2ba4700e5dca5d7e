import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScanKernel } from '../scan-kernel/scan-kernel';
import { FAKE } from './__fixtures__/fake-secrets';
import { candidateLineStarts as referenceLineStarts } from './__fixtures__/reference-keyword-prefilter';
import { candidateLineStarts, PREFILTER_KEYWORDS } from './keyword-prefilter';
import { ANCHORED_KEYWORDS, buildAnchorTable } from './prefilter-keywords';
import { SECRET_RULES } from './secret-rules';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/log-lines/', import.meta.url));
const PROW = fileURLToPath(new URL('../../../../../shared/data/ptp-nightly/prow/', import.meta.url));

/** Each ASCII case variant of a short word (all of them up to 6 letters, else a sample). */
function caseVariants(word: string): string[] {
  const out: string[] = [];
  const n = Math.min(word.length, 6);
  for (let m = 0; m < 1 << n; m++) {
    out.push([...word].map((c, i) => (i < n && m & (1 << i) ? c.toUpperCase() : c)).join(''));
  }
  return out;
}

describe('keyword prefilter', () => {
  it('has ASCII keywords only (analyze reads a non-ASCII line as its UTF-8 bytes and finds them all the same)', () => {
    for (const keyword of PREFILTER_KEYWORDS) expect(keyword).toMatch(/^[\x20-\x7e]+$/);
  });

  it('covers every rule: each rule keyword contains a keyword the prefilter finds', () => {
    for (const rule of SECRET_RULES) {
      for (const kw of rule.keywords) {
        const covered = PREFILTER_KEYWORDS.some((p) => kw.includes(p));
        expect(covered, `${rule.kind} keyword ${kw}`).toBe(true);
      }
    }
  });

  it('returns the start of each line holding a keyword, once, in order', () => {
    const text = 'plain\nPassword=1 and token\nnothing here\nx https://a\neyJ';
    expect(candidateLineStarts(text)).toEqual([6, 40, 52]);
  });

  it('matches word keywords in any case and token prefixes in exact case only', () => {
    expect(candidateLineStarts('TOKEN')).toEqual([0]);
    expect(candidateLineStarts('PassWord')).toEqual([0]);
    expect(candidateLineStarts('EYJ akia')).toEqual([]);
    expect(candidateLineStarts('CLOCK_REALTIME K_TEST_ GLPAT-')).toEqual([]);
    // GitLab tokens by their prefixes: `gl` alone (glog, global) is no keyword.
    expect(candidateLineStarts('glog global gl-pat')).toEqual([]);
  });

  it('finds nothing in ordinary text', () => {
    expect(candidateLineStarts('ptp4l[74737.942]: rms 53 max 74 freq -16642 +/- 40\n'.repeat(100))).toEqual(
      [],
    );
  });

  it('finds every keyword, in every case it matches, at both parities and across the scan window', () => {
    const words = [...ANCHORED_KEYWORDS.flatMap((k) => (k.ignoreCase ? caseVariants(k.text) : [k.text]))];
    // 131,072 is the scan's window; odd and even offsets on each side of it.
    for (const pad of [0, 1, 2, 3, 5, 131_060, 131_061, 131_067, 131_070, 131_071, 131_072, 131_073]) {
      // A line break early on, so the keyword's line does not start at 0.
      const filler = pad < 2 ? '.'.repeat(pad) : `x\n${'.'.repeat(pad - 2)}`;
      for (const word of words) {
        const text = `${filler}${word} tail\nnext line`;
        const line = text.lastIndexOf('\n', pad) + 1;
        expect(candidateLineStarts(text), `${word} at ${pad}`).toEqual([line]);
      }
    }
  });

  it('rejects non-ASCII characters whose low byte spells a keyword (Ŵ is U+0174, "t" is 0x74)', () => {
    // The scan reads a one-byte image of the text: U+0174 shows there as "t".
    const hide = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) | 0x100)).join('');
    for (const k of PREFILTER_KEYWORDS) expect(candidateLineStarts(`a ${hide(k)} b`), k).toEqual([]);
    // Case folding is ASCII only: the Kelvin sign is no K, the long s no s.
    expect(candidateLineStarts('\u212aey to\u212aen pa\u017f\u017fword')).toEqual([]);
  });

  it('does not stop the kernel at anchors without their follower (process, class, exec, seconds)', () => {
    // Every even and odd placement of words that hold an anchor pair (ss, ec, ke, ut, ho, :/) but
    // no keyword: the kernel scan runs through without handing a group back to be confirmed.
    const kernel = createScanKernel();
    const table = buildAnchorTable(ANCHORED_KEYWORDS);
    const words = 'process success class exec spec seconds PROCESS_STATUS make out shout about http:x';
    for (const lead of ['', ' ']) {
      const text = Buffer.from(`${lead}${words} ${words}\n`.repeat(40));
      const { bytes, words: image } = kernel.imageViews(text.length + 16);
      bytes.fill(0, 0, text.length + 16);
      text.copy(bytes);
      const count = (text.length + 3) >>> 2;
      expect(image.length).toBeGreaterThan(count);
      expect(kernel.anchorPair(table, 0, count), JSON.stringify(lead)).toBe(count);
    }
    // A keyword among them still stops it.
    const text = Buffer.from(`${words} secret ${words}`);
    const { bytes } = kernel.imageViews(text.length + 16);
    bytes.fill(0, 0, text.length + 16);
    text.copy(bytes);
    expect(kernel.anchorPair(table, 0, (text.length + 3) >>> 2)).toBeLessThan((text.length + 3) >>> 2);
  });

  it('rejects anchor tables that miss a parity', () => {
    expect(() => buildAnchorTable([{ text: 'token', ignoreCase: true, anchors: ['to', 'ke'] }])).toThrow(
      /even and one at an odd/,
    );
    expect(() => buildAnchorTable([{ text: 'token', ignoreCase: true, anchors: ['to', 'xy'] }])).toThrow(
      /not a pair/,
    );
  });

  it('finds the same lines as the previous scan (property)', () => {
    const hiding = ['\u0174', '\u016b', '\u015f', '\u0165', '\u212a', '\u017f', '\u0130', '•', 'é'];
    const piece = fc.oneof(
      fc.constantFrom(...PREFILTER_KEYWORDS, ...PREFILTER_KEYWORDS.map((k) => k.toUpperCase())),
      fc.constantFrom(...PREFILTER_KEYWORDS).chain((k) => fc.constantFrom(...caseVariants(k))),
      fc.constantFrom(...Object.values(FAKE)),
      fc.constantFrom('\n', '\n\n', ' ', '_', 'K_', 'CLOCK_REALTIME', 'g', 'l', ':', '/', ...hiding),
      fc.string({ maxLength: 12, unit: fc.constantFrom(...'gl:/_~kKeyEsStTaAuUhHpPwWIJ-.\n x') }),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.nat(3), (pieces, lead) => {
        const text = ' '.repeat(lead) + pieces.join('');
        expect(candidateLineStarts(text)).toEqual(referenceLineStarts(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same lines as the previous scan on long texts with keywords around the window edge', () => {
    const base = readdirSync(FIXTURES)
      .map((f) => readFileSync(join(FIXTURES, f), 'utf8'))
      .join('\n');
    let text = base;
    while (text.length < 300_000) text += `\n${base}`;
    for (const at of [131_069, 131_070, 131_071, 262_142, 262_143]) {
      for (const k of ['token', 'glpat-', 'glsoat-', '://', 'ASIA', 'secret']) {
        const t = `${text.slice(0, at)}${k}${text.slice(at)}`;
        expect(candidateLineStarts(t), `${k} at ${at}`).toEqual(referenceLineStarts(t));
      }
    }
  });

  it.skipIf(!existsSync(PROW))('finds the same lines as the previous scan in real Prow build logs', () => {
    const logs: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name === 'build-log.txt') logs.push(readFileSync(p, 'utf8'));
      }
    };
    walk(PROW);
    let candidates = 0;
    for (const log of logs) {
      const got = candidateLineStarts(log);
      expect(got).toEqual(referenceLineStarts(log));
      candidates += got.length;
    }
    expect(candidates).toBeGreaterThan(100);
  });
});
