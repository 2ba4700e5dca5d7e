import { LIMITS } from './limits';
import { MessageBuffer } from './message-buffer';

// test2json framing lines that repeat what the events already say.
const FRAMING = /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME|ATTR)\b|--- (?:FAIL|PASS|SKIP|BENCH):)/;

/**
 * Reassembles test2json `Output` chunks (split at 1 KiB, so a line can arrive in pieces) into lines,
 * drops framing lines, and keeps a capped message.
 */
export class GoTestOutput {
  private readonly lines = new MessageBuffer();
  private carry = '';

  append(chunk: string): void {
    let text = this.carry + chunk;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      this.pushLine(text.slice(0, nl));
      text = text.slice(nl + 1);
      nl = text.indexOf('\n');
    }
    // A line that never ends must not grow without bound.
    if (text.length > LIMITS.maxMessageChars) {
      this.pushLine(text);
      text = '';
    }
    this.carry = text;
  }

  text(): string | null {
    if (this.carry !== '') {
      this.pushLine(this.carry);
      this.carry = '';
    }
    return this.lines.text();
  }

  private pushLine(line: string): void {
    // `go test -json -v=test2json` marks framing with ^V.
    const clean = line.charCodeAt(0) === 0x16 ? line.slice(1) : line;
    if (!FRAMING.test(clean)) this.lines.push(clean);
  }
}
