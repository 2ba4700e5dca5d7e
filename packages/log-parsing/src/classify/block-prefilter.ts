/**
 * The literal prefilter over a whole block of lines at once (their `'\n'`-joined text), for
 * `Classifier.matchLines`. It finds every line on which `Prefilter.mayMatch` could be true, and
 * few others; the classifier then runs `matchLine` on those lines only.
 *
 * Why not the per-line Aho-Corasick automaton (prefilter.ts): a JavaScript loop that looks at
 * every character costs ~2–3 ns per character on the benchmark machine before doing any work,
 * and the automaton's 1.8 MB table misses the cache on most steps (~8–12 ns per character, the
 * biggest cost of `nightshift analyze`). This scan looks at aligned 4-byte words instead, one
 * table probe per word in a 64 KiB table (gram-table.ts), ~0.5 ns per character measured on the
 * PTP benchmark log, and leaves the rest to native scans:
 *  - literals too short for the gram table (or not ASCII): one native regex scan each;
 *  - lines the per-line path treats differently, because `prepare()` strips escape sequences
 *    (ESC, U+009B, U+FFFD) or case folding maps a non-ASCII letter to ASCII (U+017F, U+212A):
 *    one `indexOf` each; such lines are always candidates.
 */
import { escapeRegExp } from './prefilter';
import { buildGramTable, FOLD, type GramLiteral, type GramTable, isGramLiteral, literalAt, slotOf } from './gram-table';

/** Characters that make a line a candidate whatever it says (see above). */
const SPECIAL_CHARS = ['\x1b', '\x9b', '\ufffd', '\u017f', '\u212a'];

export interface BlockPrefilter {
  /** Offsets in `text` of hits: at least one in every line that may match. Unordered, may repeat. */
  hits(text: string): number[];
}

export function buildBlockPrefilter(literals: readonly GramLiteral[]): BlockPrefilter {
  const unique = new Map<string, GramLiteral>();
  for (const l of literals) unique.set(`${l.ignoreCase ? 'i' : 'x'}${l.text}`, l);
  const gramLiterals = [...unique.values()].filter((l) => isGramLiteral(l.text));
  const scans = [...unique.values()]
    .filter((l) => !isGramLiteral(l.text))
    .map((l) => new RegExp(escapeRegExp(l.text), l.ignoreCase ? 'gi' : 'g'));
  const table = gramLiterals.length > 0 ? buildGramTable(gramLiterals) : null;
  const words = new WordBuffer();

  return {
    hits(text) {
      const hits: number[] = [];
      for (const c of SPECIAL_CHARS) {
        for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, nextLine(text, i))) hits.push(i);
      }
      for (const re of scans) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          hits.push(m.index);
          re.lastIndex = nextLine(text, m.index);
        }
      }
      if (table) scanWords(text, words.load(text), table, hits);
      return hits;
    },
  };
}

/** Offset just past the line holding `i` (or the text's length): one hit per line is enough. */
function nextLine(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl + 1;
}

/**
 * The hot loop: four words per step while none of them has a slot set (almost always), then
 * word by word, confirming each probable gram against its literals. After a confirmed hit the
 * scan jumps to the next line.
 */
function scanWords(text: string, u32: Uint32Array, table: GramTable, hits: number[]): void {
  const { slots, entries } = table;
  const count = (text.length + 3) >>> 2;
  let i = 0;
  while (i < count) {
    if (
      i + 4 <= count &&
      (slots[slotOf(u32[i]! | FOLD)]! |
        slots[slotOf(u32[i + 1]! | FOLD)]! |
        slots[slotOf(u32[i + 2]! | FOLD)]! |
        slots[slotOf(u32[i + 3]! | FOLD)]!) ===
        0
    ) {
      i += 4;
      continue;
    }
    const word = u32[i]! | FOLD;
    const list = slots[slotOf(word)] === 0 ? undefined : entries.get(word);
    if (list !== undefined) {
      const at = confirm(text, i * 4, list);
      if (at !== -1) {
        hits.push(at);
        i = Math.max(i + 1, nextLine(text, at) >>> 2);
        continue;
      }
    }
    i++;
  }
}

function confirm(text: string, wordStart: number, list: readonly { literal: GramLiteral; offset: number }[]): number {
  for (const { literal, offset } of list) {
    const at = wordStart - offset;
    if (literalAt(text, at, literal)) return at;
  }
  return -1;
}

/**
 * A reusable byte image of the text, one byte per UTF-16 unit (`latin1` keeps the low byte), so
 * a word's offset times four is a string offset. Units above U+00FF lose their high byte: that
 * can only create a false hit, which confirmation against the string then rejects.
 */
class WordBuffer {
  private bytes = Buffer.alloc(0);
  private u32 = new Uint32Array(0);

  load(text: string): Uint32Array {
    const need = (text.length + 3) & ~3;
    if (this.bytes.length < need) {
      const size = Math.max(need, 2 * this.bytes.length, 65_536);
      this.bytes = Buffer.alloc(size);
      this.u32 = new Uint32Array(this.bytes.buffer, this.bytes.byteOffset, size >>> 2);
    }
    this.bytes.write(text, 0, 'latin1');
    // Zero the tail of the last word: bytes from an earlier, longer text must not form a gram.
    this.bytes.fill(0, text.length, need);
    return this.u32;
  }
}
