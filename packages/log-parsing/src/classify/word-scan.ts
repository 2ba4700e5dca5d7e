import { sharedImage } from '../byte-image';
import { scanKernel } from '../scan-kernel/scan-kernel';
import { FOLD, type GramEntry, type GramTable, literalAt, slotOf } from './gram-table';

/**
 * The hot loop of the block scan: four words per step; a step whose four slots are all empty
 * (almost every step) costs four table reads and one branch. Words with a used slot are confirmed
 * one by one; after a confirmed hit the scan jumps to the next line.
 *
 * It also writes each word it reads back case-folded (`| FOLD`), so the short-literal search that
 * follows (short-literal-scan.ts) finds every case with a plain byte search. Words it jumps over
 * stay as they were: they lie in a line already flagged, where another hit changes nothing.
 *
 * It reads the shared byte image (../byte-image.ts), which holds `text` as `count` =
 * `wordCount(text.length)` words (a multiple of four), zero past it. The loop over groups runs in
 * the scan kernel (../scan-kernel/scan-kernel.wat `flaggedGroup`), which reads the same memory;
 * the confirmation stays here.
 */
export function scanWords(text: string, count: number, table: GramTable, hits: number[]): void {
  const kernel = scanKernel();
  const u32 = sharedImage.words;
  let i = 0;
  while (i < count) {
    i = kernel.flaggedGroup(table, i, count);
    if (i < count) i = confirmGroup(text, u32, i, table, hits);
  }
}

/**
 * Confirms the grams of the group at `i`; returns where the scan resumes: after a confirmed hit,
 * at the word holding the next line's start (it may lie inside this group), else the next group.
 */
function confirmGroup(text: string, u32: Uint32Array, i: number, table: GramTable, hits: number[]): number {
  for (let j = 0; j < 4; j++) {
    const slot = slotOf(u32[i + j]!);
    if (table.used[slot] === 0) continue;
    const at = confirm(text, u32, i + j, table.entries.get(slot)!);
    if (at !== -1) {
      hits.push(at);
      return Math.max(i + j + 1, nextLine(text, at) >>> 2);
    }
  }
  return i + 4;
}

/** Offset of a literal holding word `i` as one of the grams in `list` (its slot's), or -1. */
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

/** Offset just past the line holding `i` (or the text's length): one hit per line is enough. */
export function nextLine(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl + 1;
}
