import type { Classifier, RuleMatch } from '../classify/index';
import { createExcerptBuilder, type Excerpt } from '../excerpt/index';
import { createParser, detectFormat, githubTimestampLength } from '../formats/index';
import { readLineBatches } from '../input/index';
import { createLineRedactor, redactSecrets, sanitizeText } from '../redact/index';
import type { FormatId, LogLine, ParsedReport } from '../types';

/** Lines looked at before choosing a format. */
const DETECT_LINES = 50;
/** Log-level rule matches kept per input (highest priority first, then latest). */
const MAX_LOG_MATCHES = 64;

export interface LogMatch {
  line: number;
  text: string;
  match: RuleMatch;
}

export interface InputAnalysis {
  path: string;
  format: FormatId;
  bytes: number;
  lines: number;
  report: ParsedReport;
  logMatches: LogMatch[];
  excerpt: Excerpt;
  /** Excerpt evidence strength: the best priority marked (lower = stronger), or Infinity. */
  bestMark: number;
  redactions: Map<string, number>;
}

export interface AnalyzeInputOptions {
  path: string;
  open(): AsyncIterable<Uint8Array | string>;
  classifier: Classifier;
  format?: FormatId;
  budgetTokens: number;
  maxLineBytes?: number;
  /** Called about every `progressEveryBytes` of input. */
  onProgress?(bytes: number, lines: number): void;
  progressEveryBytes?: number;
}

/**
 * One streaming pass over one input: decode → redact → parse + classify + excerpt. Memory is
 * bounded by the parser's retained failures, the match list and the excerpt windows, never by the
 * size of the input.
 */
export async function analyzeInput(options: AnalyzeInputOptions): Promise<InputAnalysis> {
  const { classifier, path } = options;
  const redactor = createLineRedactor();
  const excerpt = createExcerptBuilder({ budgetTokens: options.budgetTokens });
  const logMatches: LogMatch[] = [];
  const redactions = new Map<string, number>();
  let format: FormatId | undefined = options.format;
  let parser = format ? createParser(format, { path }) : undefined;
  const head: LogLine[] = [];
  let bytes = 0;
  let lines = 0;
  let bestMark = Number.POSITIVE_INFINITY;
  let nextProgress = options.progressEveryBytes ?? 64 * 1024 * 1024;
  // Lines waiting for the redactor (it may hold a PEM block back); numbers stay with their lines.
  const pending: LogLine[] = [];

  const consume = (line: LogLine) => {
    lines = line.no;
    parser!.push(line);
    // Runner timestamps cost tokens and say nothing about the failure; the excerpt drops them.
    const ts = format === 'github-actions-log' ? githubTimestampLength(line.text) : 0;
    excerpt.push(ts > 0 ? { ...line, text: line.text.slice(ts) } : line);
    const match = classifier.matchLine(line.text);
    if (match) {
      excerpt.mark(line.no, match.priority);
      if (match.priority < bestMark) bestMark = match.priority;
      keepMatch(logMatches, { line: line.no, text: line.text, match });
    }
  };
  const emit = (ready: string[]) => {
    for (const text of ready) {
      const line = pending.shift()!;
      const out = text === line.text ? line : { ...line, text };
      if (!parser) {
        head.push(out);
        if (head.length >= DETECT_LINES) startParser();
      } else consume(out);
    }
  };
  const startParser = () => {
    format = detectFormat(
      head.map((l) => l.text),
      path,
    );
    parser = createParser(format, { path });
    for (const l of head.splice(0)) consume(l);
  };

  for await (const batch of readLineBatches(
    toBytes(options.open(), (n) => (bytes += n)),
    {
      maxLineBytes: options.maxLineBytes,
    },
  )) {
    for (const line of batch) {
      pending.push(line);
      emit(redactor.push(line.text));
    }
    if (options.onProgress && bytes >= nextProgress) {
      options.onProgress(bytes, lines);
      nextProgress += options.progressEveryBytes ?? 64 * 1024 * 1024;
    }
  }
  emit(redactor.flush());
  if (!parser) startParser();

  const result = excerpt.finish();
  // The excerpt is built from redacted lines already; a second pass over the small excerpt text
  // also counts what was removed, for the report.
  const recheck = redactSecrets(sanitizeText(result.text));
  for (const f of recheck.findings) redactions.set(f.kind, (redactions.get(f.kind) ?? 0) + f.count);
  return {
    path,
    format: format!,
    bytes,
    lines,
    report: parser!.finish(),
    logMatches,
    excerpt: { ...result, text: recheck.text },
    bestMark,
    redactions,
  };
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

async function* toBytes(
  source: AsyncIterable<Uint8Array | string>,
  count: (n: number) => void,
): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source) {
    count(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength);
    yield chunk;
  }
}
