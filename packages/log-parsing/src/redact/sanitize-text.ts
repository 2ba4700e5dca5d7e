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
 * Finds lines needing work. Spelled as explicit BMP ranges (derived once from the Unicode
 * properties) plus any surrogate, because V8 scans such a class about twice as fast as the
 * equivalent `\p{…}`/u class. A superset: astral characters send their line down the slow path.
 */
let suspicious: RegExp | null = null;

/** Built on first use (about 65k property tests), not at import. */
function buildSuspicious(): RegExp {
  const special = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;
  const ranges: string[] = ['\\x00-\\x08', '\\x0b-\\x1f', '\\x7f-\\x9f', '\\ud800-\\udfff'];
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  for (let c = 0xa0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (!special.test(String.fromCharCode(c))) continue;
    let end = c;
    const next = (x: number) => x < 0x10000 && (x < 0xd800 || x > 0xdfff);
    while (next(end + 1) && special.test(String.fromCharCode(end + 1))) end++;
    ranges.push(end === c ? hex(c) : `${hex(c)}-${hex(end)}`);
    c = end;
  }
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
  if (suspicious === null) suspicious = buildSuspicious();
  const SUSPICIOUS = suspicious;
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
