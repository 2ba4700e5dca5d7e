import type { Classifier } from '../classify/index';
import type { Excerpt } from '../excerpt/index';
import { type LineBlock, readLineBlocks } from '../input/index';
import { decodeRegion, readScanBlocks, type ScanBlock } from '../input/scan-blocks';
import { createLineRedactor } from '../redact/index';
import type { FormatId, ParsedReport } from '../types';
import { redactJoinedOutputs } from './joined-outputs';
import { LineConsumer, type LogMatch } from './line-consumer';
import { recheckText } from './recheck-text';

export type { LogMatch };

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
  /**
   * Read byte inputs as byte regions (input/scan-blocks.ts), turning into strings only the lines
   * something looks at. Default true; false decodes every line, the path the differential test
   * compares it with.
   */
  byteScan?: boolean;
}

/**
 * One streaming pass over one input: decode → redact → parse + classify + excerpt. Memory is
 * bounded by the parser's retained failures, the match list and the excerpt windows, never by the
 * size of the input.
 *
 * Work is done per batch of lines (one decoded chunk) wherever it can be: the redactor and the
 * classifier each scan a batch's text once, usually a slice of the decoded chunk itself, and only
 * the lines they flag get per-line attention (docs/performance.md has the figures).
 */
export async function analyzeInput(options: AnalyzeInputOptions): Promise<InputAnalysis> {
  const { path } = options;
  const redactor = createLineRedactor();
  const consumer = new LineConsumer(path, options.classifier, options.budgetTokens, options.format);
  let bytes = 0;
  let nextProgress = options.progressEveryBytes ?? 64 * 1024 * 1024;
  // Lines the redactor holds back (a private key may be in progress): they are consecutive, so
  // the number of the first is all that is kept.
  let pendingFirst = 1;
  let pendingCount = 0;

  // A source that fails after giving bytes (a truncated .gz, a zip entry cut short, a size cap)
  // ends the input there: what it gave is analysed, and the input is marked partial.
  let readError: unknown = null;
  /**
   * Redacts a batch of decoded lines and hands what is ready to the consumer: in the usual case
   * (nothing held, nothing redacted) the batch's own text, which is still valid.
   */
  const takeBlock = (firstNo: number, texts: readonly string[], text: string) => {
    const ready = redactor.pushLines(texts, text);
    if (ready === texts && pendingCount === 0) consumer.take(firstNo, texts, text);
    else {
      if (pendingCount === 0) pendingFirst = firstNo;
      pendingCount += texts.length;
      if (ready.length > 0) {
        consumer.take(pendingFirst, ready);
        pendingFirst += ready.length;
        pendingCount -= ready.length;
      }
    }
  };
  const redactLines = (lines: readonly string[], joined: string) => redactor.pushLines(lines, joined);
  try {
    const source = toBytes(options.open(), (n) => (bytes += n));
    const readOptions = { maxLineBytes: options.maxLineBytes };
    for await (const block of options.byteScan === false
      ? asScanBlocks(readLineBlocks(source, readOptions))
      : readScanBlocks(source, readOptions)) {
      const { region, lines } = block;
      if (region === undefined) {
        // Cut lines are rare; the parsers are told (a JUnit report says its text is incomplete).
        if (lines.cut.length > 0) consumer.markCut(lines.cut);
        takeBlock(lines.firstNo, lines.texts, lines.text);
      } else if (
        // A private key may start here, or lines are held: the redactor must see every line.
        pendingCount > 0 ||
        redactor.held() > 0 ||
        region.text.indexOf('BEGIN') !== -1 ||
        !consumer.takeRegion(region, redactLines)
      ) {
        const { texts, text } = decodeRegion(region);
        takeBlock(region.firstNo, texts, text);
      }
      if (options.onProgress && bytes >= nextProgress) {
        options.onProgress(bytes, consumer.consumedLines);
        nextProgress += options.progressEveryBytes ?? 64 * 1024 * 1024;
      }
    }
  } catch (error) {
    if (bytes === 0) throw error;
    readError = error;
  }
  const rest = redactor.flush();
  if (rest.length > 0) consumer.take(pendingFirst, rest);

  const consumed = consumer.finish();
  if (readError !== null) {
    consumed.report.partial = true;
    consumed.report.errors.push({ path, line: null, message: readErrorMessage(path, readError, bytes) });
  }
  // The excerpt quotes redacted lines raw: escapes can still spell a secret (recheck-text.ts),
  // and so can go test -json output cut into events (joined-outputs.ts).
  const joined = redactJoinedOutputs(consumed.excerpt.text);
  const recheck = recheckText(joined.text);
  const redactions = new Map<string, number>();
  for (const f of [...redactor.findings(), ...joined.findings, ...recheck.findings]) {
    redactions.set(f.kind, (redactions.get(f.kind) ?? 0) + f.count);
  }
  return {
    path,
    format: consumed.format,
    bytes,
    lines: consumed.lines,
    report: consumed.report,
    logMatches: consumed.logMatches,
    excerpt: { ...consumed.excerpt, text: recheck.text },
    bestMark: consumed.bestMark,
    redactions,
  };
}

async function* asScanBlocks(blocks: AsyncIterable<LineBlock>): AsyncGenerator<ScanBlock> {
  for await (const lines of blocks) yield { lines };
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

/** The read error that ended an input early, named once (errors from the input layer name the path already). */
function readErrorMessage(path: string, error: unknown, bytes: number): string {
  const text = error instanceof Error ? error.message : String(error);
  const named = text.startsWith(path) ? text : `${path}: ${text}`;
  return `${named}; kept what was read before it (${bytes} bytes)`;
}
