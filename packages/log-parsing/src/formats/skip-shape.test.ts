import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prng, ptpLogLines } from '../../bench/generate-ptp-log';
import { skipRunWith } from '../analyze/__fixtures__/skip-run-with';
import type { SkippingLineParser } from '../types';
import { logLines } from './__fixtures__/skipping-lines';
import { createParser, isSkippingLineParser } from './create-parser';
import {
  ASK,
  IGNORED,
  IGNORED_UNLESS_A,
  IGNORED_UNLESS_DASHES,
  PLAIN_OUTSIDE_TEST_SHAPE,
  PLAIN_SHAPE,
  SKIP_TABLES,
  type SkipShape,
  TIMESTAMPED_OUTSIDE_TEST_SHAPE,
  TIMESTAMPED_SHAPE,
} from './skip-shape';

/**
 * The skip table may only pass over lines the parser ignores: in every state where `skipShape()`
 * hands one out, each line the table ignores (judged by `skipRun` itself, over a region of
 * candidate lines) must be one `ignores` and `ignoresIn` accept. The candidates open their
 * message with every ASCII byte, followed by the tails that make the byte matter to some parser
 * (a tab, a `--- FAIL`, `anic: `, a Ginkgo header), and some random lines.
 */
const FORMATS = ['github-actions-log', 'plain'] as const;
type Format = (typeof FORMATS)[number];

const STAMP = '2026-07-08T00:00:00.0240001Z ';
/** Timestamp-like prefixes the table's shape check accepts, though the runner's regex may not. */
const PREFIXES = [STAMP, STAMP, '2026-07-08T00:00:00.02x0001Z ', '9#######:##########.#######Z '];
const TAILS = [
  '',
  'a',
  'anic: boom',
  'x ptp4l[1]: offset 3',
  '\tgithub.com/x/y\t0.1s',
  '   --- FAIL: TestX (0.00s)',
  '[FAILED] [1.0 seconds]',
  ' [FAILED] [1.0 seconds]',
  '##[error]boom',
  '"Time":"2026-07-08T00:00:00Z","Action":"fail","Test":"TestX"}',
];

interface Region {
  lines: string[];
  text: string;
  bytes: Buffer;
  starts: Int32Array;
  count: number;
  flags: Uint8Array;
}

/** Lines as a byte region (input/scan-blocks.ts): every line ends with '\n'. */
function region(lines: string[]): Region {
  const text = lines.map((l) => `${l}\n`).join('');
  const starts = new Int32Array(lines.length + 1);
  for (let k = 0; k < lines.length; k++) starts[k + 1] = starts[k]! + lines[k]!.length + 1;
  const bytes = Buffer.from(text, 'latin1');
  return { lines, text, bytes, starts, count: lines.length, flags: new Uint8Array(lines.length) };
}

/** Indexes of the lines `skipRun` passes over with `shape`, walking as analyze does. */
function tableIgnored(r: Region, shape: SkipShape): number[] {
  const out: number[] = [];
  for (let k = 0; k < r.count; k++) {
    const next = skipRunWith(r.text, r.flags, k, r.count, shape);
    for (; k < next; k++) out.push(k);
  }
  return out;
}

const ROTATION = TAILS.length * PREFIXES.length;

/**
 * For step `step` (mod `ROTATION`): every first byte but '\n', each with a tail and a prefix that
 * rotate per step, so that each byte meets every tail and prefix within `ROTATION` steps.
 */
function stepCandidates(step: number, timestamped: boolean): string[] {
  const lines: string[] = [];
  for (let b = 0; b < 0x80; b++) {
    if (b === 0x0a) continue;
    const message = String.fromCharCode(b) + TAILS[(b + step) % TAILS.length]!;
    const prefix = PREFIXES[(b + Math.floor(step / TAILS.length)) % PREFIXES.length]!;
    lines.push(timestamped ? prefix + message : message);
  }
  // The empty message, and (for the timestamped shape) lines of other shapes.
  lines.push(timestamped ? STAMP : '', '#'.repeat(40), 'panic: boom, no timestamp at all, long enough');
  return lines;
}

const asciiChar = fc.integer({ min: 0, max: 0x7f }).map((c) => (c === 0x0a ? ' ' : String.fromCharCode(c)));
/** Random messages: any ASCII, or a byte that matters to some parser ('p' then 'a' or not, …). */
const message = fc.oneof(
  fc.string({ unit: asciiChar, maxLength: 30 }),
  fc
    .tuple(
      fc.constantFrom('p', 'pa', 'pan', 'panic: ', 'o', 'F', '?', ' ', '\t'),
      fc.string({ unit: asciiChar, maxLength: 12 }),
    )
    .map(([a, b]) => a + b),
);
const candidates = fc.tuple(fc.array(message, { maxLength: 30 }), logLines).map(([messages, fixture]) =>
  // ASCII and escape-free: other lines are marked (wide or escaped) and never reach the table.
  [...messages, ...fixture.filter((l) => /^[^\x1b\x80-\uffff]*$/.test(l))].map((m) => m.replace(/\n/g, ' ')),
);

/** `logLines` draws are short at fast-check's default size: a few together reach deeper states. */
const longLog = fc.array(logLines, { minLength: 1, maxLength: 4 }).map((parts) => parts.flat());

function skipping(format: Format): SkippingLineParser {
  const parser = createParser(format, { path: 'x.log' });
  if (!isSkippingLineParser(parser)) throw new Error(`${format} does not skip lines`);
  return parser;
}

interface Soundness {
  /** The first line the table ignores but the parser does not, or null. */
  unsound: string | null;
  /** Lines the table ignored (all checked), and steps where the parser had no table. */
  checked: number;
  busySteps: number;
}

/**
 * Drives a parser through the states of each drawn log, checking the table (patched by `patch`);
 * the mutation checks fix `seed` so that they see the same logs every time.
 */
function soundness(
  format: Format,
  patch: ((classes: Uint8Array) => void) | null,
  numRuns: number,
  seed?: number,
): Soundness {
  let checked = 0;
  let busySteps = 0;
  const extra = { ts: new Map<number, Region>(), plain: new Map<number, Region>() };
  const result = fc.check(
    fc.property(longLog, candidates, (texts, drawn) => {
      const parser = skipping(format);
      const random = {
        ts: region(drawn.flatMap((m) => [STAMP + m, m])),
        plain: region(drawn),
      };
      for (let step = 0; step <= texts.length; step++) {
        const shape = parser.skipShape();
        if (shape === null) busySteps++;
        else {
          let used = shape;
          if (patch) {
            const classes = Uint8Array.from(shape.classes);
            patch(classes);
            used = { timestamped: shape.timestamped, classes, stopBit: shape.stopBit };
          }
          const key = shape.timestamped ? 'ts' : 'plain';
          let fixed = extra[key].get(step % ROTATION);
          if (!fixed) {
            fixed = region(stepCandidates(step % ROTATION, shape.timestamped));
            extra[key].set(step % ROTATION, fixed);
          }
          for (const r of [fixed, random[key]]) {
            for (const k of tableIgnored(r, used)) {
              checked++;
              const line = r.lines[k]!;
              const inRegion = parser.ignoresIn(r.text, r.starts[k]!, r.starts[k + 1]! - 1);
              if (!parser.ignores(line) || !inRegion)
                throw new Error(
                  `after ${step} lines ${JSON.stringify(texts.slice(0, step))}: ${JSON.stringify(line)}`,
                );
            }
          }
        }
        if (step < texts.length) parser.push({ no: step + 1, text: texts[step]! });
      }
    }),
    { numRuns, endOnFailure: true, ...(seed === undefined ? {} : { seed }) },
  );
  const unsound = result.failed
    ? `${(result.errorInstance as Error | undefined)?.message ?? String(result.counterexample)} (seed ${result.seed})`
    : null;
  return { unsound, checked, busySteps };
}

describe.each(FORMATS)('%s: the skip table is sound', (format) => {
  it('ignores only lines the parser ignores, in every state that has a table', () => {
    const { unsound, checked, busySteps } = soundness(format, null, 400);
    expect(unsound).toBeNull();
    // The logs reach states without a table too, and the table passes over many lines.
    expect(busySteps).toBeGreaterThan(300);
    expect(checked).toBeGreaterThan(200_000);
  });

  it('would be caught ignoring any first byte it asks about', () => {
    // Each ASCII byte the table asks about matters to an idle parser for some tail: marking it
    // ignored in a copy of the table must make the check above fail (the source is untouched).
    const asked = [...Array(0x80).keys()].filter((c) => TIMESTAMPED_SHAPE.classes[c] === ASK);
    expect(asked.map((c) => String.fromCharCode(c)).sort()).toEqual(
      expect.arrayContaining(['[', 'R', '=', '{', '#', '-', 'o', ' ', '\t']),
    );
    for (const c of asked) {
      const { unsound } = soundness(format, (classes) => (classes[c] = IGNORED), 40, 8);
      expect(unsound, `byte 0x${c.toString(16)} marked ignored`).not.toBeNull();
    }
    // 'p' ignored even before 'a' would skip `panic: `.
    expect(soundness(format, (classes) => (classes[0x70] = IGNORED), 40, 8).unsound).not.toBeNull();
  });
});

describe('skip table shapes', () => {
  it("each has its own stop bit, naming its timestamps and its class table's place in SKIP_TABLES", () => {
    const shapes = [PLAIN_SHAPE, PLAIN_OUTSIDE_TEST_SHAPE, TIMESTAMPED_SHAPE, TIMESTAMPED_OUTSIDE_TEST_SHAPE];
    for (const shape of shapes) {
      const bit = Math.log2(shape.stopBit);
      expect(Number.isInteger(bit) && bit >= 0 && bit < 4).toBe(true);
      expect(bit >> 1).toBe(shape.timestamped ? 1 : 0);
      const table = SKIP_TABLES.classes.subarray(256 * (bit & 1), 256 * (bit & 1) + 256);
      expect([...table]).toEqual([...shape.classes]);
    }
    expect(new Set(shapes.map((s) => s.stopBit)).size).toBe(4);
  });

  it('hands out the timestamped table for job logs and the plain one otherwise, only while idle', () => {
    const gh = skipping('github-actions-log');
    const plain = skipping('plain');
    expect(gh.skipShape()).toBe(TIMESTAMPED_OUTSIDE_TEST_SHAPE);
    expect(plain.skipShape()).toBe(PLAIN_OUTSIDE_TEST_SHAPE);
    // A running go test: its indented output is asked about.
    gh.push({ no: 1, text: `${STAMP}=== RUN   TestX` });
    expect(gh.skipShape()).toBe(TIMESTAMPED_SHAPE);
    plain.push({ no: 1, text: '=== RUN   TestX' });
    expect(plain.skipShape()).toBe(PLAIN_SHAPE);
    gh.push({ no: 2, text: `${STAMP}##[error]boom` });
    expect(gh.skipShape()).toBeNull();
    plain.push({ no: 2, text: 'panic: boom' });
    expect(plain.skipShape()).toBeNull();
    const ginkgo = skipping('plain');
    ginkgo.push({ no: 1, text: '• [FAILED] [1.0 seconds]' });
    expect(ginkgo.skipShape()).toBeNull();
  });

  it('asks about every byte >= 0x80 and uses only the four classes', () => {
    for (const shape of [TIMESTAMPED_SHAPE, TIMESTAMPED_OUTSIDE_TEST_SHAPE]) {
      for (let c = 0; c < 256; c++) {
        expect([IGNORED, ASK, IGNORED_UNLESS_A, IGNORED_UNLESS_DASHES]).toContain(shape.classes[c]);
        if (c >= 0x80) expect(shape.classes[c]).toBe(ASK);
      }
      expect(shape.classes[0x70]).toBe(IGNORED_UNLESS_A);
    }
    // Outside a test, indented lines are ignored unless they hold `--- `; the tables differ only there.
    const differ = [...Array(256).keys()].filter(
      (c) => TIMESTAMPED_SHAPE.classes[c] !== TIMESTAMPED_OUTSIDE_TEST_SHAPE.classes[c],
    );
    expect(differ).toEqual([0x09, 0x20]);
    expect(TIMESTAMPED_OUTSIDE_TEST_SHAPE.classes[0x20]).toBe(IGNORED_UNLESS_DASHES);
  });

  it('passes over most lines of the benchmark log on an idle parser', () => {
    const gen = ptpLogLines(prng(8));
    const lines = Array.from({ length: 5000 }, () => gen.next().value as string);
    const gh = region(lines);
    const ghIgnored = tableIgnored(gh, skipping('github-actions-log').skipShape()!).length;
    const plain = region(lines.map((l) => l.slice(STAMP.length)));
    const plainIgnored = tableIgnored(plain, skipping('plain').skipShape()!).length;
    // ptp4l, phc2sys, ts2phc and klog lines (~92%) and STEP lines; Ginkgo progress lines (coloured,
    // a bullet) are asked about.
    expect(ghIgnored / lines.length).toBeGreaterThan(0.9);
    expect(plainIgnored).toBe(ghIgnored);
  });
});

describe.each(FORMATS)('%s: skipLines', (format) => {
  /** Skips each run of lines `ignores` accepts either line by line or with one `skipLines`. */
  const walk = (texts: string[], parser: SkippingLineParser, ranges: boolean) => {
    let first = -1;
    const flush = (last: number) => {
      if (first === -1) return;
      if (ranges) parser.skipLines(first, last);
      else for (let no = first; no <= last; no++) parser.skip(no);
      first = -1;
    };
    texts.forEach((text, i) => {
      if (!/[\x1b\x9b\ufffd]/.test(text) && parser.ignores(text)) {
        if (first === -1) first = i + 1;
      } else {
        flush(i);
        parser.push({ no: i + 1, text });
      }
    });
    flush(texts.length);
  };

  const sameAsEach = (texts: string[], breakRanges: boolean): boolean => {
    const each = skipping(format);
    const ranged = skipping(format);
    if (breakRanges) ranged.skipLines = () => {};
    walk(texts, each, false);
    walk(texts, ranged, true);
    // The whole state (a job log's line ranges included), then the report.
    const { skipLines: _, ...state } = ranged as unknown as Record<string, unknown>;
    try {
      expect(state).toEqual(each);
      expect(ranged.finish()).toEqual(each.finish());
      return true;
    } catch {
      return false;
    }
  };

  it('leaves the parser as skip of every line in the range does', () => {
    fc.assert(
      fc.property(logLines, (texts) => sameAsEach(texts, false)),
      { numRuns: 300 },
    );
  });

  it.runIf(format === 'github-actions-log')('would notice skipLines dropping its range', () => {
    // A log whose last lines are all skipped: the job's line range must still reach them.
    expect(sameAsEach([`${STAMP}##[group]Run make`, `${STAMP}ptp4l[1]: offset 3`], true)).toBe(false);
    expect(sameAsEach([`${STAMP}##[group]Run make`, `${STAMP}ptp4l[1]: offset 3`], false)).toBe(true);
  });
});
