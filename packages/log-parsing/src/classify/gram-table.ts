/**
 * The literal table behind the block scan (block-prefilter.ts): for every ASCII literal of at
 * least `MIN_GRAM_LITERAL` characters, up to four 4-byte "grams" such that wherever the literal
 * sits in a text, one of them fills an aligned 32-bit word of that text's bytes.
 *
 * Why that works: a literal starting at offset s covers the aligned words at s + k for every
 * k ≡ -s (mod 4) with 0 <= k <= length - 4. With length >= 7 each residue of k has a candidate, so
 * taking one gram per residue (the rarest) guarantees a hit in any alignment. A literal of 5 or 6
 * characters lacks a whole word in one or two alignments; there the word holds three of its
 * characters and one byte from outside (just before or just after it), and the table takes that
 * gram with each of the 128 values the outside byte can have once folded: a "wildcard" gram.
 * Shorter literals are left to short-literal-scan.ts.
 *
 * Grams are case-folded by OR-ing 0x20 into every byte, which maps a letter's two cases together
 * (and a few punctuation pairs such as `[`/`{`): the same fold applied to the text can only add
 * hits, never lose one. Hits are confirmed against the literal itself.
 */

import { GRAM_SLOT_BITS, GRAM_SLOTS } from '../scan-kernel/kernel-limits';
import type { SlotCounts } from '../scan-kernel/scan-kernel';

export const MIN_GRAM_LITERAL = 5;

/** OR-ed into every 4-byte word before lookup: ASCII case fold, see above. */
export const FOLD = 0x20202020;

export interface GramLiteral {
  text: string;
  ignoreCase: boolean;
}

/** One gram of one literal, with what confirms it cheaply before the string comparison. */
export interface GramEntry {
  /** The folded gram, as the scan reads it from the text. */
  word: number;
  literal: GramLiteral;
  /** Offset of the gram inside the literal (-1 for a wildcard byte just before it). */
  offset: number;
  /**
   * The folded word the literal puts right after (`side` 1) or before (`side` -1) the gram, or
   * `side` 0 when the literal is too short on both sides. Grams made of common words ("conf",
   * "lock" in a PTP log) hit often; comparing the neighbouring word rejects those hits for the
   * price of one integer comparison instead of a string comparison.
   */
  side: -1 | 0 | 1;
  neighbour: number;
}

export interface GramTable {
  /**
   * One-byte flags by `slotOf(word)`, 1 where a gram hashes: the scan's first test. 131,072 slots
   * (128 KiB) rather than 65,536: with ~700 grams (the PTP profile), the smaller table flagged
   * 4x as many word groups of the PTP log (72,000 against 18,000 per 32 MB), each costing
   * ~150 ns to reject, for the same cost per probe.
   */
  used: Uint8Array;
  /**
   * The grams by slot (a Map: a 131,072-element array of lists is a 512 KiB table that misses the
   * cache on every look-up; keys are slots, not words, because most words are outside V8's small
   * integer range and a Map look-up would box each one).
   */
  entries: Map<number, GramEntry[]>;
  /**
   * Different for every table made, and `version` changes whenever it is rebuilt in place: the
   * scan kernel copies `used` in again then.
   */
  id: number;
  version: number;
}

let tablesMade = 0;

/** Multiplicative hash of a folded word into the slot index. */
export function slotOf(word: number): number {
  return Math.imul(word, 0x9e3779b1) >>> (32 - GRAM_SLOT_BITS);
}

// Printable ASCII folded as above, from most to least frequent in the PTP Prow build logs of
// shared/data (2 MB): choosing the gram made of the rarest characters keeps confirmations rare.
const BY_FREQUENCY = ' etiasronl*.cfpd-gmh:u1"0/by2843v{k=}#\x7f56x,()+97w|$\'jq>z;!&`<~%?';
const RANK = new Map([...BY_FREQUENCY].map((c, i) => [c.charCodeAt(0), i]));

// -log(frequency) of each folded ASCII character, computed once: gram costs are compared many
// times per literal and the table is rebuilt as the sample changes (Math.log per character of each
// comparison was ~5 ms of start-up).
const CHAR_RARITY = Float64Array.from({ length: 128 }, (_, c) =>
  Math.log(2 + (RANK.get(c | 0x20) ?? BY_FREQUENCY.length)),
);
const UNRANKED = Math.log(2 + BY_FREQUENCY.length);

/** Higher is rarer: sum of log-ranks, i.e. roughly -log(frequency) under Zipf's law. */
function rarityAt(text: string, start: number, length: number): number {
  let r = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    r += c < 128 ? CHAR_RARITY[c]! : UNRANKED;
  }
  return r;
}

function rarity(gram: string): number {
  return rarityAt(gram, 0, gram.length);
}

// Whether Uint32Array reads bytes little-endian on this platform (it does on x86 and ARM).
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The folded word of 4 bytes (character codes, or 0–255 values), in the platform's byte order. */
function wordOfBytes(a: number, b: number, c: number, d: number): number {
  return (LITTLE_ENDIAN ? a | (b << 8) | (c << 16) | (d << 24) : d | (c << 8) | (b << 16) | (a << 24)) | FOLD;
}

/** The folded word of the 4 characters of `text` from `at`. */
function wordAt(text: string, at: number): number {
  return wordOfBytes(
    text.charCodeAt(at),
    text.charCodeAt(at + 1),
    text.charCodeAt(at + 2),
    text.charCodeAt(at + 3),
  );
}

export function isGramLiteral(text: string): boolean {
  return text.length >= MIN_GRAM_LITERAL && !/[^\x00-\x7f]/.test(text);
}

/**
 * For each literal and residue, the gram that fills an aligned word in that alignment: the one
 * whose slot `counts` (the log being scanned) saw least, ties broken by the character-frequency
 * guess. Counting slots rather than the grams themselves matters: on the PTP benchmark log three
 * in four confirmations were words that only shared a slot with a gram (".go:" with a gram of
 * "expect(received).", 15,000 times per 100 MB), which the gram's own count could not see.
 * `into`, when given, is cleared and refilled instead of allocating a new table.
 */
export function buildGramTable(
  literals: readonly GramLiteral[],
  counts?: SlotCounts,
  into?: GramTable,
): GramTable {
  // Rebuilding into the old storage matters: a fresh table per rebuild lands in V8's large-object
  // space, and seven rebuilds over 100 MB raised the peak heap by 20 MB.
  const table: GramTable = into ?? {
    used: new Uint8Array(GRAM_SLOTS),
    entries: new Map(),
    id: tablesMade++,
    version: 0,
  };
  if (into) {
    into.used.fill(0);
    into.entries.clear();
    into.version++;
  }
  const add = (entry: GramEntry) => {
    const slot = slotOf(entry.word);
    table.used[slot] = 1;
    const list = table.entries.get(slot);
    if (list) list.push(entry);
    else table.entries.set(slot, [entry]);
  };
  const costs: number[] = [];
  for (const literal of literals) {
    const text = literal.text;
    const grams = gramsOf(literal);
    // Each gram's cost once (the residue loop below compares each several times).
    for (let k = 0; k < grams.words.length; k++) {
      costs[k] = (counts ? counts[grams.slots[k]!]! : 0) * 1000 - grams.rarity[k]!;
    }
    const offsets = new Set<number>();
    for (let residue = 0; residue < 4; residue++) {
      let best = -1;
      for (let k = residue; k + 4 <= text.length; k += 4) {
        if (best === -1 || costs[k]! < costs[best]!) best = k;
      }
      if (best !== -1) offsets.add(best);
      else addWildcard(literal, residue, add, counts);
    }
    for (const offset of offsets) {
      const side = offset + 8 <= text.length ? 1 : offset >= 4 ? -1 : 0;
      add({
        word: grams.words[offset]!,
        literal,
        offset,
        side,
        neighbour: side === 0 ? 0 : grams.words[offset + 4 * side]!,
      });
    }
  }
  return table;
}

/**
 * A literal's grams, one per offset (the folded word, its slot, its character-rarity guess), and
 * its wildcard sides by residue as `addWildcard` asks for them.
 */
interface LiteralGrams {
  words: number[];
  slots: number[];
  rarity: number[];
  sides: ({ before: WildcardSide | null; after: WildcardSide | null } | undefined)[];
}

// Made once per literal: the table is rebuilt from each new sample, and a rebuild then only
// compares costs. Making the grams and the 128 words of each wildcard side at every build kept
// buildGramTable and its helpers hot enough for ~60 ms of optimising compiles per 100 MB run
// (--trace-opt), for four builds of ~1 ms.
const gramsMade = new WeakMap<GramLiteral, LiteralGrams>();

function gramsOf(literal: GramLiteral): LiteralGrams {
  let grams = gramsMade.get(literal);
  if (grams === undefined) {
    const text = literal.text;
    grams = { words: [], slots: [], rarity: [], sides: [] };
    for (let k = 0; k + 4 <= text.length; k++) {
      const word = wordAt(text, k);
      grams.words.push(word);
      grams.slots.push(slotOf(word));
      grams.rarity.push(rarityAt(text, k, 4));
    }
    gramsMade.set(literal, grams);
  }
  return grams;
}

/**
 * The alignment `residue` of a 5- or 6-character literal, which no aligned word fits inside: the
 * word that starts one byte before it (offset -1, residue 3) or ends one byte after it (offset
 * `residue`, when `residue + 3` is its length), with each folded value of that outside byte.
 * With `counts`, the side whose 128 slots the sample hit less; else (and on a tie) the side of
 * rarer characters.
 */
function addWildcard(
  literal: GramLiteral,
  residue: number,
  add: (entry: GramEntry) => void,
  counts: SlotCounts | undefined,
): void {
  const { before, after } = wildcardSides(literal, residue);
  const side =
    before !== null && (after === null || sideCost(before, counts) <= sideCost(after, counts))
      ? before
      : after;
  if (side === null) {
    const text = literal.text;
    throw new RangeError(`buildGramTable: "${text}" is too short for the table (${text.length} characters)`);
  }
  for (const word of side.words) add({ word, literal, offset: side.offset, side: 0, neighbour: 0 });
}

/** One side of a wildcard alignment: its offset, its 128 words and their slots. */
interface WildcardSide {
  offset: number;
  words: Int32Array;
  slots: Int32Array;
  rarity: number;
}

/** The wildcard sides of `literal` in alignment `residue`, made on first use (`gramsOf`). */
function wildcardSides(literal: GramLiteral, residue: number) {
  const sides = gramsOf(literal).sides;
  let made = sides[residue];
  if (made === undefined) {
    const text = literal.text;
    made = {
      before: residue === 3 ? wildcardSide(text.slice(0, 3), true, -1) : null,
      after: residue + 3 === text.length ? wildcardSide(text.slice(residue), false, residue) : null,
    };
    sides[residue] = made;
  }
  return made;
}

/** The words of 3 characters and each folded outside byte (first when `outsideFirst`, else last). */
function wildcardSide(inside: string, outsideFirst: boolean, offset: number): WildcardSide {
  const [a, b, c] = [0, 1, 2].map((i) => inside.charCodeAt(i));
  const words = new Int32Array(128);
  let n = 0;
  for (let v = 0x20; v < 0x100; v = (v + 1) | 0x20) {
    words[n++] = outsideFirst ? wordOfBytes(v, a!, b!, c!) : wordOfBytes(a!, b!, c!, v);
  }
  return { offset, words, slots: words.map(slotOf), rarity: rarity(inside) };
}

function sideCost(side: WildcardSide, counts: SlotCounts | undefined): number {
  let hits = 0;
  if (counts) for (const slot of side.slots) hits += counts[slot]!;
  return hits * 1000 - side.rarity;
}

/** Whether `literal` occurs in `text` at `at` (ASCII case-insensitively when it says so). */
export function literalAt(text: string, at: number, literal: GramLiteral): boolean {
  const lit = literal.text;
  if (at < 0 || at + lit.length > text.length) return false;
  if (!literal.ignoreCase) return text.startsWith(lit, at);
  for (let j = 0; j < lit.length; j++) {
    let a = text.charCodeAt(at + j);
    let b = lit.charCodeAt(j);
    if (a >= 65 && a <= 90) a |= 32;
    if (b >= 65 && b <= 90) b |= 32;
    if (a !== b) return false;
  }
  return true;
}
