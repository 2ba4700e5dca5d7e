import type { FailureType, LineParser, LogLine, ParsedReport, SourceLocation, TestCaseResult } from '../types';
import { stripAnsi } from './ansi';
import { GINKGO_FAILURE_STATES } from './ginkgo-failure-text';
import { type GinkgoVersion, specIdentity } from './ginkgo-spec-name';
import { MessageBuffer } from './message-buffer';
import { ReportBuilder } from './report-builder';
import { parseInAt, parseLocationLine } from './source-location';

// Headers are only tried on lines whose first character can start one (see `isHeaderStart`).
const HEADER_V2 =
  /^(?:•|\+|\[([A-Za-z ()]+)\])!? \[(FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED)\](?: DURING REPETITION #\d+)?(?: \[(\d+(?:\.\d+)?) seconds\])?/;
const HEADER_V1 =
  /^(?:•(?:!|\.\.\.)? )?(Failure|Panic|Timeout)(?: in Spec (?:Setup|Teardown) \(([^)]+)\))? \[(\d+(?:\.\d+)?) seconds\]/;
const FLAKY = /^(?:↺|R) \[FLAKEY TEST - TOOK (\d+) ATTEMPTS TO PASS\](?: \[SLOW TEST\])?(?: \[(\d+(?:\.\d+)?) seconds\])?/;
const STATE_PREFIX = /^\[(FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED)\] ?/;
const SUMMARY_ENTRY =
  /^\[(FAIL|PANICKED!|TIMEDOUT|INTERRUPTED|ABORTED|Fail|Panic!|Timeout\.\.\.)\] (.*)$/;
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
const V1_TYPES: Record<string, FailureType> = { Failure: 'failed', Panic: 'panicked', Timeout: 'timedout' };
// Ginkgo prints labels in coral: {{coral}} = 256-colour 204.
const LABEL_COLOUR = '\x1b[38;5;204m[';
const DONE = /^■ DONE\s+(.*?)\s+(PASSED|FAILED|SKIPPED|PENDING)\s*$/;
const COUNT = /(\d+) (Passed|Failed|Flaked|Pending|Skipped)/g;
const BODY_MARKERS = ['Timeline >>', '<< Timeline', 'Begin Captured', '<< End Captured', 'Begin Report Entries', '<< End Report Entries'];

interface Block {
  version: GinkgoVersion;
  flakyAttempts: number;
  failureType: FailureType;
  headerNode: string | null;
  durationSec: number | null;
  line: number;
  texts: string[];
  labels: string[];
  inBody: boolean;
  body: MessageBuffer;
  bodyIndent: number;
  capturing: boolean;
  ignoreRest: boolean;
  inStack: boolean;
  stackFrame: SourceLocation | null;
  candidate: { message: string | null; location: SourceLocation; nodeType: string } | null;
}

export interface GinkgoConsoleOptions {
  path: string;
}

/**
 * Ginkgo console output, v1 and v2 (also ptp-operator's `▶ START` / `■ DONE` rewrite). Failure
 * blocks give name, message, location and duration; the "Summarizing N Failures" block adds any
 * failure whose block was not printed; `↺ [FLAKEY TEST …]` gives flaky specs.
 */
export class GinkgoConsoleParser implements LineParser {
  private readonly out: ReportBuilder;
  private readonly failedByName = new Map<string, TestCaseResult>();
  private block: Block | null = null;
  private inSummary = false;
  private lastSummaryEntry: TestCaseResult | null = null;
  private suite: string | null = null;
  private failedAtStart = 0;

  constructor(options: GinkgoConsoleOptions) {
    this.out = new ReportBuilder('ginkgo-console', options.path);
  }

  push(line: LogLine): void {
    const text = stripAnsi(line.text);
    if (this.block && this.blockLine(text, line.text, line.no)) return;
    if (this.inSummary && this.summaryLine(text, line.no)) return;
    this.idleLine(text, line.no);
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
    const c = text.charCodeAt(0);
    if (isHeaderStart(c) && this.tryHeader(text, no)) return;
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
        if (text.startsWith('▶ START')) this.failedAtStart = this.failedByName.size;
        return;
      case '■':
        if (text.startsWith('■ DONE')) this.doneLine(text, no);
        return;
    }
  }

  private tryHeader(text: string, no: number): boolean {
    if (text.indexOf('] [') === -1 && text.indexOf(' seconds]') === -1 && text.indexOf('[FLAKEY') === -1) return false;
    let m = HEADER_V2.exec(text);
    if (m) {
      this.openBlock(2, GINKGO_FAILURE_STATES[m[2]!]!, m[1] ?? null, m[3], no, 0);
      return true;
    }
    m = FLAKY.exec(text);
    if (m) {
      this.openBlock(2, 'failed', null, m[2], no, Number(m[1]));
      return true;
    }
    m = HEADER_V1.exec(text);
    if (m) {
      this.openBlock(1, V1_TYPES[m[1]!]!, m[2] ?? null, m[3], no, 0);
      return true;
    }
    return false;
  }

  private openBlock(
    version: GinkgoVersion,
    failureType: FailureType,
    headerNode: string | null,
    seconds: string | undefined,
    no: number,
    flakyAttempts: number,
  ): void {
    this.closeBlock();
    this.inSummary = false;
    this.block = {
      version,
      flakyAttempts,
      failureType,
      headerNode,
      durationSec: seconds === undefined ? null : Number(seconds),
      line: no,
      texts: [],
      labels: [],
      inBody: false,
      body: new MessageBuffer(),
      bodyIndent: 0,
      capturing: false,
      ignoreRest: false,
      inStack: false,
      stackFrame: null,
      candidate: null,
    };
  }

  /** Returns false when the line ends the block and must be looked at again outside it. */
  private blockLine(text: string, raw: string, no: number): boolean {
    const block = this.block!;
    const trimmed = text.trim();
    if (trimmed.length >= 30 && trimmed[0] === '-' && /^-+$/.test(trimmed)) {
      this.closeBlock();
      return true;
    }
    if (endsBlock(text)) {
      this.closeBlock();
      return false;
    }
    if (isHeaderStart(text.charCodeAt(0)) && this.tryHeader(text, no)) return true;
    if (!block.inBody) {
      if (trimmed === '') block.inBody = true;
      else if (parseLocationLine(trimmed) === null && block.texts.length < 64) this.specText(block, trimmed, raw);
      return true;
    }
    if (block.flakyAttempts > 0 || block.ignoreRest) return true;
    if (block.version === 1) this.bodyLineV1(block, text, trimmed);
    else this.bodyLineV2(block, text, trimmed);
    return true;
  }

  /**
   * One line of the spec's code-location block. Labels are printed after the text they belong to
   * (container labels mid-name), in coral; JUnit lists them all at the end, so they are moved there.
   * Without colour they cannot be told from text and stay where they are.
   */
  private specText(block: Block, text: string, raw: string): void {
    const at = raw.indexOf(LABEL_COLOUR);
    if (at === -1) {
      block.texts.push(text);
      return;
    }
    const labels = /^\[(.*)\]$/.exec(stripAnsi(raw.slice(at)).trim());
    const before = stripAnsi(raw.slice(0, at)).trim();
    if (!labels) {
      block.texts.push(text);
      return;
    }
    if (before !== '') block.texts.push(before);
    for (const label of labels[1]!.split(', ')) if (!block.labels.includes(label)) block.labels.push(label);
  }

  private bodyLineV1(block: Block, text: string, trimmed: string): void {
    if (trimmed === 'Full Stack Trace') {
      block.inStack = true;
      return;
    }
    if (block.inStack) {
      const frame = parseLocationLine(trimmed);
      if (frame && !/\/src\/runtime\/|\/onsi\/ginkgo\//.test(frame.file)) {
        block.stackFrame = frame;
        block.ignoreRest = true;
      }
      return;
    }
    if (block.body.isEmpty && trimmed === '') return;
    if (block.body.isEmpty) block.bodyIndent = indentOf(text);
    block.body.push(dedent(text, block.bodyIndent));
  }

  private bodyLineV2(block: Block, text: string, trimmed: string): void {
    if (trimmed.startsWith('There were additional failures detected')) {
      block.ignoreRest = true;
      return;
    }
    if (block.failureType === 'panicked' && block.candidate) {
      this.panicDetail(block, block.candidate, trimmed);
      return;
    }
    if (trimmed === '') {
      if (block.capturing) block.body.push('');
      else block.body.clear();
      return;
    }
    if (BODY_MARKERS.some((m) => trimmed.startsWith(m))) {
      block.body.clear();
      block.capturing = false;
      return;
    }
    const state = STATE_PREFIX.exec(trimmed);
    if (state) {
      block.body.clear();
      block.capturing = true;
      block.bodyIndent = indentOf(text);
      const rest = trimmed.slice(state[0].length);
      if (rest !== '') block.body.push(rest);
      return;
    }
    const at = parseInAt(trimmed);
    if (at) {
      block.candidate = { message: block.body.text(), location: at.location, nodeType: at.nodeType };
      block.body.clear();
      block.capturing = false;
      return;
    }
    if (block.body.isEmpty && !block.capturing) block.bodyIndent = indentOf(text);
    block.body.push(dedent(text, block.bodyIndent));
  }

  /**
   * After `[PANICKED] Test Panicked` / `In [It] at: …/runtime/panic.go:NN` come the panic value and
   * `Full Stack Trace`: the value joins the message, the first frame outside the Go runtime
   * becomes the location.
   */
  private panicDetail(block: Block, candidate: NonNullable<Block['candidate']>, trimmed: string): void {
    if (trimmed === 'Full Stack Trace') {
      block.inStack = true;
      return;
    }
    if (!block.inStack) {
      if (trimmed !== '' && (candidate.message?.length ?? 0) < 4096) {
        candidate.message = candidate.message ? `${candidate.message}\n${trimmed}` : trimmed;
      }
      return;
    }
    const frame = parseLocationLine(trimmed);
    if (frame && /\/src\/runtime\//.test(candidate.location.file) && !/\/src\/runtime\/|\/onsi\/ginkgo\//.test(frame.file)) {
      candidate.location = frame;
      block.ignoreRest = true;
    }
  }

  private closeBlock(): void {
    const block = this.block;
    if (!block) return;
    this.block = null;
    const texts = block.texts.join(' ');
    const identity = specIdentity(texts === '' && block.headerNode ? `[${block.headerNode}]` : texts, block.version);
    if (block.labels.length > 0) identity.name += ` [${block.labels.join(', ')}]`;
    if (identity.name === '' || identity.name === '[It]') {
      this.out.addError(block.line, 'Ginkgo failure block without a spec name; block ignored');
      return;
    }
    if (block.flakyAttempts > 0) {
      this.out.addFlaky(identity.name, block.flakyAttempts);
      this.out.addTest({
        ...base(identity.name, this.suite, 'passed', block.durationSec, identity.kind),
        attempts: block.flakyAttempts,
        line: block.line,
      });
      return;
    }
    let message: string | null;
    let location: SourceLocation | null;
    let nodeType = block.headerNode ?? identity.nodeType;
    if (block.version === 1) {
      const lines = (block.body.text() ?? '').split('\n');
      const at = lines.findIndex((l) => parseLocationLine(l) !== null);
      location = at === -1 ? null : parseLocationLine(lines[at]!);
      message = (at === -1 ? lines : lines.slice(0, at)).join('\n').trim() || null;
      // A v1 panic names runtime/panic.go; the first frame of the stack outside it is the culprit.
      if (block.stackFrame && (location === null || /\/src\/runtime\//.test(location.file))) location = block.stackFrame;
    } else {
      message = block.candidate?.message ?? block.body.text();
      location = block.candidate?.location ?? null;
      nodeType = block.candidate?.nodeType ?? nodeType;
    }
    const kind = identity.kind === 'setup' || isSuiteSetupNode(nodeType) ? 'setup' : 'test';
    this.addFailure({
      ...base(identity.name, this.suite, 'failed', block.durationSec, kind),
      failureType: block.failureType,
      message,
      location,
      line: block.line,
    });
  }

  private summaryLine(text: string, no: number): boolean {
    const trimmed = text.trim();
    if (trimmed === '') return true;
    const m = SUMMARY_ENTRY.exec(trimmed);
    if (m) {
      const heading = m[1]!;
      const version: GinkgoVersion = heading === heading.toUpperCase() ? 2 : 1;
      const identity = specIdentity(m[2]!, version);
      const known = this.failedByName.get(specKey(identity.name));
      if (known) {
        this.lastSummaryEntry = known;
      } else {
        const test: TestCaseResult = {
          ...base(identity.name, this.suite, 'failed', null, identity.kind),
          failureType: SUMMARY_TYPES[heading] ?? 'failed',
          message: null,
          location: null,
          line: no,
        };
        this.addFailure(test);
        this.lastSummaryEntry = test;
      }
      return true;
    }
    const location = parseLocationLine(trimmed);
    if (location && this.lastSummaryEntry) {
      if (this.lastSummaryEntry.location === null) this.lastSummaryEntry.location = location;
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
    const name = m[1]!.trim();
    const status = m[2]!;
    if (status === 'FAILED') {
      // The full Ginkgo block (with the full spec name) normally precedes this line.
      if (this.failedByName.size > this.failedAtStart) return;
      this.addFailure({ ...base(name, this.suite, 'failed', null, 'test'), failureType: 'failed', line: no });
      return;
    }
    const state = status === 'PASSED' ? 'passed' : status === 'SKIPPED' ? 'skipped' : 'pending';
    this.out.addTest({ ...base(name, this.suite, state, null, 'test'), line: no });
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

  private addFailure(test: TestCaseResult): void {
    const key = specKey(test.name);
    const known = this.failedByName.get(key);
    if (known) {
      // Parallel processes report the same suite-level failure more than once; keep one, fill gaps.
      known.message ??= test.message;
      known.location ??= test.location;
      return;
    }
    if (this.out.addTest(test)) this.failedByName.set(key, test);
  }
}

function base(
  name: string,
  suite: string | null,
  state: TestCaseResult['state'],
  durationSec: number | null,
  kind: 'test' | 'setup',
): TestCaseResult {
  return { name, suite, state, message: null, location: null, durationSec, kind };
}

/**
 * Identity of a spec for matching its failure block with its summary entry: without colour, labels
 * may sit mid-name in one and at the end in the other, so bracketed groups are compared as a set.
 */
function specKey(name: string): string {
  const groups = name.match(/\[[^\]]*\]/g) ?? [];
  const words = name.replace(/\[[^\]]*\]/g, ' ').split(/\s+/).filter(Boolean);
  return `${words.join(' ')}\u0000${[...groups].sort().join('')}`;
}

function isHeaderStart(c: number): boolean {
  // • + [ F P T ↺ R
  return c === 0x2022 || c === 0x2b || c === 0x5b || c === 0x46 || c === 0x50 || c === 0x54 || c === 0x21ba || c === 0x52;
}

function endsBlock(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 0x53) return text.startsWith('Summarizing ');
  if (c === 0x52) return text.startsWith('Ran ') && /^Ran \d+ of \d+ Spec/.test(text);
  if (c === 0x25b6) return text.startsWith('▶ START');
  if (c === 0x25a0) return text.startsWith('■ DONE');
  return false;
}

function isSuiteSetupNode(node: string | null): boolean {
  return node === 'BeforeSuite' || node === 'SynchronizedBeforeSuite';
}

function suiteDescription(rest: string): string {
  // v2 banner: "<description> - <suite path>"; v1: "<description>".
  const cut = rest.lastIndexOf(' - ');
  if (cut > 0 && /[/\\]/.test(rest.slice(cut + 3))) return rest.slice(0, cut).trim();
  return rest.trim();
}

function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function dedent(text: string, indent: number): string {
  const own = indentOf(text);
  return text.slice(Math.min(own, indent));
}
