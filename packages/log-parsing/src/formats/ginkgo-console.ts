import { stripAnsi } from '../ansi';
import type { FailureType, LineParser, LogLine, ParsedReport, TestCaseResult } from '../types';
import { GinkgoBlock } from './ginkgo-console-block';
import {
  bulletMayBeHeader,
  endsBlock,
  isDelimiter,
  isHeaderStart,
  parseBlockHeader,
} from './ginkgo-console-header';
import { type GinkgoVersion, specIdentity } from './ginkgo-spec-name';
import { ReportBuilder } from './report-builder';
import { parseLocationLine } from './source-location';

const SUMMARY_ENTRY = /^\[(FAIL|PANICKED!|TIMEDOUT|INTERRUPTED|ABORTED|Fail|Panic!|Timeout\.\.\.)\] (.*)$/;
const SUMMARY_TYPES: Record<string, FailureType> = {
  FAIL: 'failed',
  'PANICKED!': 'panicked',
  TIMEDOUT: 'timedout',
  INTERRUPTED: 'interrupted',
  ABORTED: 'aborted',
  Fail: 'failed',
  'Panic!': 'panicked',
  'Timeout...': 'timedout',
};
const DONE = /^■ DONE\s+(.*?)\s+(PASSED|FAILED|SKIPPED|PENDING)\s*$/;
const COUNT = /(\d+) (Passed|Failed|Flaked|Pending|Skipped)/g;

export interface GinkgoConsoleOptions {
  path: string;
}

/**
 * Ginkgo console output, v1 and v2 (also ptp-operator's `▶ START` / `■ DONE` rewrite). Failure
 * blocks give name, message, location and duration; the "Summarizing N Failures" block adds any
 * failure whose block was not printed; `↺ [FLAKEY TEST …]` gives flaky specs; `Ran X of Y` and
 * the counts line give the summary.
 */
export class GinkgoConsoleParser implements LineParser {
  private readonly out: ReportBuilder;
  private readonly failedByKey = new Map<string, TestCaseResult>();
  private block: GinkgoBlock | null = null;
  private inSummary = false;
  private lastSummaryEntry: TestCaseResult | null = null;
  private suite: string | null = null;
  private failedAtStart = 0;

  constructor(options: GinkgoConsoleOptions) {
    this.out = new ReportBuilder('ginkgo-console', options.path);
  }

  push(line: LogLine): void {
    this.pushStripped(line.text, stripAnsi(line.text), line.no);
  }

  /** For composite parsers that already stripped the line (`raw` keeps the colours for labels). */
  pushStripped(raw: string, text: string, no: number): void {
    if (this.block && this.blockLine(text, raw, no)) return;
    if (this.inSummary && this.summaryLine(text, no)) return;
    this.idleLine(text, no);
  }

  /**
   * Whether `pushStripped` of the colour-free line ending at `end` of `text` (the rest of `text`
   * is other lines), read from offset `at`, would do nothing: outside a failure block and a
   * summary, only an empty line or one opening with a header or banner character (`idleLine`) can
   * matter, and of the bullets only those `bulletMayBeHeader` lets through.
   */
  ignoresAt(text: string, at: number, end: number): boolean {
    if (!this.idle()) return false;
    if (at >= end) return true;
    const c = text.charCodeAt(at);
    // A bullet that cannot open a header is a passed spec: `idleLine` does nothing with it.
    if (isHeaderStart(c)) return c === 0x2022 && !bulletMayBeHeader(text, at);
    // idleLine's switch: R, S, F, ▶, ■.
    return c !== 0x52 && c !== 0x53 && c !== 0x46 && c !== 0x25b6 && c !== 0x25a0;
  }

  /** Outside a failure block and a summary: `ignoresAt` reads the first character alone. */
  idle(): boolean {
    return this.block === null && !this.inSummary;
  }

  /** Closes any open block: the caller knows the output it belongs to has ended (step boundary). */
  endSection(): void {
    this.closeBlock();
    this.inSummary = false;
  }

  finish(): ParsedReport {
    this.endSection();
    return this.out.build();
  }

  private idleLine(text: string, no: number): void {
    if (text.length === 0) return;
    if (isHeaderStart(text.charCodeAt(0)) && this.tryHeader(text, no)) return;
    switch (text[0]) {
      case 'R':
        if (text.startsWith('Running Suite: ')) this.suite = suiteDescription(text.slice(15));
        else if (text.startsWith('Ran ')) this.ranLine(text);
        return;
      case 'S':
        if (/^Summarizing \d+ Failures?:/.test(text)) this.inSummary = true;
        else if (text.startsWith('SUCCESS!')) this.countsLine(text);
        return;
      case 'F':
        if (text.startsWith('FAIL!')) this.countsLine(text);
        return;
      case '▶':
        if (text.startsWith('▶ START')) this.failedAtStart = this.failedByKey.size;
        return;
      case '■':
        if (text.startsWith('■ DONE')) this.doneLine(text, no);
        return;
    }
  }

  private tryHeader(text: string, no: number): boolean {
    const header = parseBlockHeader(text);
    if (!header) return false;
    this.closeBlock();
    this.inSummary = false;
    this.block = new GinkgoBlock(header, no);
    return true;
  }

  /** Returns false when the line ends the block and must be looked at again outside it. */
  private blockLine(text: string, raw: string, no: number): boolean {
    if (isDelimiter(text.trim())) {
      this.closeBlock();
      return true;
    }
    if (endsBlock(text)) {
      this.closeBlock();
      return false;
    }
    if (isHeaderStart(text.charCodeAt(0)) && this.tryHeader(text, no)) return true;
    this.block!.push(text, raw);
    return true;
  }

  private closeBlock(): void {
    const block = this.block;
    if (!block) return;
    this.block = null;
    const test = block.result(this.suite);
    if (test === null) {
      this.out.addError(block.line, 'Ginkgo failure block without a spec name; ignored');
    } else if (test.state === 'passed') {
      this.out.addFlaky(test.name, test.attempts ?? 2);
      this.out.addTest(test);
    } else {
      this.addFailure(test);
    }
  }

  private summaryLine(text: string, no: number): boolean {
    const trimmed = text.trim();
    if (trimmed === '') return true;
    const m = SUMMARY_ENTRY.exec(trimmed);
    if (m) {
      const heading = m[1]!;
      const version: GinkgoVersion = heading === heading.toUpperCase() ? 2 : 1;
      const identity = specIdentity(m[2]!, version);
      const test: TestCaseResult = {
        name: identity.name,
        suite: this.suite,
        state: 'failed',
        failureType: SUMMARY_TYPES[heading] ?? 'failed',
        message: null,
        location: null,
        durationSec: null,
        kind: identity.kind,
        line: no,
      };
      this.lastSummaryEntry = this.addFailure(test);
      return true;
    }
    const location = parseLocationLine(trimmed);
    if (location && this.lastSummaryEntry) {
      this.lastSummaryEntry.location ??= location;
      this.lastSummaryEntry = null;
      return true;
    }
    this.inSummary = false;
    this.lastSummaryEntry = null;
    return false;
  }

  private doneLine(text: string, no: number): void {
    const m = DONE.exec(text);
    if (!m) return;
    const status = m[2]!;
    // A FAILED spec's own block (with its full name) normally came before this line.
    if (status === 'FAILED' && this.failedByKey.size > this.failedAtStart) return;
    const state =
      status === 'FAILED'
        ? 'failed'
        : status === 'PASSED'
          ? 'passed'
          : status === 'SKIPPED'
            ? 'skipped'
            : 'pending';
    const test: TestCaseResult = {
      name: m[1]!.trim(),
      suite: this.suite,
      state,
      message: null,
      location: null,
      durationSec: null,
      kind: 'test',
      line: no,
    };
    if (state === 'failed') {
      test.failureType = 'failed';
      this.addFailure(test);
    } else {
      this.out.addTest(test);
    }
  }

  private ranLine(text: string): void {
    const m = /^Ran (\d+) of (\d+) Specs?/.exec(text);
    if (m) this.out.addSummary({ ran: Number(m[1]), total: Number(m[2]) });
  }

  private countsLine(text: string): void {
    const counts: Record<string, number> = {};
    COUNT.lastIndex = 0;
    for (let m = COUNT.exec(text); m !== null; m = COUNT.exec(text)) counts[m[2]!] = Number(m[1]);
    if (Object.keys(counts).length === 0) return;
    this.out.addSummary({
      passed: counts.Passed,
      failed: counts.Failed,
      flaked: counts.Flaked,
      skipped: counts.Skipped,
    });
  }

  /** Adds a failure once per spec; returns the kept result (an earlier one fills its gaps). */
  private addFailure(test: TestCaseResult): TestCaseResult {
    const key = specKey(test.name);
    const known = this.failedByKey.get(key);
    if (known) {
      // Parallel processes report the same suite-level failure more than once; keep one.
      known.message ??= test.message;
      known.location ??= test.location;
      return known;
    }
    if (this.out.addTest(test)) this.failedByKey.set(key, test);
    return test;
  }
}

/**
 * Identity of a spec for matching its failure block with its summary entry: without colour, labels
 * may sit mid-name in one and at the end in the other, so bracketed groups are compared as a set.
 */
function specKey(name: string): string {
  const groups = name.match(/\[[^\]]*\]/g) ?? [];
  const words = name
    .replace(/\[[^\]]*\]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return `${words.join(' ')}\u0000${groups.sort().join('')}`;
}

function suiteDescription(rest: string): string {
  // v2 banner: "<description> - <suite path>"; v1: "<description>".
  const cut = rest.lastIndexOf(' - ');
  if (cut > 0 && /[/\\]/.test(rest.slice(cut + 3))) return rest.slice(0, cut).trim();
  return rest.trim();
}
