import { csiRunEnd } from '../ansi';
import { sharedImage } from '../byte-image';
import { bulletMayOpenHeader } from '../formats/ginkgo-console-header';
import {
  IGNORED,
  IGNORED_UNLESS_A,
  IGNORED_UNLESS_DASHES,
  IGNORED_UNLESS_HEADER,
  QUIET_WIDE_CLASSES,
  QUIET_WIDE_FIRST,
  SKIP_TABLES,
} from '../formats/skip-shape';
import { SKIP_CLASSES } from '../scan-kernel/kernel-limits';
import { scanKernel } from '../scan-kernel/scan-kernel';

/**
 * Skip verdicts for the "quiet" lines of a byte region (the latin1 reading of UTF-8 bytes), found
 * without decoding them, so that the region walk can pass over them like any ASCII line
 * (analyze/take-region.ts). A quiet line's only bytes >= 0x80 are the three bytes of punctuation
 * U+2010–U+2027 other than U+201B (E2 80 90–A7, not 9B: dashes, quotes, `•`, `…`), and its only
 * escapes are CSI sequences (`ESC [ … final`, as `csiEnd` reads them), none right after a word
 * character `[\w-]`. Such a line decodes to ASCII and those characters; the redactor and the
 * classifier's scans see in its bytes all they would see in its decoded text (no 0x9B byte, no
 * U+FFFD, no character that folds to ASCII), and removing its escapes joins no keyword
 * (redact/hidden-keywords.ts looks only behind escapes that follow a word character). Left to
 * know is what the parsers do with its stripped text, which `quietLineStops` says from the bytes.
 * Ginkgo's passed-spec lines (`\x1b[38;5;10m•\x1b[0m [12.3 seconds] [It] …`, one line in 34 of a
 * verbose run) are the ones that matter: decoding and judging them one at a time was ~18% of a
 * 100 MB run's instructions (docs/performance.md, "Session 12").
 */

/** Set in a quiet line's skip verdict, beside the four stop bits (`SkipShape.stopBit`). */
export const QUIET = 0x10;

/** The wide characters a quiet line may hold, for asking a classifier about them (`hitsMissWide`). */
export const QUIET_WIDE_TEXT = String.fromCharCode(
  ...Array.from({ length: QUIET_WIDE_CLASSES.length }, (_, i) => QUIET_WIDE_FIRST + i).filter(
    (c) => c !== 0x201b,
  ),
);

/**
 * For line [start, end) of `text` (`text[end]` is its '\n'): -1 when it is not quiet, else
 * `QUIET` and the `stopBit` of each of the four shapes that must stop at it, judged as the idle
 * parsers judge its decoded text with the escapes removed (`ignoresEscaped`; `ignores` for a line
 * without escapes). The bytes are tested by the scan kernel (`ScanKernel.quietLine`): a
 * JavaScript loop over them took ~45 instructions a byte.
 */
export function quietLineStops(text: string, start: number, end: number): number {
  sharedImage.hold(text);
  const first = scanKernel().quietLine(start, end);
  if (first === -1) return -1;
  // The runner's timestamp, with the places the kernel checks (`skipStops`) and no escape or
  // wide byte (so the stripped, decoded text has it at the same places); the message after it.
  const stamped =
    end - start >= 29 &&
    first >= start + 29 &&
    text.charCodeAt(start) >= 0x30 &&
    text.charCodeAt(start) <= 0x39 &&
    text.charCodeAt(start + 19) === 0x2e &&
    text.charCodeAt(start + 27) === 0x5a &&
    text.charCodeAt(start + 28) === 0x20;
  return (
    QUIET | messageStops(text, start, end) | (stamped ? messageStops(text, start + 29, end) << 2 : 0b1100)
  );
}

/**
 * Bit v: class table v of `SKIP_TABLES` stops at the quiet message [m, end), read as its
 * stripped, decoded text. Exact for the byte classes: no escape follows a word character, so none
 * follows the `p` of `pa` or sits inside a `--- `.
 */
function messageStops(text: string, m: number, end: number): number {
  const i = csiRunEnd(text, m);
  // -1 (an escape that is no CSI) cannot happen on a quiet line; were it to, both tables ask.
  if (i === -1) return 0b11;
  if (i >= end) return 0;
  const c = text.charCodeAt(i);
  if (c === 0xe2) {
    // E2 80 xx is U+2000 + (xx - 0x80): its class is at xx - 0x90 (QUIET_WIDE_FIRST is U+2010).
    const cls = QUIET_WIDE_CLASSES[text.charCodeAt(i + 2) - 0x90];
    const stops =
      cls === IGNORED ? false : cls === IGNORED_UNLESS_HEADER ? bulletMayOpenHeader(text, i + 3) : true;
    return stops ? 0b11 : 0;
  }
  const classes = SKIP_TABLES.classes;
  const cls0 = classes[c]!;
  const cls1 = classes[SKIP_CLASSES + c]!;
  // The two tables differ only at a few bytes (an indented line's): one answer for both elsewhere.
  if (cls0 === cls1) return classStops(text, i, end, cls0) ? 0b11 : 0;
  return (classStops(text, i, end, cls0) ? 1 : 0) | (classStops(text, i, end, cls1) ? 2 : 0);
}

/** Whether a message whose stripped text starts with byte class `cls` at `i` stops the table. */
function classStops(text: string, i: number, end: number, cls: number): boolean {
  switch (cls) {
    case IGNORED:
      return false;
    case IGNORED_UNLESS_A: {
      // An escape next cannot follow the `p` this class is for; were it another byte, the
      // stripped text's next character would be past the escape: asked about.
      const next = text.charCodeAt(i + 1);
      return next === 0x61 || next === 0x1b;
    }
    case IGNORED_UNLESS_DASHES: {
      const d = text.indexOf('--- ', i);
      return d !== -1 && d + 4 <= end;
    }
    default:
      return true;
  }
}
