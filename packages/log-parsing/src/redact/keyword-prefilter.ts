/**
 * Finds the few lines of a text that can contain a secret, so the rules run on those alone: the
 * start of every line holding a keyword of prefilter-keywords.ts (case-insensitive ones ignoring
 * ASCII case only). Every rule's matches contain one of them (checked by the coverage test).
 *
 * Why this shape (figures: CPU time per character on the 64 MiB PTP benchmark log, whose 64 KiB
 * chunks are all two-byte strings, and on real Prow build logs):
 *  - One combined keyword regex falls to ~50–120 MB/s: an alternation of many keywords gives V8
 *    no literal to skip ahead on.
 *  - The previous design, ~13 native passes (`indexOf` of a rare character per group of
 *    keywords, plus four regex scans for keywords without one) cost ~1.8–2.0 ns (PTP) and ~2.6
 *    (Prow): each `indexOf` hit costs ~35 ns of call and check, and PTP lines are full of the
 *    anchors `_` and `K` (CLOCK_REALTIME), while `/auth|secret/gi` and `/:\/\//` run ~0.3–0.45.
 *  - Now: one loop over a one-byte image of the text (../byte-image.ts), four characters per
 *    two 32-bit loads, one table lookup per two characters; a hit on an anchor pair is confirmed
 *    against the string. ~0.6 ns (PTP) and ~0.9 (Prow) in all, about half of it the loop itself;
 *    short lines (~46 chars) ~270 ns a call against ~400 (docs/performance.md, "Session 2").
 *    Since session 3 no native scan is left (GitLab's `gl` was one, ~0.2 ns). Since session 5 the
 *    loop runs in the scan kernel (../scan-kernel/scan-kernel.wat `anchorPair`, ~1.5x faster than
 *    V8's code for the same JavaScript); the confirmation stays here.
 *  - Since session 10 the kernel also checks the pair beside an anchor (its keyword's next pair,
 *    or the one before: `AnchorTable.followers`) before it stops: `ss` (passw) and `ec` (secret)
 *    are in `process`, `class`, `exec`, `spec`, and each stop was a call back into JavaScript. On
 *    the 100 MB benchmark log 111,394 stops → 3 (~15–20 ms of a cold run, with the compiles of the
 *    confirmation loop that no longer gets hot).
 */
import { sharedImage as image } from '../byte-image';
import { scanKernel } from '../scan-kernel/scan-kernel';
import { ANCHORED_KEYWORDS, buildAnchorTable, type PrefilterKeyword } from './prefilter-keywords';

export { PREFILTER_KEYWORDS } from './prefilter-keywords';

const ANCHORS = buildAnchorTable(ANCHORED_KEYWORDS);
const { slots: SLOTS, entries: ENTRIES } = ANCHORS;

/**
 * Characters imaged at once. Even, so no pair straddles two windows; large enough for a whole
 * analyze batch (~64 KiB) in one window, small enough to stay in the L2 cache.
 */
const WINDOW = 131_072;

/** Start offsets of the lines that contain a keyword, ascending and unique. */
export function candidateLineStarts(text: string): number[] {
  const anchored: number[] = [];
  let from = 0;
  for (let base = 0; from < text.length; base = from - (from & 1)) {
    // After a hit whose next line lies past the window, a new window starts at that line (or
    // one character before it, so windows start at even offsets like the first one).
    const end = Math.min(text.length, base + WINDOW);
    // The shared image (../byte-image.ts): the classifier's block scan of the same batch text,
    // which analyze runs next, finds it written already. This scan only reads it.
    if (base === 0 && end === text.length) image.hold(text);
    else image.load(text.slice(base, end));
    from = scanWindow(text, base, end, from, anchored);
  }
  return anchored;
}

/**
 * Scans the imaged window [base, end) from `from` (a line start >= base). Returns `end` when done
 * with it, or the start of the line after a hit when that lies past the window.
 */
function scanWindow(text: string, base: number, end: number, from: number, starts: number[]): number {
  const words = image.words;
  const kernel = scanKernel();
  const count = (end - base + 3) >>> 2;
  let i = (from - base) >>> 2;
  for (;;) {
    i = kernel.anchorPair(ANCHORS, i, count);
    if (i >= count) return end;
    const at = confirmWords(text, words, i, base + 4 * i, from);
    if (at === -1) {
      i += 2;
      continue;
    }
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (starts.length === 0 || starts[starts.length - 1] !== lineStart) starts.push(lineStart);
    const nl = text.indexOf('\n', at);
    if (nl === -1) return text.length;
    from = nl + 1;
    if (from >= end) return from;
    i = (from - base) >>> 2;
  }
}

/**
 * The start of the first keyword anchored in the four pairs of words `i`, `i + 1` (text offset
 * `q`), ignoring pairs before `from` (the line of an earlier hit), or -1. Pairs are tried in text
 * order, so a hit lies on the first line of the group that holds one.
 */
function confirmWords(text: string, words: Uint32Array, i: number, q: number, from: number): number {
  for (let h = 0; h < 4; h++) {
    const pos = q + 2 * h;
    const word = words[i + (h >>> 1)]!;
    const slot = SLOTS[(h & 1) === 0 ? word & 0xffff : word >>> 16]!;
    if (slot === 0 || pos < from) continue;
    for (const { keyword, offset } of ENTRIES[slot - 1]!) {
      if (matchesAt(text, pos - offset, keyword)) return pos - offset;
    }
  }
  return -1;
}

function matchesAt(text: string, at: number, kw: PrefilterKeyword): boolean {
  const t = kw.text;
  if (at < 0 || at + t.length > text.length) return false;
  for (let j = 0; j < t.length; j++) {
    let c = text.charCodeAt(at + j);
    if (kw.ignoreCase && c >= 65 && c <= 90) c |= 32;
    if (c !== t.charCodeAt(j)) return false;
  }
  return true;
}
