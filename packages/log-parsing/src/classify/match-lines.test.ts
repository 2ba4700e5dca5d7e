import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureBlock, prng, ptpLogLines } from '../../bench/generate-ptp-log';
import { readLineBlocks } from '../input/line-reader';
import { builtinRules } from './builtin-rules';
import { type Classifier, createClassifier } from './classifier';
import { loadRulesFile } from './load-rules';
import { requiredLiterals } from './required-literals';
import type { Rule } from './rule';

const PROFILE = fileURLToPath(new URL('../../../../prompts/ptp/rules.yaml', import.meta.url));
const EXCERPTS = new URL('./__fixtures__/ptp-excerpts/', import.meta.url);
const PROW = fileURLToPath(new URL('../../../../../shared/data/ptp-nightly/prow/', import.meta.url));
const ptp = createClassifier([...(await loadRulesFile(PROFILE)), ...builtinRules]);
// The prefilter's own literals, so generated lines hit (and nearly hit) every one of them.
const literals = ptp.rules.flatMap((r) => r.keywords ?? requiredLiterals(r.pattern, r.flags) ?? []);

/** What `matchLines` must return: `matchLine` on each line, in order. */
function oneByOne(c: Classifier, lines: string[]) {
  return lines.flatMap((line, index) => {
    const match = c.matchLine(line);
    return match ? [{ index, match }] : [];
  });
}

describe('Classifier.matchLines', () => {
  it('gives the per-line results on every real PTP excerpt', () => {
    let matched = 0;
    for (const name of readdirSync(EXCERPTS)) {
      const lines = readFileSync(new URL(name, EXCERPTS), 'utf8').split('\n');
      const expected = oneByOne(ptp, lines);
      matched += expected.length;
      expect(ptp.matchLines(lines), name).toEqual(expected);
      expect(ptp.matchLines(lines, lines.join('\n')), name).toEqual(expected);
    }
    expect(matched).toBeGreaterThan(40);
    expect(literals.length).toBeGreaterThan(100);
  });

  it('gives the per-line results on hostile lines: cut literals, case, escapes, folds, long lines', () => {
    const piece = fc.oneof(
      fc.constantFrom(...literals, ...ptp.rules.map((r) => r.id)),
      fc.constantFrom('\x1b[31m', '\x1b[0m', '\x9b1m', '\ufffd[36m', '\u017f', '\u212a', '\t', ' ', '•', 'é'),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    // Literals are cut, re-cased and glued to neighbours so they straddle word boundaries.
    const mangled = fc
      .tuple(piece, fc.nat(), fc.constantFrom('keep', 'upper', 'lower'))
      .map(([p, cut, mode]) => {
        const s = p.slice(cut % (p.length + 1));
        return mode === 'upper' ? s.toUpperCase() : mode === 'lower' ? s.toLowerCase() : s;
      });
    // A literal with an escape sequence inside: only stripping the escape reveals it.
    const split = fc
      .tuple(
        fc.constantFrom(...literals),
        fc.nat(),
        fc.constantFrom('\x1b[1m', '\x9b0m', '\ufffd[36m', '\x1b]8;;x\x07'),
      )
      .map(([lit, at, esc]) => lit.slice(0, at % lit.length) + esc + lit.slice(at % lit.length));
    const line = fc.array(fc.oneof(piece, mangled, split), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const clean = lines.map((l) => l.replace(/[\n\r]/g, ' '));
        expect(ptp.matchLines(clean)).toEqual(oneByOne(ptp, clean));
      }),
      { numRuns: 400 },
    );
  });

  it.skipIf(!existsSync(PROW))(
    'gives the per-line results on every real Prow build log, in 64 KiB blocks',
    async () => {
      const files = readdirSync(PROW, { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.endsWith('build-log.txt'),
      );
      expect(files.length).toBeGreaterThan(50);
      let lines = 0;
      for (const file of files) {
        const bytes = readFileSync(`${PROW}/${file}`);
        const chunks = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) =>
          bytes.subarray(i * 4096, (i + 1) * 4096),
        );
        for await (const block of readLineBlocks(chunks)) {
          const texts = block.lines.map((l) => l.text);
          lines += texts.length;
          expect(ptp.matchLines(texts, block.text), file).toEqual(oneByOne(ptp, texts));
        }
      }
      expect(lines).toBeGreaterThan(10_000);
    },
  );

  it('gives the per-line results on the generated PTP benchmark log, with its failure blocks', () => {
    const gen = ptpLogLines(prng(7));
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      lines.push(gen.next().value as string);
      if (i % 3001 === 0) lines.push(...failureBlock('2026-07-08T02:41:30.4550000Z', `linuxptp-daemon-${i}`));
    }
    const expected = oneByOne(ptp, lines);
    expect(expected.length).toBeGreaterThan(20);
    const found = [];
    for (let i = 0; i < lines.length; i += 540) {
      for (const m of ptp.matchLines(lines.slice(i, i + 540))) found.push({ ...m, index: m.index + i });
    }
    expect(found).toEqual(expected);
    expect(lines.filter((l) => l.includes('\x1b')).length).toBeGreaterThan(100);
  });

  it('finds a literal past the 4,096-character cut only as matchLine does (not at all)', () => {
    const long = `${'x'.repeat(5000)} context deadline exceeded`;
    const lines = ['ok', long, 'err: context deadline exceeded'];
    expect(ptp.matchLines(lines).map((m) => m.index)).toEqual(oneByOne(ptp, lines).map((m) => m.index));
  });

  it('finds every alignment of a gram literal in one block', () => {
    const c = createClassifier([{ id: 'oom', category: 'crash', pattern: 'OOMKilled' }]);
    const lines = Array.from({ length: 8 }, (_, i) => `${'.'.repeat(i)}OOMKilled${'.'.repeat(i)}`);
    lines.push('oomkilled', 'OOMKille', '');
    expect(c.matchLines(lines).map((m) => m.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('runs rules without literals on every line', () => {
    const rules: Rule[] = [{ id: 'digits', category: 'unknown', pattern: '^\\d+$' }];
    const c = createClassifier(rules);
    expect(c.unfilteredRules).toEqual(['digits']);
    expect(c.matchLines(['a', '12', 'b3']).map((m) => m.index)).toEqual([1]);
  });

  it('refuses a joined text that is not the lines joined by newlines', () => {
    expect(() => ptp.matchLines(['panic: x', 'b'], 'panic: x\nbc')).toThrow(/joined text/);
    expect(ptp.matchLines([])).toEqual([]);
  });
});
