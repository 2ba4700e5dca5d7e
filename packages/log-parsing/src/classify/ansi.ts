/**
 * ANSI/VT escape sequences: OSC (`ESC ] … BEL|ESC \`), CSI (`ESC [ … final`, or the 8-bit CSI
 * 0x9B), and two-byte escapes. The CSI/two-byte part is the expression pytorch's log classifier
 * uses; OSC is added because hyperlinks (`ESC ]8;;url`) show up in modern tool output.
 */
const ANSI = /\x1B\][^\x07\x1B]*(?:\x07|\x1B\\)?|(?:\x1B\[|\x9B)[0-?]*[ -/]*[@-~]|\x1B[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  // The indexOf checks keep the common case (no escapes) free of a regex pass.
  if (text.indexOf('\x1B') === -1 && text.indexOf('\x9B') === -1) return text;
  return text.replace(ANSI, '');
}
