import { LIMITS } from './limits';

/**
 * Collects the lines of one failure message with a cap on lines and characters. Lines past the cap
 * are counted, not kept, and the text ends with a marker saying how many were dropped, so a cut
 * message is never mistaken for a complete one.
 */
export class MessageBuffer {
  private readonly lines: string[] = [];
  private chars = 0;
  private droppedLines = 0;

  constructor(
    private readonly maxLines: number = LIMITS.maxMessageLines,
    private readonly maxChars: number = LIMITS.maxMessageChars,
  ) {}

  push(line: string): void {
    if (this.droppedLines > 0 || this.lines.length >= this.maxLines) {
      this.droppedLines++;
      return;
    }
    const room = this.maxChars - this.chars;
    if (line.length > room) {
      if (room > 0) this.lines.push(line.slice(0, room));
      this.chars = this.maxChars;
      this.droppedLines++;
      return;
    }
    this.lines.push(line);
    this.chars += line.length + 1;
  }

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }

  get lineCount(): number {
    return this.lines.length + this.droppedLines;
  }

  /** The message with surrounding blank lines trimmed; `null` when nothing but blanks was pushed. */
  text(): string | null {
    let start = 0;
    let end = this.lines.length;
    while (start < end && this.lines[start]!.trim() === '') start++;
    while (end > start && this.lines[end - 1]!.trim() === '') end--;
    if (start === end) return null;
    const body = this.lines.slice(start, end).join('\n');
    return this.droppedLines > 0
      ? `${body}\n…[nightshift: message cut, ${this.droppedLines} more lines]`
      : body;
  }

  clear(): void {
    this.lines.length = 0;
    this.chars = 0;
    this.droppedLines = 0;
  }
}

/** Caps a finished string the same way `MessageBuffer` caps a stream of lines. */
export function capMessage(text: string): string {
  if (text.length <= LIMITS.maxMessageChars && countLines(text) <= LIMITS.maxMessageLines) return text;
  const buffer = new MessageBuffer();
  for (const line of text.split('\n')) buffer.push(line);
  return buffer.text() ?? '';
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Keeps only the last `max` characters of appended text (captured output: the end matters). */
export class TailText {
  private text = '';
  private dropped = 0;

  constructor(private readonly max: number = LIMITS.maxOutputTailChars) {}

  append(chunk: string): void {
    if (chunk.length >= this.max) {
      this.dropped += this.text.length + chunk.length - this.max;
      this.text = chunk.slice(chunk.length - this.max);
      return;
    }
    const next = this.text + chunk;
    if (next.length > this.max) {
      this.dropped += next.length - this.max;
      this.text = next.slice(next.length - this.max);
    } else {
      this.text = next;
    }
  }

  value(): string | null {
    if (this.text.trim() === '') return null;
    return this.dropped > 0
      ? `…[nightshift: ${this.dropped} earlier characters cut]\n${this.text}`
      : this.text;
  }

  clear(): void {
    this.text = '';
    this.dropped = 0;
  }
}

/** Removes the indentation every non-blank line shares (go test indents its output by nesting). */
export function dedentBlock(text: string): string {
  const lines = text.split('\n');
  let common = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.trim() === '') continue;
    let n = 0;
    while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
    if (n < common) common = n;
  }
  if (common === 0 || common === Number.POSITIVE_INFINITY) return text;
  return lines.map((l) => l.slice(Math.min(common, l.length - l.trimStart().length))).join('\n');
}
