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
 * Finds lines needing work: a superset of what `cleanLine` changes. Two spellings of one class:
 *  - `SMALL_TEXT_SUSPICIOUS`, the Unicode properties as they are, for texts up to
 *    `BIG_TEXT_CHARS` (excerpts, messages, comments: what analyze and the actions sanitize). V8
 *    builds it in ~0.3 ms on first use.
 *  - `buildSuspicious()`, the same class as explicit BMP ranges plus any surrogate, for big texts:
 *    V8 scans such a class about twice as fast as the `\p{…}`/u class, but deriving it costs ~6 ms
 *    of cold code, once per process. Spent at every analyze start, that was ~4% of it.
 * Both send astral format characters (tags U+E0000–E007F) down the slow path: the first by its
 * property, the second with every astral character. sanitize-text.test.ts checks that both give the
 * same results.
 */
const SMALL_TEXT_SUSPICIOUS =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029\p{Cs}]/gu;
/** Texts longer than this are scanned with the range class (`buildSuspicious`). */
export const BIG_TEXT_CHARS = 65_536;
let bigTextSuspicious: RegExp | null = null;

function suspiciousFor(text: string): RegExp {
  if (text.length <= BIG_TEXT_CHARS) return SMALL_TEXT_SUSPICIOUS;
  if (bigTextSuspicious === null) bigTextSuspicious = buildSuspicious();
  return bigTextSuspicious;
}

/**
 * The class for big texts: the explicit ranges of every BMP character in `Cf`,
 * `Default_Ignorable_Code_Point` and U+2028/U+2029, plus C0/C1 controls and any surrogate. Found
 * with one native scan of a string holding every BMP character from U+00A0 (surrogates left out)
 * rather than ~65,000 `test` calls.
 */
export function buildSuspicious(): RegExp {
  const special = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029\p{Cs}]/gu;
  const below = 0xd800 - 0xa0;
  const units = new Uint16Array(below + 0x2000);
  for (let i = 0; i < units.length; i++) units[i] = i < below ? 0xa0 + i : 0xe000 + (i - below);
  const all = new TextDecoder('utf-16le').decode(units);
  const ranges: string[] = ['\\x00-\\x08', '\\x0b-\\x1f', '\\x7f-\\x9f', '\\ud800-\\udfff'];
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  let start = -1;
  let end = -1;
  const close = () => {
    if (start !== -1) ranges.push(end === start ? hex(start) : `${hex(start)}-${hex(end)}`);
  };
  for (const m of all.matchAll(special)) {
    const c = m[0].charCodeAt(0);
    if (c === end + 1) end = c;
    else {
      close();
      start = end = c;
    }
  }
  close();
  return new RegExp(`[${ranges.join('')}]`, 'g');
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
  const SUSPICIOUS = suspiciousFor(text);
  SUSPICIOUS.lastIndex = 0;
  for (let m = SUSPICIOUS.exec(text); m !== null; m = SUSPICIOUS.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const nl = text.indexOf('\n', m.index);
    const lineEnd = nl === -1 ? text.length : nl;
    parts.push(text.slice(last, lineStart), cleanLine(text.slice(lineStart, lineEnd), removed));
    last = lineEnd;
    if (nl === -1) break;
    SUSPICIOUS.lastIndex = lineEnd;
  }
  let t = parts.length === 0 ? text : parts.join('') + text.slice(last);
  if (options.singleLine) t = t.replace(/[\t\n]/g, ' ');
  return { text: t, removed };
}

/** `sanitizeTextDetailed(text, options).text`. */
export function sanitizeText(text: string, options: SanitizeTextOptions = {}): string {
  return sanitizeTextDetailed(text, options).text;
}
