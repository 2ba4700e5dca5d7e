/**
 * Redaction of a raw text stream cut into arbitrary chunks (HTTP bodies, file reads).
 *
 * Invariant (property-tested): for any way of cutting a text into chunks, the concatenated
 * output equals `redactSecrets(text).text`. It holds because every rule is confined to one line
 * and PEM blocks are decided from a bounded window (pem-blocks.ts), so the redactor only
 * releases text up to the last complete line that is outside any undecided private key.
 *
 * Memory: the held tail is the current partial line plus at most one PEM window (16 KiB). A line
 * longer than 64 KiB is released early at a whitespace where splitting is verified not to change
 * the result; a line longer than that with no such point is cut hard, which could split a
 * secret — a documented limit for megabyte-long single lines.
 */
import { isFreeCut, scanPemBlocks, settleCut } from './pem-blocks';
import { redactInto } from './redact-secrets';
import { FindingCounter, type RedactionFinding } from './redaction-types';

export interface ChunkRedactor {
  /** Feed the next chunk; returns the redacted text that is final so far (possibly ''). */
  write(chunk: string): string;
  /** End of input: returns the rest. */
  end(): string;
  findings(): RedactionFinding[];
  /** Characters currently held back (for tests of the memory bound). */
  held(): number;
}

export interface ChunkRedactorOptions {
  /** A partial line longer than this is released early. Default 64 KiB. */
  maxLineHold?: number;
}

/** A cut must leave this many characters held, so no secret can straddle it unseen. */
const CUT_MARGIN = 8192;

function redactAlone(text: string): string {
  return redactInto(text, new FindingCounter());
}

/** A whitespace cut inside an overlong line that provably does not change redaction. */
function overlongCut(buf: string, lineStart: number, isFree: (c: number) => boolean): number {
  const whole = redactAlone(buf.slice(lineStart));
  let x = buf.length - CUT_MARGIN;
  for (let tries = 0; tries < 8 && x > lineStart; tries++) {
    const ws = Math.max(buf.lastIndexOf(' ', x), buf.lastIndexOf('\t', x));
    if (ws < lineStart) break;
    const c = ws + 1;
    if (isFree(c) && redactAlone(buf.slice(lineStart, c)) + redactAlone(buf.slice(c)) === whole) return c;
    x = ws - 1;
  }
  const hard = buf.length - CUT_MARGIN;
  return isFree(hard) ? hard : lineStart;
}

export function createChunkRedactor(options: ChunkRedactorOptions = {}): ChunkRedactor {
  const maxLineHold = options.maxLineHold ?? 65_536;
  if (!Number.isInteger(maxLineHold) || maxLineHold < CUT_MARGIN * 2)
    throw new RangeError(`createChunkRedactor: maxLineHold must be an integer >= ${CUT_MARGIN * 2}`);
  const counter = new FindingCounter();
  let buf = '';

  function cutPoint(): number {
    const scan = scanPemBlocks(buf, false);
    const snap = (x: number) => (x <= 0 ? 0 : buf.lastIndexOf('\n', x - 1) + 1);
    let cut = settleCut(scan, buf.length, snap);
    const lastLineStart = snap(buf.length);
    if (cut === lastLineStart && buf.length - lastLineStart > maxLineHold) {
      cut = overlongCut(buf, lastLineStart, (c) => isFreeCut(scan, c));
    }
    return cut;
  }

  return {
    write(chunk) {
      if (chunk.length === 0) return '';
      buf += chunk;
      const cut = cutPoint();
      if (cut === 0) return '';
      const out = redactInto(buf.slice(0, cut), counter);
      buf = buf.slice(cut);
      return out;
    },
    end() {
      const out = redactInto(buf, counter);
      buf = '';
      return out;
    },
    findings: () => counter.list(),
    held: () => buf.length,
  };
}
