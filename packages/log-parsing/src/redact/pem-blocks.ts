/**
 * PEM private keys span lines, so they are found by a small scanner rather than a line rule.
 * The same function decides block extents for the one-shot, line and chunk redactors, which is
 * what makes the three agree (see chunk-redactor.ts for the invariant).
 *
 * A block starts at `-----BEGIN … PRIVATE KEY-----` and ends:
 *  1. at the first `-----END … PRIVATE KEY-----` that ends within `PEM_WINDOW_CHARS` after the
 *     BEGIN marker, or else
 *  2. at the end of the BEGIN line plus the following lines that look like key material
 *     (base64, blank, or an RFC 1421 header such as `Proc-Type:`), all within the window.
 *     This covers a key cut off by a truncated log without swallowing the rest of a log that
 *     merely echoes a BEGIN line.
 */

/** No real key is this long (an 8192-bit RSA key in PEM is about 6.5 KB). */
export const PEM_WINDOW_CHARS = 16_384;

const BEGIN = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/y;
const END = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/y;
const GHA_TIMESTAMP = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
const BASE64_LINE = /^[A-Za-z0-9+/=]*$/;
const PEM_HEADER = /^(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset):/;

export interface PemBlock {
  /** Offset of the BEGIN marker. */
  start: number;
  /** Offset just past the block (exclusive). */
  end: number;
}

export interface PemScan {
  blocks: PemBlock[];
  /** Offset of a BEGIN marker whose extent depends on text not seen yet (only when !atEof). */
  pendingStart: number | null;
}

function isKeyMaterialLine(line: string): boolean {
  const s = line.replace(GHA_TIMESTAMP, '').trim();
  return BASE64_LINE.test(s) || PEM_HEADER.test(s);
}

function findEnd(text: string, from: number, windowEnd: number): number | null {
  // Search only the window: an unbounded indexOf per BEGIN would make hostile input quadratic.
  const region = text.slice(from, windowEnd);
  for (let i = region.indexOf('-----END'); i !== -1; i = region.indexOf('-----END', i + 1)) {
    END.lastIndex = i;
    const m = END.exec(region);
    if (m) return from + i + m[0].length;
  }
  return null;
}

/** Rule 2: the BEGIN line, then consecutive key-material lines ending strictly inside the window. */
function extentWithoutEnd(text: string, beginEnd: number, windowEnd: number): number {
  const nl = text.indexOf('\n', beginEnd);
  const lineEnd = nl === -1 ? text.length : nl;
  if (lineEnd >= windowEnd) return windowEnd;
  let end = lineEnd;
  while (end < text.length) {
    const next = end + 1;
    if (next >= text.length) break;
    const nl2 = text.indexOf('\n', next);
    const next2 = nl2 === -1 ? text.length : nl2;
    if (next2 >= windowEnd || !isKeyMaterialLine(text.slice(next, next2))) break;
    end = next2;
  }
  return end;
}

/**
 * Find the private-key blocks in `text`. With `atEof` false, `text` may continue: a block whose
 * window is not complete yet is reported as `pendingStart` and scanning stops there.
 */
export function scanPemBlocks(text: string, atEof: boolean, windowChars = PEM_WINDOW_CHARS): PemScan {
  const blocks: PemBlock[] = [];
  let pos = 0;
  for (;;) {
    // indexOf('BEGIN') is several times faster in V8 than indexOf('-----BEGIN').
    const at = text.indexOf('BEGIN', pos);
    if (at === -1) return { blocks, pendingStart: null };
    const idx = at - 5;
    BEGIN.lastIndex = idx;
    const m = idx >= 0 ? BEGIN.exec(text) : null;
    if (!m) {
      pos = at + 1;
      continue;
    }
    const beginEnd = idx + m[0].length;
    const windowEnd = beginEnd + windowChars;
    const endMarker = findEnd(text, beginEnd, windowEnd);
    let end: number;
    if (endMarker !== null) end = endMarker;
    else if (!atEof && text.length < windowEnd) return { blocks, pendingStart: idx };
    else end = extentWithoutEnd(text, beginEnd, windowEnd);
    blocks.push({ start: idx, end });
    pos = end;
  }
}

/**
 * Replace each block by one marker followed by as many newlines as the block had, so the text
 * keeps its line count (log line numbers stay valid after redaction).
 */
export function replacePemBlocks(text: string, blocks: readonly PemBlock[], marker: string): string {
  if (blocks.length === 0) return text;
  let out = '';
  let last = 0;
  for (const b of blocks) {
    let newlines = 0;
    for (let i = text.indexOf('\n', b.start); i !== -1 && i < b.end; i = text.indexOf('\n', i + 1))
      newlines++;
    out += text.slice(last, b.start) + marker + '\n'.repeat(newlines);
    last = b.end;
  }
  return out + text.slice(last);
}

/**
 * The largest cut offset `<= start` at which text may be split without changing how PEM blocks
 * are redacted: not inside a block, not after a block still pending. `snap(x)` returns the
 * largest allowed boundary `<= x` (a line start, for instance).
 */
export function settleCut(scan: PemScan, start: number, snap: (x: number) => number): number {
  let cut = snap(start);
  for (;;) {
    let next = cut;
    if (scan.pendingStart !== null && scan.pendingStart < next) next = scan.pendingStart;
    for (let k = scan.blocks.length - 1; k >= 0; k--) {
      const b = scan.blocks[k]!;
      if (b.start < next && b.end > next) next = b.start;
    }
    next = snap(next);
    if (next === cut) return cut;
    cut = next;
  }
}

/** True when `cut` is inside no block and not after a pending block start. */
export function isFreeCut(scan: PemScan, cut: number): boolean {
  if (scan.pendingStart !== null && scan.pendingStart < cut) return false;
  return !scan.blocks.some((b) => b.start < cut && b.end > cut);
}
