import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEagerExcerptBuilder } from './__fixtures__/eager-excerpt-builder';
import { excerptOptions, markStep } from './__fixtures__/excerpt-arbitraries';
import { createExcerptBuilder } from './excerpt-builder';

/** One step of a scripted session; both builders get the same steps. */
type Step =
  | { kind: 'push'; text: string; gap: number }
  | { kind: 'mark'; back: number; priority: number }
  | { kind: 'look' };

// Few distinct shapes and digits everywhere, so runs of collapsing lines are common.
const text = fc.oneof(
  fc.constantFrom('offset 5 s2', 'offset 17 s2', 'offset -3 s2', 'tick', 'tick', 'error: boom 42', ''),
  fc.string({ maxLength: 6, unit: fc.constantFrom('a', '1', '2', ' ') }),
  fc.nat({ max: 9 }).map((n) => `${'x'.repeat(40)}${n}`),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      text,
      gap: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 2),
    }),
  },
  {
    weight: 2,
    arbitrary: markStep(-3),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'look' as const }) },
);
const options = excerptOptions(600);

describe('lazy row grouping', () => {
  it('gives the same excerpts and retained counts as grouping every line as it comes', () => {
    fc.assert(
      fc.property(options, fc.array(step, { maxLength: 1500 }), (opt, steps) => {
        const lazy = createExcerptBuilder(opt);
        const eager = createEagerExcerptBuilder(opt);
        let no = 0;
        for (const s of steps) {
          if (s.kind === 'push') {
            no += 1 + s.gap;
            lazy.push({ no, text: s.text });
            eager.push({ no, text: s.text });
          } else if (s.kind === 'mark') {
            // back < 0 marks a line not pushed yet.
            lazy.mark(no - s.back, s.priority);
            eager.mark(no - s.back, s.priority);
          } else {
            expect(lazy.retained()).toBe(eager.retained());
            expect(lazy.finish()).toEqual(eager.finish());
          }
        }
        expect(lazy.finish()).toEqual(eager.finish());
        expect(lazy.retained()).toBe(eager.retained());
      }),
      { numRuns: 300 },
    );
  });

  it('takes runs of lines with pushTexts exactly as one pushText per line', () => {
    fc.assert(
      fc.property(options, fc.array(step, { maxLength: 1500 }), (opt, steps) => {
        const runs = createExcerptBuilder(opt);
        const eager = createEagerExcerptBuilder(opt);
        let no = 0;
        // Consecutive pushes without a gap are collected and handed over as one run, from an
        // offset inside a longer array (as analyze passes a batch's texts).
        let run: string[] = ['unused'];
        let runFirst = 0;
        const flushRun = () => {
          runs.pushTexts(runFirst - 1, run, 1, run.length);
          run = ['unused'];
        };
        for (const s of steps) {
          if (s.kind === 'push') {
            if (s.gap > 0) flushRun();
            no += 1 + s.gap;
            if (run.length === 1) runFirst = no;
            run.push(s.text);
            eager.push({ no, text: s.text });
          } else {
            flushRun();
            if (s.kind === 'mark') {
              runs.mark(no - s.back, s.priority);
              eager.mark(no - s.back, s.priority);
            } else expect(runs.finish()).toEqual(eager.finish());
          }
        }
        flushRun();
        expect(runs.finish()).toEqual(eager.finish());
        expect(runs.retained()).toBe(eager.retained());
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a run that does not follow the lines before it', () => {
    const b = createExcerptBuilder();
    b.pushTexts(1, ['a', 'b'], 0, 2);
    expect(() => b.pushTexts(1, ['a', 'b'], 1, 2)).toThrow(/line 2 after line 2/);
    expect(() => b.pushTexts(0, ['a'], 0, 1)).toThrow(/positive integer/);
    b.pushTexts(5, ['x'], 0, 0);
    expect(b.finish().ranges).toEqual([[1, 2]]);
  });

  it('stays exact across many flushes of long collapsing runs', () => {
    const lazy = createExcerptBuilder({ budgetTokens: 400 });
    const eager = createEagerExcerptBuilder({ budgetTokens: 400 });
    for (let no = 1; no <= 20_000; no++) {
      const text = no % 3000 < 1500 ? `progress ${no} of 20000` : `step ${no % 7} done`;
      lazy.push({ no, text });
      eager.push({ no, text });
      if (no % 4999 === 0) {
        lazy.mark(no, 1);
        eager.mark(no, 1);
      }
    }
    expect(lazy.finish()).toEqual(eager.finish());
  });

  it('keeps growing a head row or a marked row that later lines collapse into', () => {
    const opt = { headLines: 1, tailLines: 2, contextBefore: 0, contextAfter: 0 };
    for (const markAt of [null, 2]) {
      const lazy = createExcerptBuilder(opt);
      const eager = createEagerExcerptBuilder(opt);
      const texts = ['a 1', 'b 1', 'b 2', 'b 3', 'b 4', 'c', 'd', 'e', 'f'];
      texts.forEach((text, i) => {
        for (const b of [lazy, eager]) {
          b.push({ no: i + 1, text: markAt === null && i < 4 ? 'a 9' : text });
          if (i + 1 === markAt) b.mark(markAt, 0);
        }
      });
      const out = lazy.finish();
      expect(out).toEqual(eager.finish());
      expect(out.text).toMatch(markAt === null ? /^1–4│/ : /\n2–5│/);
    }
  });

  it('drops a measured prefix exactly as if the lines had been pushed without it', () => {
    const prefix = fc.constantFrom('', '2026-07-08T00:00:00.0240001Z ', 'TS> ');
    fc.assert(
      fc.property(
        options,
        fc.array(step, { maxLength: 800 }),
        fc.array(prefix, { minLength: 1 }),
        (opt, steps, prefixes) => {
          const dropping = createExcerptBuilder({
            ...opt,
            dropPrefix: (t) => prefixes.find((p) => p !== '' && t.startsWith(p))?.length ?? 0,
          });
          const plain = createEagerExcerptBuilder(opt);
          let no = 0;
          for (const s of steps) {
            if (s.kind === 'push') {
              no += 1 + s.gap;
              dropping.push({ no, text: `${prefixes[no % prefixes.length]}${s.text}` });
              plain.push({ no, text: s.text });
            } else if (s.kind === 'mark') {
              dropping.mark(no - s.back, s.priority);
              plain.mark(no - s.back, s.priority);
            } else expect(dropping.finish()).toEqual(plain.finish());
          }
          expect(dropping.finish()).toEqual(plain.finish());
        },
      ),
      { numRuns: 300 },
    );
  });
});
