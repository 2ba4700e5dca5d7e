/**
 * Removes ANSI/VT escape sequences (colours, cursor moves, OSC titles/hyperlinks): OSC
 * (`ESC ] … BEL|ESC \`), CSI (`ESC [ … final`, or the 8-bit CSI U+009B) and two-byte escapes.
 * The CSI/two-byte part is the expression pytorch's log classifier uses.
 *
 * Also removes the remnant `\uFFFD[36m` form: Go's XML encoder replaces the ESC byte, which is not
 * a legal XML character, with U+FFFD, so Ginkgo JUnit reports carry colour codes that way.
 *
 * The one copy shared by the parsers, the classifier and fingerprints (there used to be two that
 * differed on U+009B and U+FFFD; this one removes both).
 */
const ANSI_PATTERN =
  /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|(?:\x1b\[|\x9b|\ufffd\[)[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  // Hot path: most lines carry no escape at all; three native scans are much cheaper than a regex.
  if (text.indexOf('\x9b') === -1 && text.indexOf('\ufffd[') === -1) {
    if (text.indexOf('\x1b') === -1) return text;
    const stripped = stripColourCodes(text);
    if (stripped !== null) return stripped;
  }
  return text.replace(ANSI_PATTERN, '');
}

/**
 * `text` without its escape sequences when every one is a CSI (`csiEnd`), else null for the regex
 * to handle. Hand-written because coloured lines are common (one line in 34 of a Ginkgo log) and
 * the regex's `replace` cost ~0.5 µs a line.
 */
function stripColourCodes(text: string): string | null {
  let out = '';
  let last = 0;
  for (let esc = text.indexOf('\x1b'); esc !== -1; esc = text.indexOf('\x1b', last)) {
    const next = csiEnd(text, esc);
    if (next === -1) return null;
    out += text.slice(last, esc);
    last = next;
  }
  return out + text.slice(last);
}

/**
 * The offset just past the CSI sequence (`ESC [ params intermediates final`, as colours are) that
 * starts at `esc`, or -1 when none does. The three character classes are disjoint, so reading each
 * greedily is exactly what `ANSI_PATTERN` does. A line break is in none of them: a sequence ends on
 * its own line or is no sequence.
 */
export function csiEnd(text: string, esc: number): number {
  if (text.charCodeAt(esc) !== 0x1b || text.charCodeAt(esc + 1) !== 0x5b /* [ */) return -1;
  let i = esc + 2;
  let c = text.charCodeAt(i);
  while (c >= 0x30 && c <= 0x3f) c = text.charCodeAt(++i);
  while (c >= 0x20 && c <= 0x2f) c = text.charCodeAt(++i);
  return c >= 0x40 && c <= 0x7e ? i + 1 : -1;
}

/**
 * The offset just past the run of CSI sequences (`csiEnd`) that starts at `at`, `at` itself when
 * no ESC is there, or -1 when an ESC of the run opens no CSI sequence. Stripping removes the whole
 * run: what follows it is what stripped text shows next.
 */
export function csiRunEnd(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === 0x1b) {
    i = csiEnd(text, i);
    if (i === -1) return -1;
  }
  return i;
}

/**
 * `[\w-]`: a character a keyword may hold. Only an escape right after one can hide a keyword
 * (redact/hidden-keywords.ts), or keep a line from being quiet (`ScanKernel.quietLine`).
 */
export function isWordChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x2d
  );
}
