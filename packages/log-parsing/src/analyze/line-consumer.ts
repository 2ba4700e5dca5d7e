import { stripAnsi } from '../ansi';
import type { Classifier, RuleMatch } from '../classify/index';
import type { MatchLinesNotes } from '../classify/match-lines';
import { createExcerptBuilder, type Excerpt, type ExcerptBuilder } from '../excerpt/index';
import { createParser, detectFormat, githubTimestampLength, isSkippingLineParser } from '../formats/index';
import type { ByteRegion } from '../input/scan-blocks';
import type { FormatId, LineParser, LogLine, ParsedReport, SkippingLineParser } from '../types';
import { escapeOffsets } from './escape-offsets';
import { regionMarks } from './region-marks';
import { type RegionSink, takeRegionLines } from './take-region';

/** Lines looked at before choosing a format. */
const DETECT_LINES = 50;
/** Log-level rule matches kept per input (highest priority first, then latest). */
const MAX_LOG_MATCHES = 64;

export interface LogMatch {
  line: number;
  text: string;
  match: RuleMatch;
}

export interface ConsumedInput {
  format: FormatId;
  lines: number;
  report: ParsedReport;
  logMatches: LogMatch[];
  excerpt: Excerpt;
  bestMark: number;
}

/**
 * The per-line half of `analyzeInput`: detects the format from the first lines, then hands every
 * redacted line to the parser and the excerpt, and marks the lines a rule matches. Lines come in
 * batches so the classifier scans each batch's text once (`Classifier.matchLines`).
 */
export class LineConsumer {
  /** Made with the parser, once the format (and so how lines are shown) is known. */
  private excerpt!: ExcerptBuilder;
  private readonly logMatches: LogMatch[] = [];
  private readonly head: { line: LogLine; match: RuleMatch | null }[] = [];
  private format: FormatId | undefined;
  private parser: LineParser | undefined;
  /** The parser, when it can skip lines it would ignore. */
  private skipper: SkippingLineParser | undefined;
  private lines = 0;
  private bestMark = Number.POSITIVE_INFINITY;
  /** Numbers of lines the reader cut to its cap and not yet consumed. */
  private readonly cut = new Set<number>();
  /** The parts `takeRegionLines` needs, made at the first region (the parser is chosen by then). */
  private regionSink: RegionSink | undefined;

  constructor(
    private readonly path: string,
    private readonly classifier: Classifier,
    private readonly budgetTokens: number,
    format: FormatId | undefined,
  ) {
    if (format) this.startParser(format);
  }

  /** Says that the lines numbered `nos` were cut to the reader's cap (`LogLine.truncated`). */
  markCut(nos: readonly number[]): void {
    for (const no of nos) if (no > this.lines) this.cut.add(no);
  }

  /** Number of the last line handed to the parser (for progress reports). */
  get consumedLines(): number {
    return this.lines;
  }

  /**
   * Consecutive lines, numbered from `firstNo`, with their redacted texts; `joined`, when given, is
   * `texts.join('\n')` and says the texts are those of the log (redaction changed none).
   */
  take(firstNo: number, texts: readonly string[], joined?: string): void {
    if (this.skipper && joined !== undefined) {
      // The classifier's block scan finds the escaped lines anyway: it hands them over.
      const notes: MatchLinesNotes = {};
      const matches = this.classifier.matchLines(texts, joined, notes);
      this.takeSkipping(this.skipper, firstNo, texts, notes.escapedLines ?? escapeOffsets(joined), matches);
      return;
    }
    const matches = this.classifier.matchLines(texts, joined);
    let next = 0;
    for (let i = 0; i < texts.length; i++) {
      const line = { no: firstNo + i, text: texts[i]! };
      let match: RuleMatch | null = null;
      if (next < matches.length && matches[next]!.index === i) match = matches[next++]!.match;
      if (this.parser) this.consume(line, match);
      else {
        this.head.push({ line, match });
        if (this.head.length >= DETECT_LINES) this.detect();
      }
    }
  }

  /**
   * `take` for a parser that skips lines: a line no rule matched and holding no escape character
   * goes to the excerpt alone when the parser says it would ignore it. The excerpt keeps the same
   * lines, so the result is the same as pushing every line (the parsers' property tests check
   * `ignores`). No `LogLine` object is made for it.
   *
   * `escapes`: ascending offsets in the batch's joined text such that every line holding an
   * escape character holds one (or starts at one): the escape characters themselves
   * (`escapeOffsets`), or the escaped line starts the classifier's block scan found. The latter
   * may name a few lines without one (another character with the same low byte); those are
   * pushed in full, which changes nothing but a little time.
   */
  private takeSkipping(
    parser: SkippingLineParser,
    firstNo: number,
    texts: readonly string[],
    escapes: readonly number[],
    matches: ReturnType<Classifier['matchLines']>,
  ): void {
    let nextMatch = 0;
    let nextEscape = 0;
    let start = 0;
    /** First line of the run of skipped lines not yet handed to the excerpt. */
    let run = 0;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      const no = firstNo + i;
      const end = start + text.length;
      while (nextEscape < escapes.length && escapes[nextEscape]! < start) nextEscape++;
      const plain = nextEscape === escapes.length || escapes[nextEscape]! >= end;
      let match: RuleMatch | null = null;
      if (nextMatch < matches.length && matches[nextMatch]!.index === i) match = matches[nextMatch++]!.match;
      // A coloured line is judged on its stripped text (a passed Ginkgo spec, one line in 34 of a
      // verbose run, is ignored so).
      if (match === null && (plain ? parser.ignores(text) : parser.ignoresEscaped(text, stripAnsi(text))))
        parser.skip(no);
      else {
        this.excerpt.pushTexts(firstNo, texts, run, i);
        run = i + 1;
        this.consume({ no, text }, match);
      }
      start = end + 1;
    }
    this.excerpt.pushTexts(firstNo, texts, run, texts.length);
    if (texts.length > 0) this.lines = firstNo + texts.length - 1;
    // A skipped line that was cut: the parser ignored it, so the cut does not matter to it.
    if (this.cut.size > 0) for (const no of this.cut) if (no <= this.lines) this.cut.delete(no);
  }

  /**
   * `take` for the lines of a byte region (input/scan-blocks.ts), with `redact` the line
   * redactor's `pushLines` while it holds nothing and no private key starts in the region. A line
   * that no scan marks (no secret keyword, no rule literal, no escape, no byte >= 0x80) and that
   * the parser ignores (`ignoresIn`) is never made a string: the excerpt gets its range. The rest
   * is sliced or decoded, redacted, matched and handled as `takeSkipping` handles a line, so the
   * result is the same as decoding the region and calling `take` (the differential test checks).
   * Returns false, having done nothing, when the parser does not skip lines (or is not chosen yet)
   * or the classifier has no block scan: the caller decodes the region then.
   */
  takeRegion(
    region: ByteRegion,
    redact: (lines: readonly string[], joined: string) => readonly string[],
  ): boolean {
    const skipper = this.skipper;
    if (!skipper || this.cut.size > 0) return false;
    const marks = regionMarks(region, this.classifier);
    if (marks === null) return false;
    this.regionSink ??= {
      skipper,
      excerpt: this.excerpt,
      classifier: this.classifier,
      consume: (line, match) => this.consume(line, match),
    };
    takeRegionLines(region, marks, this.regionSink, redact);
    if (region.count > 0) this.lines = region.firstNo + region.count - 1;
    return true;
  }

  finish(): ConsumedInput {
    if (!this.parser) this.detect();
    return {
      format: this.format!,
      lines: this.lines,
      report: this.parser!.finish(),
      logMatches: this.logMatches,
      excerpt: this.excerpt.finish(),
      bestMark: this.bestMark,
    };
  }

  private detect(): void {
    this.startParser(
      detectFormat(
        this.head.map((h) => h.line.text),
        this.path,
      ),
    );
    for (const { line, match } of this.head.splice(0)) this.consume(line, match);
  }

  private startParser(format: FormatId): void {
    this.format = format;
    this.parser = createParser(format, { path: this.path });
    if (isSkippingLineParser(this.parser)) this.skipper = this.parser;
    this.excerpt = createExcerptBuilder({
      budgetTokens: this.budgetTokens,
      // Runner timestamps cost tokens and say nothing about the failure; the excerpt drops them.
      ...(format === 'github-actions-log' ? { dropPrefix: githubTimestampLength } : {}),
    });
  }

  private consume(line: LogLine, match: RuleMatch | null): void {
    this.lines = line.no;
    if (this.cut.size > 0 && this.cut.delete(line.no)) line.truncated = true;
    this.parser!.push(line);
    this.excerpt.push(line);
    if (match) {
      this.excerpt.mark(line.no, match.priority);
      if (match.priority < this.bestMark) this.bestMark = match.priority;
      keepMatch(this.logMatches, { line: line.no, text: line.text, match });
    }
  }
}

function keepMatch(list: LogMatch[], m: LogMatch): void {
  list.push(m);
  if (list.length > MAX_LOG_MATCHES) {
    // Drop the weakest (highest priority number), earliest match.
    let worst = 0;
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.match.priority >= list[worst]!.match.priority) worst = i;
    }
    list.splice(worst, 1);
  }
}
