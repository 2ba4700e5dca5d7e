/**
 * Line-stream redaction: push lines, get redacted lines back, one for one and in order.
 *
 * Lines come back in batches (by default once 1024 lines or 256 KiB are waiting, and at
 * `flush()`): one whole-text pass over a batch is several times faster than one per line.
 * Pass `{ batchLines: 1 }` to get each line back at once instead.
 *
 * Private keys: from a `-----BEGIN … PRIVATE KEY-----` line on, lines are held until the key's
 * END line (or until the PEM window of 16 KiB is exhausted; see pem-blocks.ts). A key becomes
 * one `[REDACTED:private-key]` line followed by empty lines, so the n-th line out is always the
 * n-th line in and line numbers stay valid.
 */
import { scanPemBlocks, settleCut } from './pem-blocks';
import { redactInto, redactLines } from './redact-secrets';
import { FindingCounter, type RedactionFinding } from './redaction-types';

export interface LineRedactor {
  /** Redacted lines now ready, oldest first (possibly none: lines are released in batches). */
  push(line: string): string[];
  /**
   * `push` for many lines at once, returning what is ready (the same lines out, one for one and
   * in order, whatever the batching). `joined`, when given, must be `lines.join('\n')`. When
   * nothing is held and no private key starts among the lines, they come back at once from one
   * pass over their text, with no copy: the same array when nothing was redacted.
   */
  pushLines(lines: readonly string[], joined?: string): readonly string[];
  /** Release everything held (call at end of input). */
  flush(): string[];
  /** Counts so far, by kind. */
  findings(): RedactionFinding[];
  /** Lines currently held back. */
  held(): number;
}

export interface LineRedactorOptions {
  /** Release once this many lines wait. Default 1024; 1 releases every line at once. */
  batchLines?: number;
  /** Release once this many characters wait. Default 256 KiB. */
  batchChars?: number;
}

export function createLineRedactor(options: LineRedactorOptions = {}): LineRedactor {
  const batchLines = options.batchLines ?? 1024;
  const batchChars = options.batchChars ?? 262_144;
  for (const [name, v] of [
    ['batchLines', batchLines],
    ['batchChars', batchChars],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 1)
      throw new RangeError(`createLineRedactor: ${name} must be an integer >= 1`);
  }
  const counter = new FindingCounter();
  let held: string[] = [];
  let heldChars = 0;

  /** Redact held[0..count) as one text and split it back into the same lines. */
  function release(count: number): string[] {
    const lines = count === held.length ? held : held.slice(0, count);
    held = count === held.length ? [] : held.slice(count);
    heldChars = 0;
    for (const l of held) heldChars += l.length + 1;
    return redactJoined(lines, lines.join('\n'), counter);
  }

  /** How many held lines can go now without cutting into an undecided private key. */
  function releasable(): number {
    if (!held.some((l) => l.includes('BEGIN'))) return held.length;
    const text = held.map((l) => `${l}\n`).join('');
    const starts: number[] = [];
    let offset = 0;
    for (const l of held) {
      starts.push(offset);
      offset += l.length + 1;
    }
    starts.push(offset);
    const snap = (x: number) => {
      let best = 0;
      for (const s of starts) if (s <= x) best = s;
      return best;
    };
    return starts.indexOf(settleCut(scanPemBlocks(text, false), text.length, snap));
  }

  function push(line: string): string[] {
    held.push(line);
    heldChars += line.length + 1;
    if (held.length < batchLines && heldChars < batchChars) return [];
    const count = releasable();
    return count > 0 ? release(count) : [];
  }

  return {
    push,
    pushLines(lines, joined) {
      if (held.length === 0) {
        const text = joined ?? lines.join('\n');
        // A private key may run past these lines: only then must lines be held back.
        if (text.indexOf('BEGIN') === -1) return redactJoined(lines, text, counter, redactLines);
      }
      const ready: string[] = [];
      for (const line of lines) for (const out of push(line)) ready.push(out);
      // Let go of everything no undecided key needs: lines left held would keep every later
      // batch off the one-pass path above (one "BEGIN CERTIFICATE" early in a log did, to its end).
      const count = held.length > 0 ? releasable() : 0;
      if (count > 0) for (const out of release(count)) ready.push(out);
      return ready;
    },
    flush() {
      return held.length > 0 ? release(held.length) : [];
    },
    findings: () => counter.list(),
    held: () => held.length,
  };
}

/**
 * Redacts `text` (= `lines.join('\n')`) and splits the result back into one string per line.
 * `redact` is `redactLines` when the caller has checked that no private key starts in `text`.
 */
function redactJoined<T extends readonly string[]>(
  lines: T,
  text: string,
  counter: FindingCounter,
  redact: (text: string, counter: FindingCounter) => string = redactInto,
): T | string[] {
  const red = redact(text, counter);
  if (red === text) return lines;
  const pieces = red.split('\n');
  if (pieces.length === lines.length) return pieces;
  // A pushed "line" may itself contain newlines; regroup so each input gives one output.
  const out: string[] = [];
  let k = 0;
  for (const line of lines) {
    const n = line.split('\n').length;
    out.push(pieces.slice(k, k + n).join('\n'));
    k += n;
  }
  return out;
}
