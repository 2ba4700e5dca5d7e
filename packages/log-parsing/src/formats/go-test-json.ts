import type { FailureType, LineParser, LogLine, ParsedReport, TestCaseResult } from '../types';
import { LINE_CUT } from './cut-line';
import { goMessageLocation, panicFailureType, panicLocation } from './go-test-location';
import { GoTestOutput } from './go-test-output';
import { GoTestTextParser } from './go-test-text';
import { LIMITS } from './limits';
import { mergeInto } from './merge-reports';
import { dedentBlock } from './message-buffer';
import { ReportBuilder } from './report-builder';

interface Event {
  Action?: unknown;
  Package?: unknown;
  Test?: unknown;
  Output?: unknown;
  Elapsed?: unknown;
  ImportPath?: unknown;
  FailedBuild?: unknown;
}

interface RunningTest {
  pkg: string;
  name: string;
  output: GoTestOutput;
}

export interface GoTestJsonOptions {
  path: string;
}

/**
 * `go test -json` (test2json) events: run/pass/fail/skip/output per test, package-level output
 * (panics, timeouts), build-output/build-fail keyed by ImportPath. Lines that are not JSON (e.g.
 * compiler errors on stderr mixed in by `2>&1`) go through the text parser.
 */
export class GoTestJsonParser implements LineParser {
  private readonly out: ReportBuilder;
  private readonly text: GoTestTextParser;
  private readonly running = new Map<string, RunningTest>();
  private readonly packageOutput = new Map<string, GoTestOutput>();
  private readonly builds = new Map<string, GoTestOutput>();
  private readonly failedBuilds = new Set<string>();
  private readonly lastFailed = new Map<string, TestCaseResult>();
  private badLines = 0;

  constructor(options: GoTestJsonOptions) {
    this.out = new ReportBuilder('go-test-json', options.path);
    this.text = new GoTestTextParser(options);
  }

  push(line: LogLine): void {
    const text = line.text;
    if (text.charCodeAt(0) !== 0x7b /* { */) {
      this.text.push(line);
      return;
    }
    let event: Event;
    try {
      event = JSON.parse(text) as Event;
    } catch {
      const problem = line.truncated
        ? `${LINE_CUT}; the test2json event is lost`
        : 'not a valid test2json event (invalid JSON)';
      if (line.truncated || this.badLines++ === 0) this.out.addError(line.no, problem);
      return;
    }
    if (event === null || typeof event !== 'object' || typeof event.Action !== 'string') return;
    this.event(event, line.no);
  }

  finish(): ParsedReport {
    if (this.badLines > 1) this.out.addError(null, `${this.badLines} lines were not valid test2json events`);
    mergeInto(this.out, this.text.finish());
    return this.out.build();
  }

  private event(e: Event, no: number): void {
    // Package is absent only in hand-run test2json output; treat it as one unnamed package.
    const pkg = typeof e.Package === 'string' ? e.Package : '';
    const test = str(e.Test);
    switch (e.Action) {
      case 'run':
        if (test !== null) this.run(pkg, test);
        return;
      case 'output':
        if (typeof e.Output !== 'string') return;
        if (test !== null) this.testOutput(pkg, test).append(e.Output);
        else this.outputOf(this.packageOutput, pkg).append(e.Output);
        return;
      case 'build-output': {
        const importPath = str(e.ImportPath);
        if (importPath !== null && typeof e.Output === 'string')
          this.outputOf(this.builds, importPath).append(e.Output);
        return;
      }
      case 'build-fail': {
        const importPath = str(e.ImportPath) ?? (pkg || 'unknown package');
        this.failedBuilds.add(importPath);
        const message = this.builds.get(importPath)?.text() ?? `build of ${importPath} failed`;
        this.builds.delete(importPath);
        this.out.addJobFailure({ kind: 'build', message, line: no });
        return;
      }
      case 'pass':
      case 'fail':
      case 'skip':
        if (test !== null) this.testDone(pkg, test, e.Action, num(e.Elapsed), no);
        else if (e.Action === 'fail') this.packageFailed(pkg, str(e.FailedBuild), no);
        else this.packageDone(pkg);
        return;
    }
  }

  private run(pkg: string, name: string): void {
    if (this.running.size >= LIMITS.maxRunningTests) this.running.delete(this.running.keys().next().value!);
    this.running.set(key(pkg, name), { pkg, name, output: new GoTestOutput() });
  }

  private testOutput(pkg: string, name: string): GoTestOutput {
    let running = this.running.get(key(pkg, name));
    if (!running) {
      // Output for a test whose `run` event we never saw (or lost to the cap).
      this.run(pkg, name);
      running = this.running.get(key(pkg, name))!;
    }
    return running.output;
  }

  private testDone(pkg: string, name: string, action: string, elapsed: number | null, no: number): void {
    const running = this.running.get(key(pkg, name));
    this.running.delete(key(pkg, name));
    const state = action === 'fail' ? 'failed' : action === 'skip' ? 'skipped' : 'passed';
    const output = state === 'passed' ? null : (running?.output.text() ?? null);
    const message = output === null ? null : dedentBlock(output);
    const test: TestCaseResult = {
      name,
      suite: pkg || null,
      state,
      message,
      location: null,
      durationSec: elapsed,
      kind: 'test',
      line: no,
    };
    if (state === 'failed') {
      const panic = message === null ? null : panicFailureType(message);
      test.failureType = panic ?? 'failed';
      test.location = panic ? panicLocation(message!.split('\n')) : goMessageLocation(message);
      this.lastFailed.set(pkg, test);
    }
    this.out.addTest(test);
  }

  private packageFailed(pkg: string, failedBuild: string | null, no: number): void {
    const output = this.packageOutput.get(pkg)?.text() ?? null;
    const stillRunning = [...this.running.values()].filter((r) => r.pkg === pkg);
    if (failedBuild !== null) {
      if (!this.failedBuilds.has(failedBuild)) {
        this.out.addJobFailure({
          kind: 'build',
          message: output ?? `build of ${failedBuild} failed`,
          line: no,
        });
      }
    } else if (stillRunning.length > 0) {
      // The package died while these tests ran: a timeout or a panic outside the test goroutine.
      for (const running of stillRunning) {
        const own = running.output.text();
        const message =
          [own === null ? null : dedentBlock(own), output].filter((t) => t !== null).join('\n') || null;
        const type: FailureType = (message && panicFailureType(message)) || 'failed';
        this.out.addTest({
          name: running.name,
          suite: pkg || null,
          state: 'failed',
          failureType: type,
          message,
          location:
            type === 'panicked' && message ? panicLocation(message.split('\n')) : goMessageLocation(own),
          durationSec: null,
          kind: 'test',
          line: no,
        });
        this.running.delete(key(pkg, running.name));
      }
    } else if (output !== null && panicFailureType(output) && this.lastFailed.has(pkg)) {
      const test = this.lastFailed.get(pkg)!;
      test.message = test.message === null ? output : `${test.message}\n${output}`;
      test.failureType = panicFailureType(output)!;
    } else if (!this.lastFailed.has(pkg)) {
      const setup = output?.includes('[setup failed]') || output?.includes('[build failed]');
      this.out.addJobFailure({
        kind: setup ? 'build' : 'job',
        message: output ?? `package ${pkg || '(unnamed)'} failed`,
        line: no,
      });
    }
    this.packageDone(pkg);
  }

  private packageDone(pkg: string): void {
    this.packageOutput.delete(pkg);
    this.lastFailed.delete(pkg);
    for (const [k, running] of this.running) if (running.pkg === pkg) this.running.delete(k);
  }

  private outputOf(map: Map<string, GoTestOutput>, id: string): GoTestOutput {
    let output = map.get(id);
    if (!output) {
      if (map.size >= LIMITS.maxRunningTests) map.delete(map.keys().next().value!);
      output = new GoTestOutput();
      map.set(id, output);
    }
    return output;
  }
}

function key(pkg: string, test: string): string {
  return `${pkg}\u0000${test}`;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
