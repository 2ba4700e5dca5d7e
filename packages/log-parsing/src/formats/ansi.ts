/**
 * Removes ANSI/VT escape sequences (colours, cursor moves, OSC titles/hyperlinks).
 *
 * Also removes the remnant `\uFFFD[36m` form: Go's XML encoder replaces the ESC byte, which is not
 * a legal XML character, with U+FFFD, so Ginkgo JUnit reports carry colour codes that way.
 */
const ANSI_PATTERN =
  /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|(?:\x1b\[|\x9b|\ufffd\[)[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  // Hot path: most lines carry no escape at all; two native scans beat running the regex. (A C1
  // CSI, U+009B, without any ESC on the line is not looked for: programs do not print it.)
  if (text.indexOf('\x1b') === -1 && text.indexOf('\ufffd[') === -1) return text;
  return text.replace(ANSI_PATTERN, '');
}
