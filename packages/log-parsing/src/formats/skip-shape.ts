import {
  SKIP_CLASSES,
  SKIP_IGNORED,
  SKIP_IGNORED_UNLESS_A,
  SKIP_IGNORED_UNLESS_DASHES,
} from '../scan-kernel/kernel-limits';
import type { KernelSkipTables } from '../scan-kernel/scan-kernel';
import { isHeaderStart } from './ginkgo-console-header';

/**
 * What `SkippingLineParser.skipShape` hands out: a byte table that judges most lines of a long log
 * from one or two bytes, so that analyze's byte scan (analyze/skip-run.ts) can pass over runs of
 * them without a call per line into the parsers.
 */
export interface SkipShape {
  /**
   * Lines open with the runner's 29-character timestamp (`2026-07-08T00:00:00.0240001Z `): the
   * message starts at 29. A line of another shape (a digit first, then `.`, `Z` and a space at
   * 19, 27 and 28) is not judged by the table.
   */
  readonly timestamped: boolean;
  /**
   * By the message's first byte: `IGNORED`, `IGNORED_UNLESS_A` (ignored unless the next byte is
   * `a`), `IGNORED_UNLESS_DASHES` (ignored unless the message holds `--- `), or `ASK` (ask
   * `ignoresIn`). An empty message is ignored.
   */
  readonly classes: Uint8Array;
  /**
   * This shape's bit in a line's skip verdict (`ScanKernel.skipStops` with `SKIP_TABLES`):
   * `1 << (2 * timestamped + v)` for `classes` = table v of `SKIP_TABLES`.
   */
  readonly stopBit: number;
}

// The classes the scan kernel reads (kernel-limits.ts); any other value asks.
export const IGNORED = SKIP_IGNORED;
export const ASK = 1;
export const IGNORED_UNLESS_A = SKIP_IGNORED_UNLESS_A;
export const IGNORED_UNLESS_DASHES = SKIP_IGNORED_UNLESS_DASHES;

/**
 * The first bytes the idle embedded parsers react to, mirrored from their `ignoresAt`: Ginkgo's
 * header and banner characters and its `R`/`S`/`F` lines (ginkgo-console.ts), go test's `=`, `-`,
 * `#`, indented lines and `o`/`F`/`?` results (go-test-text.ts), a `{` that may open go test JSON
 * (embedded-test-output.ts), and `#` of a runner marker (github-log-reader.ts). `p` is ignored
 * unless it opens `pa` (`panic: `): most lines of a PTP log are `ptp4l`/`phc2sys` reports. Every
 * byte >= 0x80 is asked about (the caller decodes such lines anyway). The property test in
 * skip-shape.test.ts checks that every line the table ignores, the parsers ignore.
 */
function embeddedClasses(): Uint8Array {
  const classes = new Uint8Array(256);
  for (let c = 0x80; c < 256; c++) classes[c] = ASK;
  for (let c = 0; c < 0x80; c++) if (isHeaderStart(c)) classes[c] = ASK;
  for (const c of 'RSF={#-o?\t ') classes[c.charCodeAt(0)] = ASK;
  classes[0x70 /* p */] = IGNORED_UNLESS_A;
  return classes;
}

const EMBEDDED_CLASSES = embeddedClasses();

/**
 * A class of `QUIET_WIDE_CLASSES` only (the scan kernel never sees it): the Ginkgo bullet `•`,
 * ignored unless it may open a header (`bulletMayOpenHeader`).
 */
export const IGNORED_UNLESS_HEADER = 4;

/** The first of the wide characters `QUIET_WIDE_CLASSES` judges: U+2010 to U+2027. */
export const QUIET_WIDE_FIRST = 0x2010;

/**
 * For analyze's quiet lines (analyze/quiet-line.ts), whose decoded text may open with punctuation
 * U+2010–U+2027 (dashes, quotes, `•`, `…`): the class of each such first character, in every
 * shape. The idle parsers react to none of them but a Ginkgo header's first character
 * (`isHeaderStart`: only `•` in the range); go test reads ASCII first characters only, Ginkgo's
 * other idle lines open with `▶` and `■` (outside the range). analyze/quiet-line.test.ts checks
 * quiet lines' verdicts against the parsers, as skip-shape.test.ts checks the byte tables.
 */
export const QUIET_WIDE_CLASSES: Uint8Array = Uint8Array.from({ length: 0x18 }, (_, i) => {
  const c = QUIET_WIDE_FIRST + i;
  return !isHeaderStart(c) ? IGNORED : c === 0x2022 ? IGNORED_UNLESS_HEADER : ASK;
});

/**
 * The same while go test has no test running: an indented line (a space or a tab first) then
 * matters only when it holds a `--- ` result (`    --- FAIL: TestX/sub`). Ginkgo's `STEP:` lines
 * are indented: on the benchmark log one line in 20, each of which cost a call into the parsers.
 */
function outsideTestClasses(): Uint8Array {
  const classes = Uint8Array.from(EMBEDDED_CLASSES);
  classes[0x20] = IGNORED_UNLESS_DASHES;
  classes[0x09] = IGNORED_UNLESS_DASHES;
  return classes;
}

const OUTSIDE_TEST_CLASSES = outsideTestClasses();

/**
 * The two class tables, back to back, for the scan kernel's per-line verdicts (`skipStops`, run
 * once per byte region): table 0 `EMBEDDED_CLASSES`, table 1 `OUTSIDE_TEST_CLASSES`.
 */
export const SKIP_TABLES: KernelSkipTables = { classes: new Uint8Array(2 * SKIP_CLASSES) };
SKIP_TABLES.classes.set(EMBEDDED_CLASSES, 0);
SKIP_TABLES.classes.set(OUTSIDE_TEST_CLASSES, SKIP_CLASSES);

/** The shape of a raw GitHub Actions job log while its parsers are idle. */
export const TIMESTAMPED_SHAPE: SkipShape = { timestamped: true, classes: EMBEDDED_CLASSES, stopBit: 1 << 2 };

/** The shape of any other text log while its parsers are idle. */
export const PLAIN_SHAPE: SkipShape = { timestamped: false, classes: EMBEDDED_CLASSES, stopBit: 1 << 0 };

/** `TIMESTAMPED_SHAPE` while no go test is running (`outsideTestClasses`). */
export const TIMESTAMPED_OUTSIDE_TEST_SHAPE: SkipShape = {
  timestamped: true,
  classes: OUTSIDE_TEST_CLASSES,
  stopBit: 1 << 3,
};

/** `PLAIN_SHAPE` while no go test is running. */
export const PLAIN_OUTSIDE_TEST_SHAPE: SkipShape = {
  timestamped: false,
  classes: OUTSIDE_TEST_CLASSES,
  stopBit: 1 << 1,
};
