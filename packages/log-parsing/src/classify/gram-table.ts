/**
 * The literal table behind the block scan (block-prefilter.ts): for every literal of at least
 * `MIN_GRAM_LITERAL` ASCII characters, four 4-character "grams" such that wherever the literal
 * sits in a text, one of them fills an aligned 32-bit word of that text's bytes.
 *
 * Why that works: a literal starting at offset s covers the aligned words at s + k for every
 * k ≡ -s (mod 4) with k <= length - 4. With length >= 7 each residue of k has a candidate, so
 * taking one gram per residue (the rarest) guarantees a hit in any alignment.
 *
 * Grams are case-folded by OR-ing 0x20 into every byte, which maps a letter's two cases together
 * (and a few punctuation pairs such as `[`/`{`): the same fold applied to the text can only add
 * hits, never lose one. Hits are confirmed against the literal itself.
 */

export const MIN_GRAM_LITERAL = 7;

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
  /** Offset of the gram inside the literal. */
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
  /** 65,536 one-byte flags by `slotOf(word)`, 1 where a gram hashes: the scan's first test. */
  used: Uint8Array;
  /** The grams hashed to each slot (undefined for almost every slot). */
  slots: (GramEntry[] | undefined)[];
}

/** Multiplicative hash of a folded word into the 16-bit slot index. */
export function slotOf(word: number): number {
  return Math.imul(word, 0x9e3779b1) >>> 16;
}

// Printable ASCII folded as above, from most to least frequent in the PTP Prow build logs of
// shared/data (2 MB): choosing the gram made of the rarest characters keeps confirmations rare.
const BY_FREQUENCY = ' etiasronl*.cfpd-gmh:u1"0/by2843v{k=}#\x7f56x,()+97w|$\'jq>z;!&`<~%?';
const RANK = new Map([...BY_FREQUENCY].map((c, i) => [c.charCodeAt(0), i]));

/** Higher is rarer: sum of log-ranks, i.e. roughly -log(frequency) under Zipf's law. */
function rarity(gram: string): number {
  let r = 0;
  for (let i = 0; i < gram.length; i++) {
    const c = gram.charCodeAt(i) | 0x20;
    r += Math.log(2 + (RANK.get(c) ?? BY_FREQUENCY.length));
  }
  return r;
}

// Whether Uint32Array reads bytes little-endian on this platform (it does on x86 and ARM).
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The folded word of 4 characters, in the byte order of the platform's Uint32Array. */
function wordOf(gram: string): number {
  const a = gram.charCodeAt(0);
  const b = gram.charCodeAt(1);
  const c = gram.charCodeAt(2);
  const d = gram.charCodeAt(3);
  return (LITTLE_ENDIAN ? a | (b << 8) | (c << 16) | (d << 24) : d | (c << 8) | (b << 16) | (a << 24)) | FOLD;
}

export function isGramLiteral(text: string): boolean {
  return text.length >= MIN_GRAM_LITERAL && !/[^\x00-\x7f]/.test(text);
}

/** How often each gram word was seen in a sample of the text being scanned (see `sampleGrams`). */
export type GramCounts = Map<number, number>;

/**
 * For each literal and residue, the gram that fills an aligned word in that alignment: the one
 * seen least in `counts` (the log being scanned), ties broken by the character-frequency guess.
 * `into`, when given, is cleared and refilled instead of allocating a new table.
 */
export function buildGramTable(
  literals: readonly GramLiteral[],
  counts?: GramCounts,
  into?: GramTable,
): GramTable {
  // Rebuilding into the old storage matters: a fresh 65,536-slot array per rebuild lands in V8's
  // large-object space, and seven rebuilds over 100 MB raised the peak heap by 20 MB.
  const table: GramTable = into ?? { used: new Uint8Array(65_536), slots: new Array(65_536).fill(undefined) };
  if (into) {
    into.used.fill(0);
    into.slots.fill(undefined);
  }
  const cost = (gram: string) => (counts?.get(wordOf(gram)) ?? 0) * 1000 - rarity(gram);
  for (const literal of literals) {
    const text = literal.text;
    const offsets = new Set<number>();
    for (let residue = 0; residue < 4; residue++) {
      let best = -1;
      for (let k = residue; k + 4 <= text.length; k += 4) {
        if (best === -1 || cost(text.slice(k, k + 4)) < cost(text.slice(best, best + 4))) best = k;
      }
      offsets.add(best);
    }
    for (const offset of offsets) {
      const word = wordOf(text.slice(offset, offset + 4));
      const side = offset + 8 <= text.length ? 1 : offset >= 4 ? -1 : 0;
      const at = offset + 4 * side;
      const entry: GramEntry = {
        word,
        literal,
        offset,
        side,
        neighbour: side === 0 ? 0 : wordOf(text.slice(at, at + 4)),
      };
      const slot = slotOf(word);
      table.used[slot] = 1;
      const list = table.slots[slot];
      if (list) list.push(entry);
      else table.slots[slot] = [entry];
    }
  }
  return table;
}

/** Every gram the literals could use, for `sampleGrams`. */
export function candidateWords(literals: readonly GramLiteral[]): Set<number> {
  const words = new Set<number>();
  for (const { text } of literals)
    for (let k = 0; k + 4 <= text.length; k++) words.add(wordOf(text.slice(k, k + 4)));
  return words;
}

/** Counts the candidate grams among the first `count` words of a byte image. */
export function sampleGrams(u32: Uint32Array, count: number, candidates: Set<number>): GramCounts {
  const counts: GramCounts = new Map();
  for (let i = 0; i < count; i++) {
    const word = u32[i]! | FOLD;
    if (candidates.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
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
