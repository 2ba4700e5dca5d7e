import { stripAnsi } from '../ansi';
import type { JobFailure, LineParser, LogLine, ParsedReport, TestCaseResult } from '../types';
import { LINE_CUT } from './cut-line';
import { GoBuildOutput } from './go-build-output';
import { GoPanic } from './go-panic';
import { goMessageLocation } from './go-test-location';
import { LIMITS } from './limits';
import { dedentBlock, MessageBuffer } from './message-buffer';
import { ReportBuilder } from './report-builder';

const RESULT = /^(\s*)--- (FAIL|PASS|SKIP): (.+?) \((\d+(?:\.\d+)?)s\)\s*$/;
const PACKAGE = /^(ok|FAIL|\?)\s+(\S+)(?:\s+(.*))?$/;

interface Running {
  startLine: number;
  output: MessageBuffer;
}

interface Collector {
  test: TestCaseResult;
  indent: number;
  output: MessageBuffer;
}

export interface GoTestTextOptions {
  path: string;
}

/**
 * `go test` text output (plain or -v): `--- FAIL: TestX/sub (0.00s)` results with the
 * `file_test.go:12: msg` lines that belong to them, `FAIL\tpkg [build failed]` and `# pkg` compiler
 * errors (job failures of kind 'build'), and panics with their goroutine trace (attached to the
 * test that was running; `panic: test timed out after …` gives failureType 'timedout').
 */
export class GoTestTextParser implements LineParser {
  private readonly out: ReportBuilder;
  private readonly running = new Map<string, Running>();
  private readonly starts = new Map<TestCaseResult, number>();
  private readonly buildByPkg = new Map<string, JobFailure>();
  private packageTests: TestCaseResult[] = [];
  private current: string | null = null;
  /** The last `--- FAIL` result: a panic printed right after it belongs to that test. */
  private lastFailed: TestCaseResult | null = null;
  private collector: Collector | null = null;
  private panic: GoPanic | null = null;
  private build: GoBuildOutput | null = null;

  constructor(options: GoTestTextOptions) {
    this.out = new ReportBuilder('go-test-text', options.path);
  }

  push(line: LogLine): void {
    // A cut line may have lost a `--- FAIL` or a panic's end: say so, once per cut line.
    if (line.truncated) this.out.addError(line.no, LINE_CUT);
    this.pushStripped(stripAnsi(line.text), line.no);
  }

  /** For composite parsers that already stripped colour codes from the line. */
  pushStripped(text: string, no: number): void {
    if (this.panic && this.panicLine(text)) return;
    if (this.build && this.buildLine(text)) return;
    if (this.collector && this.collectorLine(text)) return;
    if (text.length === 0) return;
    const c = text.charCodeAt(0);
    if (c === 0x3d /* = */) {
      if (text.startsWith('=== ')) this.framing(text, no);
      return;
    }
    if ((c === 0x2d /* - */ || c === 0x20 || c === 0x09) && text.indexOf('--- ') !== -1) {
      const m = RESULT.exec(text);
      if (m) {
        this.result(m, no);
        return;
      }
    }
    if (c === 0x20 || c === 0x09) {
      if (this.current !== null) this.running.get(this.current)?.output.push(text);
    } else if (c === 0x70 /* p */) {
      if (text.startsWith('panic: ')) this.startPanic(text, no);
    } else if (c === 0x23 /* # */) {
      if (text.startsWith('# ')) this.build = new GoBuildOutput(text, no);
    } else if (
      (c === 0x6f /* o */ || c === 0x46 /* F */ || c === 0x3f) /* ? */ &&
      text.indexOf('\t') !== -1
    ) {
      const m = PACKAGE.exec(text);
      if (m) this.packageLine(m, text, no);
    }
  }

  /**
   * Whether `pushStripped` of the colour-free line ending at `end` of `text` (the rest of `text`
   * is other lines), read from offset `at`, would do nothing: the mirror of its first-character
   * dispatch, for a parser not inside a panic, a build error or a result's output.
   */
  ignoresAt(text: string, at: number, end: number): boolean {
    if (!this.idle()) return false;
    if (at >= end) return true;
    switch (text.charCodeAt(at)) {
      case 0x3d /* = */:
      case 0x2d /* - */:
      case 0x23 /* # */:
        return false;
      case 0x20:
      case 0x09:
        // Indented lines are a running test's output, or may hold a `--- FAIL` result.
        return this.current === null && !hasWithin(text, '--- ', at, end);
      case 0x70 /* p */:
        // Most lines of a PTP log start with p (ptp4l, phc2sys): the second letter settles them.
        // Neither read can pass the line: `text[end]` is '\n' (or the end), and `panic: ` has none.
        return text.charCodeAt(at + 1) !== 0x61 /* a */ || !text.startsWith('panic: ', at);
      case 0x6f /* o */:
      case 0x46 /* F */:
      case 0x3f /* ? */:
        return !hasWithin(text, '\t', at, end);
      default:
        return true;
    }
  }

  /** No test is running: an indented line is then ignored unless it holds `--- ` (`ignoresAt`). */
  outsideTest(): boolean {
    return this.current === null;
  }

  /** Not inside a panic, a build error or a result's output: `ignoresAt` reads the first characters. */
  idle(): boolean {
    return this.panic === null && this.build === null && this.collector === null;
  }

  /** The output this parser was reading ended (a CI step boundary): close what is open. */
  endSection(): void {
    if (this.panic) this.finishPanic(null);
    if (this.build) this.finishBuild();
    this.closeCollector();
    this.running.clear();
    this.current = null;
  }

  finish(): ParsedReport {
    this.endSection();
    return this.out.build();
  }

  /** Line of `=== RUN` for a failed test, when seen (lets a caller tell wrapper tests apart). */
  startLineOf(test: TestCaseResult): number | undefined {
    return this.starts.get(test);
  }

  private framing(text: string, no: number): void {
    const verb = text.slice(4, 8);
    const name = text.slice(8).trim();
    if (name === '') return;
    this.lastFailed = null;
    if (verb === 'RUN ') {
      this.closeCollector();
      if (this.running.size >= LIMITS.maxRunningTests) this.running.delete(this.running.keys().next().value!);
      this.running.set(name, { startLine: no, output: new MessageBuffer() });
      this.current = name;
    } else if (verb === 'CONT' || verb === 'NAME') {
      this.closeCollector();
      this.current = name;
    }
  }

  private result(m: RegExpExecArray, no: number): void {
    this.closeCollector();
    const name = m[3]!;
    const status = m[2]!;
    const run = this.running.get(name);
    this.running.delete(name);
    if (this.current === name) this.current = null;
    const state = status === 'FAIL' ? 'failed' : status === 'SKIP' ? 'skipped' : 'passed';
    const output = state === 'passed' ? null : (run?.output.text() ?? null);
    const message = output === null ? null : dedentBlock(output);
    const test: TestCaseResult = {
      name,
      suite: null,
      state,
      message,
      location: goMessageLocation(message),
      durationSec: Number(m[4]),
      kind: 'test',
      line: no,
    };
    if (state === 'failed') test.failureType = 'failed';
    if (this.out.addTest(test)) {
      this.packageTests.push(test);
      if (state === 'failed' && run) this.starts.set(test, run.startLine);
    }
    this.lastFailed = state === 'failed' ? test : null;
    this.collector = { test, indent: m[1]!.length, output: new MessageBuffer() };
  }

  /** Output printed after `--- FAIL` (non -v mode) is indented deeper than the result line. */
  private collectorLine(text: string): boolean {
    const collector = this.collector!;
    let indent = 0;
    while (indent < text.length && (text[indent] === ' ' || text[indent] === '\t')) indent++;
    if (indent <= collector.indent || indent === text.length || text.startsWith('--- ', indent)) {
      this.closeCollector();
      return false;
    }
    if (collector.test.state !== 'passed') collector.output.push(text);
    return true;
  }

  private closeCollector(): void {
    const collector = this.collector;
    if (!collector) return;
    this.collector = null;
    const output = collector.output.text();
    if (output === null) return;
    const extra = dedentBlock(output);
    const test = collector.test;
    test.message = test.message === null ? extra : `${test.message}\n${extra}`;
    test.location ??= goMessageLocation(test.message);
  }

  private startPanic(text: string, no: number): void {
    this.closeCollector();
    this.panic = new GoPanic(text, no, this.lastFailed, this.current);
    this.lastFailed = null;
  }

  private panicLine(text: string): boolean {
    if (this.panic!.push(text)) return true;
    this.finishPanic(text.indexOf('\t') === -1 ? null : (PACKAGE.exec(text)?.[2] ?? null));
    return false;
  }

  private finishPanic(pkg: string | null): void {
    const panic = this.panic!;
    this.panic = null;
    const text = panic.text();
    const failureType = panic.failureType;
    if (panic.owner) {
      panic.owner.message = panic.owner.message === null ? text : `${panic.owner.message}\n${text}`;
      panic.owner.failureType = failureType;
      panic.owner.location ??= panic.location();
      return;
    }
    const victims = panic.victims();
    if (victims.length === 0) {
      this.out.addJobFailure({
        kind: 'job',
        message: pkg ? `${text}\n(in package ${pkg})` : text,
        line: panic.line,
      });
      return;
    }
    for (const name of victims) {
      const run = this.running.get(name);
      this.running.delete(name);
      const own = run?.output.text() ?? null;
      const test: TestCaseResult = {
        name,
        suite: pkg,
        state: 'failed',
        failureType,
        message: own === null ? text : `${dedentBlock(own)}\n${text}`,
        // A timeout's trace shows the alarm goroutine, not the test: use the test's own last words.
        location: failureType === 'timedout' ? goMessageLocation(own) : panic.location(),
        durationSec: null,
        kind: 'test',
        line: panic.line,
      };
      if (this.out.addTest(test)) {
        this.packageTests.push(test);
        if (run) this.starts.set(test, run.startLine);
      }
    }
    this.current = null;
  }

  private buildLine(text: string): boolean {
    if (this.build!.push(text)) return true;
    this.finishBuild();
    return false;
  }

  private finishBuild(): void {
    const build = this.build!;
    this.build = null;
    const message = build.message();
    if (message === null) return;
    const failure: JobFailure = { kind: 'build', message, line: build.line };
    this.out.addJobFailure(failure);
    this.buildByPkg.set(build.pkg, failure);
  }

  private packageLine(m: RegExpExecArray, text: string, no: number): void {
    const pkg = m[2]!;
    const rest = m[3] ?? '';
    this.lastFailed = null;
    for (const test of this.packageTests) test.suite ??= pkg;
    this.packageTests = [];
    if (m[1] !== 'FAIL') return;
    if (rest.startsWith('[build failed]') || rest.startsWith('[setup failed]')) {
      const known = this.buildByPkg.get(pkg);
      if (known) known.message = `${known.message}\n${text}`;
      else this.out.addJobFailure({ kind: 'build', message: text, line: no });
    }
    this.running.clear();
    this.current = null;
  }
}

/**
 * Whether `needle` lies within [at, end) of `text`. On a line string (`end === text.length`) that
 * is `indexOf`. Inside a chunk of lines (analyze's byte regions) `indexOf` runs on past `end`, to
 * the chunk's end when the needle is not there: asked for each indented line, that was ~40 ms per
 * 100 MB of the benchmark log (one scan of every chunk), against ~4 for comparing the line's own
 * characters. (Remembering the last hit, the first design, still scanned each chunk once.)
 */
function hasWithin(text: string, needle: string, at: number, end: number): boolean {
  if (end === text.length) return text.indexOf(needle, at) !== -1;
  const first = needle.charCodeAt(0);
  for (let i = at, last = end - needle.length; i <= last; i++) {
    if (text.charCodeAt(i) === first && text.startsWith(needle, i)) return true;
  }
  return false;
}
