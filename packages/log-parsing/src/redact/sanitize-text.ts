/**
 * Strip what a terminal, a browser or a model would treat differently from a human reader:
 * ANSI/ECMA-48 escape sequences (CSI, OSC incl. OSC 8 hyperlinks and OSC 52 clipboard, DCS/SOS/
 * PM/APC strings, two-byte escapes, 8-bit C1 forms), C0/C1 control characters except tab and
 * newline, and every Unicode format or default-ignorable character (zero-width, bidi controls,
 * tag characters U+E0000–U+E007F, variation selectors, soft hyphen, BOM, Hangul fillers…).
 * Lone surrogates become U+FFFD. The result is idempotent: sanitizing it again changes nothing.
 */

export interface SanitizeTextOptions {
  /** Replace newlines and tabs by spaces too (titles, labels, single-line fields). */
  singleLine?: boolean;
}

export interface SanitizeTextResult {
  text: string;
  removed: { escapes: number; controls: number; invisible: number };
}

// String-type sequences (OSC, DCS, SOS, PM, APC) run to BEL or ST; a terminal hides an
// unterminated one up to the next control, so it is dropped up to the end of its line.
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?/g;
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]/g;
const OTHER_ESCAPE = /\x1b[ -/]*[0-~]/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const LINE_SEPARATORS = /[\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Finds the lines `cleanLine` would change: those holding a C0/C1 control (tab and newline
 * aside), a `Cf` or default-ignorable character, U+2028/U+2029 or a lone surrogate. A regex class
 * of those properties costs V8 a binary search over hundreds of ranges per character (~50–90 MB/s
 * on an excerpt, whose `│` gutter makes it a two-byte string). So a small class finds what is not
 * printable ASCII (~10x faster), and each such character is judged once by the property class:
 * BMP verdicts are remembered in a 64 KiB table, astral ones (tags U+E0000–E007F) are tested each
 * time (rare). sanitize-text.test.ts checks every BMP character against the property class.
 */
const NOT_PLAIN_ASCII = /[^\t\n\x20-\x7e]/g;
const SUSPICIOUS_CHAR =
  /^[\x00-\x08\x0b-\x1f\x7f-\x9f\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029\p{Cs}]$/u;
/** BMP verdicts: 0 not known yet, 1 plain, 2 suspicious. */
const bmpVerdicts = new Uint8Array(0x10000);

/** Index of the first character at or after `from` that makes its line need `cleanLine`, or -1. */
function nextSuspicious(text: string, from: number): number {
  NOT_PLAIN_ASCII.lastIndex = from;
  for (let m = NOT_PLAIN_ASCII.exec(text); m !== null; m = NOT_PLAIN_ASCII.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c < 0xa0) return i; // controls, DEL, C1
    if (c >= 0xd800 && c <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      // A lone surrogate is suspicious; a pair is one astral code point, judged as such.
      if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return i;
      if (SUSPICIOUS_CHAR.test(text.slice(i, i + 2))) return i;
      NOT_PLAIN_ASCII.lastIndex = i + 2;
      continue;
    }
    let verdict = bmpVerdicts[c]!;
    if (verdict === 0) {
      verdict = SUSPICIOUS_CHAR.test(String.fromCharCode(c)) ? 2 : 1;
      bmpVerdicts[c] = verdict;
    }
    if (verdict === 2) return i;
  }
  return -1;
}

function countingReplace(text: string, re: RegExp, by: string | ((m: string) => string)): [string, number] {
  let n = 0;
  const out = text.replace(re, (m) => {
    n++;
    return typeof by === 'string' ? by : by(m);
  });
  return [out, n];
}

/** The full treatment for one line that holds something suspicious. */
function cleanLine(line: string, removed: SanitizeTextResult['removed']): string {
  let t = line;
  let n: number;
  [t, n] = countingReplace(t, STRING_SEQUENCE, '');
  removed.escapes += n;
  [t, n] = countingReplace(t, CSI_SEQUENCE, '');
  removed.escapes += n;
  [t, n] = countingReplace(t, OTHER_ESCAPE, '');
  removed.escapes += n;
  [t, n] = countingReplace(t, CONTROLS, '');
  removed.controls += n;
  [t, n] = countingReplace(t, INVISIBLE, '');
  removed.invisible += n;
  // U+2028/2029 end lines for some readers and not others; a space is unambiguous.
  t = t.replace(LINE_SEPARATORS, ' ');
  return t.replace(LONE_SURROGATE, '\uFFFD');
}

export function sanitizeTextDetailed(text: string, options: SanitizeTextOptions = {}): SanitizeTextResult {
  const removed = { escapes: 0, controls: 0, invisible: 0 };
  // No escape sequence spans a newline (the patterns exclude it), so only the lines holding a
  // suspicious character need the full treatment; the rest is copied as is.
  const parts: string[] = [];
  let last = 0;
  for (let at = nextSuspicious(text, 0); at !== -1; at = nextSuspicious(text, last)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 ? text.length : nl;
    parts.push(text.slice(last, lineStart), cleanLine(text.slice(lineStart, lineEnd), removed));
    last = lineEnd;
    if (nl === -1) break;
  }
  let t = parts.length === 0 ? text : parts.join('') + text.slice(last);
  if (options.singleLine) t = t.replace(/[\t\n]/g, ' ');
  return { text: t, removed };
}

/** `sanitizeTextDetailed(text, options).text`. */
export function sanitizeText(text: string, options: SanitizeTextOptions = {}): string {
  return sanitizeTextDetailed(text, options).text;
}
