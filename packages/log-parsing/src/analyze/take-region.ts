import { stripAnsi } from '../ansi';
import type { Classifier, RuleMatch } from '../classify/index';
import type { ExcerptBuilder } from '../excerpt/index';
import { type ByteRegion, utf8Text } from '../input/scan-blocks';
import { hidesKeyword } from '../redact/hidden-keywords';
import type { LogLine, SkippingLineParser } from '../types';
import { hasEscape } from './escape-offsets';
import { QUIET } from './quiet-line';
import type { RegionMarks } from './region-marks';
import { lineFlags, skipRun } from './skip-run';

/** What the region walk hands its lines to: the line consumer's parts. */
export interface RegionSink {
  readonly skipper: SkippingLineParser;
  readonly excerpt: ExcerptBuilder;
  readonly classifier: Classifier;
  consume(line: LogLine, match: RuleMatch | null): void;
}

let flagsBuffer: Uint8Array = new Uint8Array(4096);

/**
 * `LineConsumer.takeRegion`'s walk. A line that no scan marks (no secret keyword, no rule
 * literal, no escape, no byte >= 0x80) and that the parser ignores is never made a string: the
 * skip table passes over most of them (`skipRun`), `ignoresIn` judges the rest, and the excerpt
 * gets their ranges. So it does with a quiet line (coloured, or with punctuation such as `•`:
 * analyze/quiet-line.ts) that no secret keyword or rule literal marks, where its verdict in
 * `stops` lets the skip table pass; the excerpt decodes it if it ever shows it. A marked line (or
 * a quiet one the table stops at) is sliced or decoded, redacted, matched and then skipped or
 * consumed as `takeSkipping` does it, so the result is that of decoding the region and calling
 * `take` (byte-scan.differential.test.ts).
 */
export function takeRegionLines(
  region: ByteRegion,
  marks: RegionMarks,
  sink: RegionSink,
  redact: (lines: readonly string[], joined: string) => readonly string[],
): void {
  const { skipper, excerpt, classifier } = sink;
  const { text, bytes, starts, count, firstNo, stops } = region;
  const { secrets, hits, escaped, wide, loud } = marks;
  // Quiet lines are not flagged: their verdicts are in `stops` (analyze/quiet-line.ts).
  flagsBuffer = lineFlags(flagsBuffer, starts, count, [secrets, hits], loud);
  const flags = flagsBuffer;
  let nextSecret = 0;
  let nextHit = 0;
  let nextEscaped = 0;
  let nextWide = 0;
  /** First line of the run of skipped lines not yet handed to the excerpt. */
  let run = 0;
  let shape = skipper.skipShape();
  let k = 0;
  while (k < count) {
    if (shape !== null) {
      const from = k;
      k = skipRun(stops, flags, k, count, shape.stopBit);
      if (k > from) skipper.skipLines(firstNo + from, firstNo + k - 1);
      if (k >= count) break;
    }
    const start = starts[k]!;
    const end = starts[k + 1]! - 1;
    const no = firstNo + k;
    if (flags[k] === 0 && stops[k]! < QUIET) {
      if (skipper.ignoresIn(text, start, end)) skipper.skip(no);
      else {
        excerpt.pushSlices(firstNo, text, starts, run, k, true);
        run = k + 1;
        sink.consume({ no, text: text.slice(start, end) }, null);
        shape = skipper.skipShape();
      }
      k++;
      continue;
    }
    while (nextHit < hits.length && hits[nextHit]! < start) nextHit++;
    while (nextSecret < secrets.length && secrets[nextSecret]! < start) nextSecret++;
    while (nextEscaped < escaped.length && escaped[nextEscaped]! < start) nextEscaped++;
    // Quiet lines passed over are on the lists too.
    while (nextWide < wide.length && wide[nextWide]! < k) nextWide++;
    const hit = nextHit < hits.length && hits[nextHit]! <= end;
    const listed = nextSecret < secrets.length && secrets[nextSecret] === start;
    const raw = text.slice(start, end);
    let line: string;
    let match: RuleMatch | null = null;
    let plain: boolean;
    if (nextWide < wide.length && wide[nextWide] === k) {
      nextWide++;
      const decoded = utf8Text(bytes, start, end);
      // What `redactLines` calls a candidate (the keyword prefilter, then `hidesKeyword`).
      const secret = listed || hidesKeyword(decoded);
      line = secret ? redact([decoded], decoded)[0]! : decoded;
      // A 0x9B byte (of 'ě', 'Û', …) reads as an 8-bit CSI in the bytes, and stripping it there
      // can hide a literal the decoded line holds.
      const unseen = raw.indexOf('\x9b') !== -1 || classifier.hitsMissWide?.(line) !== false;
      if (hit || unseen || line !== decoded) match = classifier.matchLine(line);
      // An ESC byte is an ESC in the decoded line (a coloured Ginkgo line: ~26,000 per 100 MB),
      // found by memchr in the raw text before the regex reads the two-byte line.
      plain = raw.indexOf('\x1b') === -1 && !hasEscape(line);
    } else {
      const esc = nextEscaped < escaped.length && escaped[nextEscaped] === start;
      // A line without an escape cannot hide a keyword behind one.
      const secret = listed || (esc && hidesKeyword(raw));
      line = secret ? redact([raw], raw)[0]! : raw;
      if (hit || line !== raw) match = classifier.matchLine(line);
      plain = line === raw ? !esc : !hasEscape(line);
    }
    excerpt.pushSlices(firstNo, text, starts, run, k, true);
    run = k + 1;
    if (match === null && (plain ? skipper.ignores(line) : skipper.ignoresEscaped(line, stripAnsi(line)))) {
      skipper.skip(no);
      excerpt.pushText(no, line);
    } else {
      sink.consume({ no, text: line }, match);
      shape = skipper.skipShape();
    }
    k++;
  }
  excerpt.pushSlices(firstNo, text, starts, run, count, true);
}
