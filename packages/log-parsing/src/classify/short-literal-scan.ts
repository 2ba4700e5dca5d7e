import type { GramLiteral } from './gram-table';
import { escapeRegExp } from './prefilter';
import { nextLine } from './word-scan';

/**
 * The scan for literals too short for the gram table (4 characters or fewer, e.g. `go: ` in the
 * built-in rules). Each ASCII one is searched on its own with `Buffer.indexOf` in the case-folded
 * byte image the word scan leaves behind: memchr for its first byte, then a short compare. The one
 * case-insensitive regex alternation this replaces (then also holding `ENOSPC` and `Error:`) cost
 * ~0.45 ns per character on a one-byte string and ~0.7 on a two-byte one; `go: ` alone costs
 * ~0.1 on the PTP log, where `g` is ~1% of the bytes.
 *
 * Literals with a non-ASCII character (none in the PTP profile) keep a case-insensitive regex over
 * the text itself: the image has lost their high bytes and non-ASCII case folding.
 */
export class ShortLiteralScan {
  private readonly needles: Buffer[];
  private readonly wide: RegExp | null;

  constructor(literals: readonly GramLiteral[]) {
    const ascii = literals.filter((l) => !/[^\x00-\x7f]/.test(l.text));
    const wide = literals.filter((l) => /[^\x00-\x7f]/.test(l.text));
    // Case-insensitive for all of them: a superset of what each needs, confirmed by matchLine.
    this.needles = [...new Set(ascii.map((l) => fold(l.text)))].map((n) => Buffer.from(n, 'latin1'));
    this.wide = wide.length > 0 ? new RegExp(wide.map((l) => escapeRegExp(l.text)).join('|'), 'gi') : null;
  }

  /** Pushes a hit for every line of `text` holding a literal; `folded` is its folded byte image. */
  scan(text: string, folded: Buffer, hits: number[]): void {
    for (const needle of this.needles) {
      for (let i = folded.indexOf(needle); i !== -1; i = folded.indexOf(needle, nextLine(text, i)))
        hits.push(i);
    }
    const wide = this.wide;
    if (wide) {
      wide.lastIndex = 0;
      for (let m = wide.exec(text); m !== null; m = wide.exec(text)) {
        hits.push(m.index);
        wide.lastIndex = nextLine(text, m.index);
      }
    }
  }
}

/** ASCII case fold as the word scan does it: OR 0x20 into every byte. */
function fold(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(text.charCodeAt(i) | 0x20);
  return folded;
}
