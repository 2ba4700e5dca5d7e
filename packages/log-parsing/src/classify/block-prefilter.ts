/**
 * The literal prefilter over a whole block of lines at once (their `'\n'`-joined text), for
 * `Classifier.matchLines`. It finds every line on which `Prefilter.mayMatch` could be true, and
 * few others; the classifier then runs `matchLine` on those lines only.
 *
 * Why not the per-line Aho-Corasick automaton (prefilter.ts): a JavaScript loop that looks at
 * every character costs ~2–3 ns per character on the benchmark machine before doing any work,
 * and the automaton's 1.8 MB table misses the cache on most steps (~8–12 ns per character, the
 * biggest cost of `nightshift analyze`). This scan looks at aligned 4-byte words instead, one
 * probe per word in a table of 65,536 slots (gram-table.ts), and leaves the rest to native scans:
 *  - literals too short for the gram table (or not ASCII): one combined, case-insensitive regex
 *    (one pass costs about as much as the cheapest of four separate ones);
 *  - lines the per-line path treats differently, because `prepare()` strips escape sequences
 *    (ESC, U+009B, U+FFFD) or case folding maps a non-ASCII letter to ASCII (U+017F, U+212A,
 *    only when a case-insensitive literal has an s or a k): such lines are always candidates.
 * Measured on the PTP benchmark log: ~1 ns per character in all, against ~10 for the automaton.
 */

import {
  buildGramTable,
  candidateWords,
  FOLD,
  type GramEntry,
  type GramLiteral,
  type GramTable,
  isGramLiteral,
  literalAt,
  sampleGrams,
  slotOf,
} from './gram-table';
import { escapeRegExp } from './prefilter';

/**
 * Grams are re-chosen from the text itself every this many blocks (~16 MB of 64 KiB blocks): a
 * gram rare in CI logs at large can be everywhere in one log ("lock" in a PTP daemon log, "fail"
 * in a Prow log), and each occurrence costs a confirmation. Sampling one block costs ~0.5 ms.
 */
const RESAMPLE_BLOCKS = 256;
/** Blocks shorter than this are too small a sample. */
const MIN_SAMPLE_CHARS = 16_384;

export interface BlockPrefilter {
  /** Offsets in `text` of hits: at least one in every line that may match. Unordered, may repeat. */
  hits(text: string): number[];
}

export function buildBlockPrefilter(literals: readonly GramLiteral[]): BlockPrefilter {
  const unique = new Map<string, GramLiteral>();
  for (const l of literals) unique.set(`${l.ignoreCase ? 'i' : 'x'}${l.text}`, l);
  const all = [...unique.values()];
  const gramLiterals = all.filter((l) => isGramLiteral(l.text));
  const short = all.filter((l) => !isGramLiteral(l.text));
  // Case-insensitive for all of them: a superset of what each needs, confirmed by matchLine.
  const shortScan =
    short.length > 0 ? new RegExp(short.map((l) => escapeRegExp(l.text)).join('|'), 'gi') : null;
  const folded = all.filter((l) => l.ignoreCase).map((l) => l.text.toLowerCase());
  const foldChars = [
    ...(folded.some((t) => t.includes('s')) ? ['\u017f'] : []),
    ...(folded.some((t) => t.includes('k')) ? ['\u212a'] : []),
  ];
  const table = gramLiterals.length > 0 ? buildGramTable(gramLiterals) : null;
  const candidates = candidateWords(gramLiterals);
  let untilSample = 0;
  const image = new ByteImage();

  return {
    hits(text) {
      const hits: number[] = [];
      const bytes = image.load(text);
      // U+009B and U+FFFD are found in the byte image by memchr (0x9B, 0xFD): far cheaper than a
      // string search for a character the (usually one-byte) string cannot even hold. Other
      // characters with those low bytes make harmless extra candidates.
      for (const b of [0x9b, 0xfd]) {
        for (let i = bytes.indexOf(b); i !== -1; i = bytes.indexOf(b, nextLine(text, i))) hits.push(i);
      }
      for (const c of ['\x1b', ...foldChars]) {
        for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, nextLine(text, i))) hits.push(i);
      }
      if (shortScan) {
        shortScan.lastIndex = 0;
        for (let m = shortScan.exec(text); m !== null; m = shortScan.exec(text)) {
          hits.push(m.index);
          shortScan.lastIndex = nextLine(text, m.index);
        }
      }
      if (table) {
        if (--untilSample <= 0 && text.length >= MIN_SAMPLE_CHARS) {
          buildGramTable(gramLiterals, sampleGrams(image.words, text.length >>> 2, candidates), table);
          untilSample = RESAMPLE_BLOCKS;
        }
        scanWords(text, image.words, table, hits);
      }
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
 * The hot loop: four words per step; a step whose four slots are all empty (almost every step)
 * costs four table reads and no branch. Words with a used slot are confirmed one by one; after a
 * confirmed hit the scan jumps to the next line.
 */
function scanWords(text: string, u32: Uint32Array, table: GramTable, hits: number[]): void {
  const { used, slots } = table;
  const count = (text.length + 3) >>> 2;
  let i = 0;
  while (i < count) {
    const s0 = slotOf(u32[i]! | FOLD);
    const s1 = slotOf(u32[i + 1]! | FOLD);
    const s2 = slotOf(u32[i + 2]! | FOLD);
    const s3 = slotOf(u32[i + 3]! | FOLD);
    if ((used[s0]! | used[s1]! | used[s2]! | used[s3]!) === 0) {
      i += 4;
      continue;
    }
    let next = i + 4;
    for (let j = 0; j < 4 && i + j < count; j++) {
      const list = slots[j === 0 ? s0 : j === 1 ? s1 : j === 2 ? s2 : s3];
      if (list === undefined) continue;
      const at = confirm(text, u32, i + j, list);
      if (at !== -1) {
        hits.push(at);
        // Resume at the word holding the next line's start (it may lie inside this group).
        next = Math.max(i + j + 1, nextLine(text, at) >>> 2);
        break;
      }
    }
    i = next;
  }
}

function confirm(text: string, u32: Uint32Array, i: number, list: readonly GramEntry[]): number {
  const word = u32[i]! | FOLD;
  for (const e of list) {
    if (e.word !== word) continue;
    if (e.side !== 0 && ((u32[i + e.side] ?? 0) | FOLD) !== e.neighbour) continue;
    const at = 4 * i - e.offset;
    if (literalAt(text, at, e.literal)) return at;
  }
  return -1;
}

/**
 * A reusable byte image of the text, one byte per UTF-16 unit (`latin1` keeps the low byte), so
 * a word's offset times four is a string offset. Units above U+00FF lose their high byte: that
 * can only create a false hit, which confirmation against the string then rejects.
 */
class ByteImage {
  private bytes = Buffer.alloc(0);
  words = new Uint32Array(0);

  /** Writes `text` and returns a view of exactly its bytes. */
  load(text: string): Buffer {
    const need = (text.length + 3) & ~3;
    if (this.bytes.length < need) {
      const size = Math.max(need, 2 * this.bytes.length, 65_536);
      this.bytes = Buffer.alloc(size);
      this.words = new Uint32Array(this.bytes.buffer, this.bytes.byteOffset, size >>> 2);
    }
    this.bytes.write(text, 0, 'latin1');
    // Zero the tail of the last word: bytes from an earlier, longer text must not form a gram.
    this.bytes.fill(0, text.length, need);
    return this.bytes.subarray(0, text.length);
  }
}
