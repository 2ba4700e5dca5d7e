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
  if (text.indexOf('\x1b') === -1 && text.indexOf('\x9b') === -1 && text.indexOf('\ufffd[') === -1)
    return text;
  return text.replace(ANSI_PATTERN, '');
}
