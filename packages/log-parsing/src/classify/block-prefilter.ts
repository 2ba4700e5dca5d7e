/**
 * The literal prefilter over a whole block of lines at once (their `'\n'`-joined text), for
 * `Classifier.matchLines`. It finds every line on which `Prefilter.mayMatch` could be true, and
 * few others; the classifier then runs `matchLine` on those lines only.
 *
 * Why not the per-line Aho-Corasick automaton (prefilter.ts): a JavaScript loop that looks at
 * every character costs ~2–3 ns per character on the benchmark machine before doing any work,
 * and the automaton's 1.8 MB table misses the cache on most steps (~8–12 ns per character). This
 * scan looks at aligned 4-byte words instead, one probe per word in a table of literal "grams"
 * (gram-table.ts, word-scan.ts), and leaves the rest to native scans:
 *  - literals of 4 characters or fewer (or not ASCII): `Buffer.indexOf` each (short-literal-scan.ts);
 *  - lines whose escape sequences `prepare()` strips (ESC, U+009B, U+FFFD): their stripped text
 *    is scanned again (escaped-lines.ts);
 *  - lines with a non-ASCII letter that case folding maps to ASCII (U+017F, U+212A, only when a
 *    case-insensitive literal has an s or a k): always candidates (rare).
 * Measured on the PTP benchmark log (64 MiB, 64 KiB blocks): `matchLines` ~1.0–1.3 ns per
 * character, against ~1.5–2.0 before session 2 and ~10 for the automaton.
 */

import { sharedImage as image, wordCount } from '../byte-image';
import { GRAM_SLOTS } from '../scan-kernel/kernel-limits';
import { scanKernel } from '../scan-kernel/scan-kernel';
import { escapedLineStarts, joiningLines, literalPairs, rescanEscaped } from './escaped-lines';
import { buildGramTable, FOLD, type GramLiteral, type GramTable, isGramLiteral } from './gram-table';
import { ShortLiteralScan } from './short-literal-scan';
import { nextLine, scanWords } from './word-scan';

/**
 * Grams are re-chosen from the text itself every this many blocks (~32 MB of analyze's 128 KiB
 * regions): a gram rare in CI logs at large can be everywhere in one log ("lock" in a PTP daemon
 * log, "fail" in a Prow log), and each occurrence costs a confirmation, as does every word of the
 * log that shares a gram's slot (`sampleSlots` counts both). Sampling and rebuilding ~1 ms.
 */
const RESAMPLE_BLOCKS = 256;
/** Blocks shorter than this are too small a sample. */
const MIN_SAMPLE_CHARS = 16_384;

export interface BlockPrefilter {
  /**
   * Offsets in `text` of hits: at least one in every line that may match. Unordered, may repeat.
   * `escaped`, when given, receives the escaped lines' starts the scan found on the way
   * (`escapedLineStarts`: ascending, unique). `known`, when given, are those starts already
   * (analyze's line pass finds them with the line ends): the scan does not look for them again.
   */
  hits(text: string, escaped?: number[], known?: readonly number[]): number[];
}

export function buildBlockPrefilter(literals: readonly GramLiteral[]): BlockPrefilter {
  const unique = new Map<string, GramLiteral>();
  for (const l of literals) unique.set(`${l.ignoreCase ? 'i' : 'x'}${l.text}`, l);
  const all = [...unique.values()];
  const gramLiterals = all.filter((l) => isGramLiteral(l.text));
  const shortLiterals = all.filter((l) => !isGramLiteral(l.text));
  const shortScan = shortLiterals.length > 0 ? new ShortLiteralScan(shortLiterals) : null;
  const folded = all.filter((l) => l.ignoreCase).map((l) => l.text.toLowerCase());
  const foldChars = [
    ...(folded.some((t) => t.includes('s')) ? ['\u017f'] : []),
    ...(folded.some((t) => t.includes('k')) ? ['\u212a'] : []),
  ];
  // Built at the first scan, from a sample of it when the block is big enough (most logs): a
  // table built here would be rebuilt at once.
  let table: GramTable | null = null;
  const pairs = literalPairs(all);
  const slotCounts = gramLiterals.length > 0 ? new Uint32Array(GRAM_SLOTS) : null;
  let untilSample = 0;

  /** Hits in `text` read as prepared lines (no escapes to strip); `image` holds `text`. */
  const scanPrepared = (text: string, hits: number[], sample: boolean) => {
    for (const c of foldChars) {
      for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, nextLine(text, i))) hits.push(i);
    }
    const count = wordCount(text.length);
    if (slotCounts) {
      if (sample && --untilSample <= 0 && text.length >= MIN_SAMPLE_CHARS) {
        const counts = scanKernel().sampleSlots(text.length >>> 2, slotCounts);
        table = buildGramTable(gramLiterals, counts, table ?? undefined);
        untilSample = RESAMPLE_BLOCKS;
      }
      table ??= buildGramTable(gramLiterals);
      scanWords(text, count, table, hits);
    } else if (shortScan) {
      // The short-literal search reads the folded image that the word scan would have left.
      const u32 = image.words;
      for (let i = 0; i < count; i++) u32[i] = u32[i]! | FOLD;
    }
    shortScan?.scan(text, image.bytes, hits);
  };

  return {
    hits(text, escapedOut, known) {
      const hits: number[] = [];
      // The shared image: usually the redaction prefilter has just written this very text.
      image.hold(text);
      // Before the word scan folds the image: 0x9B and 0xFD are looked for as they are.
      const escaped = known ?? escapedLineStarts(text);
      if (escapedOut) for (const s of escaped) escapedOut.push(s);
      const rescan = pairs === null || escaped.length === 0 ? escaped : joiningLines(text, escaped, pairs);
      image.spoil();
      scanPrepared(text, hits, true);
      if (rescan.length > 0) {
        rescanEscaped(text, rescan, hits, (prepared, found) => {
          image.load(prepared);
          image.spoil();
          scanPrepared(prepared, found, false);
        });
      }
      return hits;
    },
  };
}
