import { MessageBuffer } from './message-buffer';

const COMPILER_LINE = /^(?:\S+\.go:\d+(?::\d+)?: |\S+\.(?:s|c|h):\d+|note: |vet: |go: |\.\/)/;

/**
 * `# pkg [pkg.test]` followed by compiler (or vet) errors. The header alone proves nothing (a
 * shell comment looks the same), so the block counts only once a compiler line follows it.
 */
export class GoBuildOutput {
  readonly pkg: string;
  private readonly output = new MessageBuffer();
  private confirmed = false;

  constructor(
    header: string,
    readonly line: number,
  ) {
    this.pkg = header
      .slice(2)
      .replace(/\s*\[.*\]\s*$/, '')
      .trim();
    this.output.push(header);
  }

  /** Takes the next line; false when the line is not compiler output (the block has ended). */
  push(text: string): boolean {
    const continuation = this.confirmed && (text.startsWith('\t') || text.startsWith('  '));
    if (!continuation && !COMPILER_LINE.test(text)) return false;
    this.confirmed = true;
    this.output.push(text);
    return true;
  }

  /** The compiler output, or null when no compiler line followed the header. */
  message(): string | null {
    return this.confirmed ? this.output.text() : null;
  }
}
