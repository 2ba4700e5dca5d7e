import type { JobFailure, LineParser, LogLine, ParsedReport, TestCaseResult } from '../types';
import { goMessageLocation, panicLocation } from './go-test-location';
import { LIMITS } from './limits';
import { dedentBlock, MessageBuffer } from './message-buffer';
import { ReportBuilder } from './report-builder';

const RESULT = /^(\s*)--- (FAIL|PASS|SKIP): (.+?) \((\d+(?:\.\d+)?)s\)\s*$/;
const PACKAGE = /^(ok|FAIL|\?)\s+(\S+)(?:\s+(.*))?$/;
const COMPILER_LINE = /^(?:\S+\.go:\d+(?::\d+)?: |\S+\.(?:s|c|h):\d+|note: |vet: |go: |\.\/)/;
const RUNNING_TEST = /^\s+(\S+) \([^)]*\)\s*$/;

interface Running {
  startLine: number;
  output: MessageBuffer;
}

interface Collector {
  test: TestCaseResult;
  indent: number;
  output: MessageBuffer;
}

interface Panic {
  line: number;
  output: MessageBuffer;
  owner: TestCaseResult | null;
  current: string | null;
  inRunningTests: boolean;
  runningTests: string[];
}

interface Build {
  pkg: string;
  line: number;
  output: MessageBuffer;
  confirmed: boolean;
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
  private panic: Panic | null = null;
  private build: Build | null = null;

  constructor(options: GoTestTextOptions) {
    this.out = new ReportBuilder('go-test-text', options.path);
  }

  push(line: LogLine): void {
    const text = line.text;
    if (this.panic && this.panicLine(text)) return;
    if (this.build && this.buildLine(text)) return;
    if (this.collector && this.collectorLine(text)) return;
    if (text.length === 0) return;
    const c = text.charCodeAt(0);
    if (c === 0x3d /* = */ && text.startsWith('=== ')) return this.framing(text, line.no);
    if ((c === 0x2d /* - */ || c === 0x20 || c === 0x09) && text.indexOf('--- ') !== -1) {
      const m = RESULT.exec(text);
      if (m) return this.result(m, line.no);
    }
    if (c === 0x20 || c === 0x09) {
      if (this.current !== null) this.running.get(this.current)?.output.push(text);
      return;
    }
    if (c === 0x70 /* p */ && text.startsWith('panic: ')) return this.startPanic(text, line.no);
    if (c === 0x23 /* # */ && text.startsWith('# ')) {
      this.build = { pkg: text.slice(2).replace(/\s*\[.*\]\s*$/, '').trim(), line: line.no, output: new MessageBuffer(), confirmed: false };
      this.build.output.push(text);
      return;
    }
    if ((c === 0x6f /* o */ || c === 0x46 /* F */ || c === 0x3f /* ? */) && text.indexOf('\t') !== -1) {
      const m = PACKAGE.exec(text);
      if (m) this.packageLine(m, text, line.no);
    }
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
    const owner = this.lastFailed;
    this.lastFailed = null;
    this.panic = {
      line: no,
      output: new MessageBuffer(),
      owner,
      current: this.current,
      inRunningTests: false,
      runningTests: [],
    };
    this.panic.output.push(text);
  }

  private panicLine(text: string): boolean {
    const panic = this.panic!;
    if (/^(FAIL|ok |--- |=== )/.test(text) || (text.startsWith('# ') && panic.output.lineCount > 1)) {
      const pkg = text.indexOf('\t') === -1 ? null : (PACKAGE.exec(text)?.[2] ?? null);
      this.finishPanic(pkg);
      return false;
    }
    // Go >= 1.21 lists the tests still running under a timeout panic: "running tests:\n\tTestX (10m0s)".
    if (text === 'running tests:') panic.inRunningTests = true;
    else if (panic.inRunningTests) {
      const m = RUNNING_TEST.exec(text);
      if (m && panic.runningTests.length < 100) panic.runningTests.push(m[1]!);
      else panic.inRunningTests = false;
    }
    panic.output.push(text);
    return true;
  }

  private finishPanic(pkg: string | null): void {
    const panic = this.panic!;
    this.panic = null;
    const text = panic.output.text() ?? 'panic';
    const lines = text.split('\n');
    const timedOut = lines[0]!.startsWith('panic: test timed out after');
    const failureType = timedOut ? 'timedout' : 'panicked';
    const location = panicLocation(lines);
    if (panic.owner) {
      panic.owner.message = panic.owner.message === null ? text : `${panic.owner.message}\n${text}`;
      panic.owner.failureType = failureType;
      panic.owner.location ??= location;
      return;
    }
    const names = panic.runningTests.length > 0 ? panic.runningTests : panic.current ? [panic.current] : [];
    if (names.length === 0) {
      this.out.addJobFailure({ kind: 'job', message: pkg ? `${text}\n(in package ${pkg})` : text, line: panic.line });
      return;
    }
    for (const name of names) {
      const run = this.running.get(name);
      this.running.delete(name);
      const test: TestCaseResult = {
        name,
        suite: pkg,
        state: 'failed',
        failureType,
        message: run?.output.text() ? `${run.output.text()}\n${text}` : text,
        location: timedOut ? null : location,
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
    const build = this.build!;
    const isError = COMPILER_LINE.test(text) || (build.confirmed && (text.startsWith('\t') || text.startsWith('  ')));
    if (isError) {
      build.confirmed = true;
      build.output.push(text);
      return true;
    }
    this.finishBuild();
    return false;
  }

  private finishBuild(): void {
    const build = this.build!;
    this.build = null;
    if (!build.confirmed) return;
    const failure: JobFailure = { kind: 'build', message: build.output.text() ?? `# ${build.pkg}`, line: build.line };
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
