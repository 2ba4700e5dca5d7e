import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../ansi';
import { logLines } from '../formats/__fixtures__/skipping-lines';
import { createParser, isSkippingLineParser } from '../formats/create-parser';
import { IGNORED, IGNORED_UNLESS_HEADER, QUIET_WIDE_CLASSES, QUIET_WIDE_FIRST } from '../formats/skip-shape';
import type { SkippingLineParser } from '../types';
import { QUIET, QUIET_WIDE_TEXT, quietLineStops } from './quiet-line';

/**
 * A quiet line's verdicts may only let a shape pass over lines its parser ignores: in every state
 * where `skipShape()` hands one out, a quiet line whose verdict lacks the shape's stop bit must be
 * one the parser ignores, read as analyze's decoding path reads it (decoded; `ignoresEscaped` with
 * the stripped text when it holds an escape, else `ignores`).
 */
const STAMP = '2026-07-08T00:00:00.0240001Z ';
const PREFIXES = [
  STAMP,
  '',
  '9#######:##########.#######Z ',
  '2026-07-08T00:00:00.02x0001Z ',
  `\x1b[0m${STAMP}`,
];
const COLOURS = ['', '\x1b[0m', '\x1b[38;5;10m', '\x1b[1m\x1b[0m', '\x1b[38;5;9m'];
const STARTS = ['•', '•!', '•...', '•.', '…', '—', '“', '‣', '', ' ', '\t', 'p', 'R', '#', '{', '['];
const TAILS = [
  ' [12.345 seconds] [It] [oc-serial] PTP passes',
  ' [FAILED] [1.0 seconds]',
  ' \x1b[38;5;9m[FAILED]\x1b[0m [1.0 seconds]',
  ' [PANICKED] x',
  ' [INTERRUPTED] x',
  ' Failure [1.0 seconds]',
  ' Panic [0.1 seconds]',
  ' Timeout [600 seconds]',
  ' [TIMEDOUT] x',
  ' [ABORTED] x',
  'anic: boom',
  'tp4l[1]: offset 3',
  '   --- FAIL: TestX (0.00s)',
  '--- ',
  'unning Suite: x',
  '##[error]boom',
  '"Action":"fail","Test":"TestX"}',
  '',
  ' ',
  'a',
];

/**
 * Quiet candidates: every start with every tail, each with a drawn prefix, colours and ending (most
 * are quiet; some, such as one with `\x1b[1m\x1b[0m` after a word, are not).
 */
const candidates = fc
  .array(
    fc.tuple(
      fc.constantFrom(...PREFIXES),
      fc.constantFrom(...COLOURS),
      fc.constantFrom(...COLOURS),
      fc.constantFrom('', ' \x1b[0m', ' … “done”'),
    ),
    { minLength: STARTS.length * TAILS.length, maxLength: STARTS.length * TAILS.length },
  )
  .map((drawn) =>
    drawn.map(([prefix, before, after, end], i) => {
      const start = STARTS[i % STARTS.length]!;
      const tail = TAILS[Math.floor(i / STARTS.length)]!;
      return `${prefix}${before}${start}${after}${tail}${end}`;
    }),
  );

/** `logLines` draws are short at fast-check's default size: a few together reach deeper states. */
const longLog = fc.array(logLines, { minLength: 1, maxLength: 4 }).map((parts) => parts.flat());

function skipping(format: 'github-actions-log' | 'plain'): SkippingLineParser {
  const parser = createParser(format, { path: 'x.log' });
  if (!isSkippingLineParser(parser)) throw new Error(`${format} does not skip lines`);
  return parser;
}

/** Lines as a byte region's text (UTF-8 bytes read as latin1), with their starts. */
function region(lines: readonly string[]): { text: string; starts: number[] } {
  const text = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8').toString('latin1');
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return { text, starts };
}

interface Soundness {
  unsound: string | null;
  passed: number;
}

/** Drives each parser through drawn logs, checking the verdicts of drawn quiet candidates. */
function soundness(numRuns: number, seed?: number): Soundness {
  let passed = 0;
  const result = fc.check(
    fc.property(
      fc.constantFrom('github-actions-log' as const, 'plain' as const),
      longLog,
      candidates,
      (format, texts, lines) => {
        const parser = skipping(format);
        const { text, starts } = region(lines);
        const verdicts = lines.map((_, k) => quietLineStops(text, starts[k]!, starts[k + 1]! - 1));
        for (let step = 0; step <= texts.length; step++) {
          const shape = parser.skipShape();
          if (shape !== null) {
            lines.forEach((line, k) => {
              const v = verdicts[k]!;
              if (v === -1 || (v & shape.stopBit) !== 0) return;
              passed++;
              const ignored = line.includes('\x1b')
                ? parser.ignoresEscaped(line, stripAnsi(line))
                : parser.ignores(line);
              if (!ignored) throw new Error(`${format} after ${step} lines: ${JSON.stringify(line)}`);
            });
          }
          if (step < texts.length) parser.push({ no: step + 1, text: texts[step]! });
        }
      },
    ),
    { numRuns, endOnFailure: true, ...(seed === undefined ? {} : { seed }) },
  );
  const unsound = result.failed
    ? `${(result.errorInstance as Error | undefined)?.message ?? String(result.counterexample)} (seed ${result.seed})`
    : null;
  return { unsound, passed };
}

describe('quiet lines: their verdicts are sound', () => {
  it('let a shape pass over only lines its parser ignores, in every state that has a shape', () => {
    const { unsound, passed } = soundness(100);
    expect(unsound).toBeNull();
    expect(passed).toBeGreaterThan(50_000);
  });

  it('would be caught passing over a bullet that may open a header, or a wide character asked about', () => {
    const bullet = 0x2022 - QUIET_WIDE_FIRST;
    expect(QUIET_WIDE_CLASSES[bullet]).toBe(IGNORED_UNLESS_HEADER);
    QUIET_WIDE_CLASSES[bullet] = IGNORED;
    try {
      expect(soundness(20, 8).unsound).not.toBeNull();
    } finally {
      QUIET_WIDE_CLASSES[bullet] = IGNORED_UNLESS_HEADER;
    }
    // Every other character of the range is ignored: none opens a Ginkgo header.
    expect([...QUIET_WIDE_CLASSES].filter((c) => c !== IGNORED)).toEqual([IGNORED_UNLESS_HEADER]);
  });
});

describe('quietLineStops', () => {
  const verdict = (line: string) => {
    const { text, starts } = region([line]);
    return quietLineStops(text, 0, starts[1]! - 1);
  };

  it("passes a passed spec's coloured line in every shape, and stops at a failed spec's", () => {
    expect(verdict(`${STAMP}\x1b[38;5;10m•\x1b[0m [91.612 seconds] [It] [oc-serial] PTP e2e tests`)).toBe(
      QUIET,
    );
    expect(verdict(`\x1b[38;5;10m•\x1b[0m [1.0 seconds] [It] spec`)).toBe(QUIET | 0b1100);
    // t = 1 stops; t = 0 reads the timestamp's digit first and passes.
    expect(verdict(`${STAMP}\x1b[38;5;9m• [FAILED] [300.528 seconds]\x1b[0m`)).toBe(QUIET | 0b1100);
    expect(verdict('\x1b[38;5;9m• [FAILED] [300.528 seconds]\x1b[0m')).toBe(QUIET | 0b1111);
    // An indented line is asked about only while a go test runs (table 0), unless it holds `--- `.
    expect(verdict(`${STAMP}  \x1b[1mSTEP:\x1b[0m Checking`)).toBe(QUIET | 0b0100);
    expect(verdict(`${STAMP}  \x1b[1mSTEP:\x1b[0m --- FAIL: x`)).toBe(QUIET | 0b1100);
    // The bytes have a timestamp's places where the decoded text has others: the message the
    // runner's parser reads is `#error`, not the bytes' `Z #`.
    const shifted = '1•345678901234567.9.12345Z Z #error';
    expect(skipping('github-actions-log').ignores(shifted)).toBe(false);
    expect(verdict(shifted) & 0b1100).toBe(0b1100);
  });

  it('is -1 for a line with another wide character, an escape after a word character or no CSI', () => {
    for (const line of [
      `${STAMP}é`,
      `${STAMP}‛quoted`,
      `${STAMP}\u2028`,
      `${STAMP}pass\x1b[0mword`,
      `${STAMP}\x1b[1m\x1b[0m x`,
      `${STAMP}\x1b]0;title\x07`,
      `${STAMP}\x1b(B`,
      `${STAMP}\x9b31m`,
      `${STAMP}\x1b[31`,
    ]) {
      expect(verdict(line), JSON.stringify(line)).toBe(-1);
    }
    expect(verdict(`${STAMP}plain ASCII`)).toBe(QUIET);
  });

  it('names the wide characters a quiet line may hold', () => {
    expect([...QUIET_WIDE_TEXT].map((c) => c.charCodeAt(0).toString(16))).toEqual(
      [...Array(0x18).keys()]
        .map((i) => 0x2010 + i)
        .filter((c) => c !== 0x201b)
        .map((c) => c.toString(16)),
    );
  });
});
