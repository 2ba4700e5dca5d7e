import { text as readAll } from 'node:stream/consumers';
import { getHeapSnapshot } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptOptions, markStep } from './__fixtures__/excerpt-arbitraries';
import { createExcerptBuilder, type ExcerptBuilder } from './excerpt-builder';

/** How the builder under test gets a piece of a run; the reference always gets `pushText`. */
interface Piece {
  size: number;
  /** `bytes`: slices of the latin1 reading of the lines' UTF-8 bytes (`latin1Utf8`), as analyze pushes them. */
  how: 'slices' | 'bytes' | 'text' | 'texts';
  /** Lines of the chunk before and after the pushed ones (the caller's `from`/`to` split). */
  before: number;
  after: number;
  /** Whether the chunk ends with '\n' (else the last start entry is one past the text's end). */
  newline: boolean;
}

type Step =
  | { kind: 'run'; gap: number; texts: string[]; pieces: Piece[] }
  | { kind: 'mark'; back: number; priority: number }
  | { kind: 'look' };

const STAMP = '2026-07-08T00:00:00.0240001Z ';
const dropStamp = (t: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /.exec(t)?.[0].length ?? 0;

// Few shapes with digits everywhere (runs collapse, or differ by a digit), lines longer than
// maxLineChars (16 in half the runs), a surrogate pair that a cut must not split, and the runner
// timestamp that dropPrefix measures.
const body = fc.oneof(
  fc.constantFrom(
    'offset 5 s2',
    'offset 17 s2',
    'tick',
    'tick',
    'error: boom 42',
    '',
    'é ok 1',
    '• [1.5 seconds] ok',
  ),
  fc.string({ maxLength: 6, unit: fc.constantFrom('a', '1', '2', ' ') }),
  fc.nat({ max: 9 }).map((n) => `${'x'.repeat(14)}😀${'y'.repeat(30)}${n}`),
);
const line = fc.tuple(fc.boolean(), body).map(([stamped, b]) => (stamped ? `${STAMP}${b}` : b));
const piece: fc.Arbitrary<Piece> = fc.record({
  size: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 8 }) },
    fc.integer({ min: 50, max: 2500 }),
  ),
  how: fc.constantFrom('slices', 'slices', 'bytes', 'bytes', 'text', 'texts'),
  before: fc.nat({ max: 2 }),
  after: fc.nat({ max: 2 }),
  newline: fc.boolean(),
});
const lines = fc.oneof(
  { weight: 8, arbitrary: fc.array(line, { minLength: 1, maxLength: 30 }) },
  // A long run (past the builder's 2048 waiting lines), mostly collapsing with a few breaks.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 3000 }), fc.integer({ min: 7, max: 500 }), line)
      .map(([n, every, odd]) =>
        Array.from({ length: n }, (_, i) => (i % every === 0 ? odd : `${STAMP}progress ${i} of ${n}`)),
      ),
  },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('run' as const),
      gap: fc.constantFrom(0, 0, 0, 0, 3),
      texts: lines,
      pieces: fc.array(piece, { minLength: 1, maxLength: 6 }),
    }),
  },
  {
    weight: 3,
    arbitrary: markStep(-4),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'look' as const }) },
);
const options = excerptOptions(800);

/** The caller's reusable line-start array (analyze keeps one per reader). */
const starts = new Int32Array(4096);

/** Pushes `texts[i..i+p.size)` as lines `no..` in a chunk with `p.before`/`p.after` other lines. */
function pushAsSlices(b: ExcerptBuilder, no: number, texts: string[], i: number, p: Piece, n: number): void {
  const bytes = p.how === 'bytes';
  const pushed = texts.slice(i, i + n).map((t) => (bytes ? Buffer.from(t, 'utf8').toString('latin1') : t));
  const all = [...Array.from({ length: p.before }, (_, k) => `before ${k}`), ...pushed, 'after 0', 'after 1'];
  all.length = p.before + n + p.after;
  const text = all.join('\n') + (p.newline ? '\n' : '');
  let at = 0;
  for (let k = 0; k < all.length; k++) {
    starts[k] = at;
    at += all[k]!.length + 1;
  }
  starts[all.length] = p.newline ? at : text.length + 1;
  b.pushSlices(no - p.before, text, starts, p.before, p.before + n, bytes);
  // The caller reuses the array for its next chunk at once.
  starts.fill(-1);
}

describe('pushSlices', () => {
  it('gives the same excerpts and retained counts as pushing each line as a string', () => {
    fc.assert(
      fc.property(options, fc.boolean(), fc.array(step, { maxLength: 120 }), (opt, drop, steps) => {
        const o = drop ? { ...opt, dropPrefix: dropStamp } : opt;
        const ref = createExcerptBuilder(o);
        const sut = createExcerptBuilder(o);
        let no = 0;
        for (const s of steps) {
          if (s.kind === 'run') {
            no += s.gap;
            for (let i = 0; i < s.texts.length; i++) ref.pushText(no + 1 + i, s.texts[i]!);
            for (let i = 0, p = 0; i < s.texts.length; p++) {
              const pc = s.pieces[p % s.pieces.length]!;
              const n = Math.min(pc.size, s.texts.length - i);
              if (pc.how === 'slices' || pc.how === 'bytes') pushAsSlices(sut, no + 1 + i, s.texts, i, pc, n);
              else if (pc.how === 'texts') sut.pushTexts(no + 1, s.texts, i, i + n);
              else for (let k = i; k < i + n; k++) sut.pushText(no + 1 + k, s.texts[k]!);
              i += n;
            }
            no += s.texts.length;
          } else if (s.kind === 'mark') {
            ref.mark(no - s.back, s.priority);
            sut.mark(no - s.back, s.priority);
          } else {
            expect(sut.retained()).toBe(ref.retained());
            expect(sut.finish()).toEqual(ref.finish());
          }
        }
        expect(sut.finish()).toEqual(ref.finish());
        expect(sut.retained()).toBe(ref.retained());
      }),
      { numRuns: 300 },
    );
  });

  it('refuses ranges outside the text, or line starts that do not reach `to`, pushing nothing', () => {
    const b = createExcerptBuilder();
    const text = 'ab\ncd\n';
    b.pushSlices(1, text, Int32Array.of(0, 3, 6), 0, 1);
    expect(() => b.pushSlices(1, text, Int32Array.of(0, 3, 6), 1, 3)).toThrow(/need 4 line starts, got 3/);
    expect(() => b.pushSlices(1, text, Int32Array.of(0, 3, 9), 1, 2)).toThrow(
      /line 2 spans 3 to 8, outside 0..6/,
    );
    expect(() => b.pushSlices(1, text, Int32Array.of(0, 3, -5), 1, 2)).toThrow(/line 2 spans 3 to -6/);
    expect(() => b.pushSlices(0, text, Int32Array.of(0, 3, 6), 0, 1)).toThrow(/positive integer/);
    expect(() => b.pushSlices(1, text, Int32Array.of(0, 3, 6), 0, 1)).toThrow(/line 1 after line 1/);
    b.pushSlices(1, text, Int32Array.of(0, 3, 6), 1, 2);
    expect(b.finish().text).toBe('1│ ab\n2│ cd');
  });

  // A heap snapshot (V8 collects garbage before taking one) lists every live string by its first
  // characters: a chunk still referenced after the flush shows up as a string starting with its
  // first line followed by '\n'. No timing involved. A chunk the test itself holds is the control.
  it('drops its references to the chunks of the lines a flush grouped', async () => {
    const tag = () => `chunk-${Math.random().toString(36).slice(2)}`;
    const gone = tag();
    const held = tag();
    const b = createExcerptBuilder({ headLines: 0, maxAnchors: 0, tailLines: 5 });
    // 1000 lines of `gone` wait ungrouped, then 100 distinct lines fill every recent row.
    const chunk = (first: string, n: number, shape: (i: number) => string) => {
      const all = [first, ...Array.from({ length: n - 1 }, (_, i) => shape(i + 1))];
      const at = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) at[i + 1] = at[i]! + all[i]!.length + 1;
      return { text: `${all.join('\n')}\n`, at };
    };
    const pushChunk = (first: string, no: number, n: number, shape: (i: number) => string) => {
      const { text, at } = chunk(first, n, shape);
      b.pushSlices(no, text, at, 0, n);
    };
    pushChunk(gone, 1, 1000, (i) => `the same line, number ${i}`);
    pushChunk(tag(), 1001, 100, (i) => `${'q'.repeat(i)} distinct`);
    const kept = chunk(held, 3, () => 'line kept by the test');
    b.finish();
    const snapshot = await readAll(getHeapSnapshot());
    // Booleans: a failure would otherwise print the whole snapshot.
    expect(snapshot.includes(`"${held}\\n`), 'the control chunk is seen').toBe(true);
    expect(snapshot.includes(`"${gone}\\n`), 'the flushed chunk is still referenced').toBe(false);
    // Uses `kept` after the snapshot, so the control chunk is alive while it is taken.
    expect(kept.text.length).toBeGreaterThan(0);
  });
});
