import type { FailureType, SourceLocation, TestCaseResult } from '../types';
import { panicLocation } from './go-test-location';
import { MessageBuffer } from './message-buffer';

const RUNNING_TEST = /^\s+(\S+) \([^)]*\)\s*$/;
const ENDS_PANIC = /^(?:FAIL|ok |--- |=== )/;

/**
 * A Go panic printed by `go test`, from `panic: …` through its goroutine trace, until the package
 * result line. It belongs to the test whose `--- FAIL` was printed just before it (a test panic),
 * to the tests Go lists under "running tests:" (a timeout), or to the test last seen running.
 */
export class GoPanic {
  private readonly output = new MessageBuffer();
  private inRunningTests = false;
  private readonly listed: string[] = [];

  constructor(
    first: string,
    readonly line: number,
    /** The test whose `--- FAIL` came just before the panic, if any. */
    readonly owner: TestCaseResult | null,
    /** The test last announced by `=== RUN` / `=== CONT`, if any. */
    private readonly current: string | null,
  ) {
    this.output.push(first);
  }

  /** Takes the next line; false when the line ends the panic (it must be read again elsewhere). */
  push(text: string): boolean {
    if (ENDS_PANIC.test(text) || (text.startsWith('# ') && this.output.lineCount > 1)) return false;
    // Go >= 1.21 lists the tests still running under a timeout panic: "running tests:\n\tTestX (10m0s)".
    if (text === 'running tests:') {
      this.inRunningTests = true;
    } else if (this.inRunningTests) {
      const m = RUNNING_TEST.exec(text);
      if (m && this.listed.length < 100) this.listed.push(m[1]!);
      else this.inRunningTests = false;
    }
    this.output.push(text);
    return true;
  }

  text(): string {
    return this.output.text() ?? 'panic';
  }

  get failureType(): FailureType {
    return this.text().startsWith('panic: test timed out after') ? 'timedout' : 'panicked';
  }

  /** First frame of the trace outside the runtime and testing packages. */
  location(): SourceLocation | null {
    return panicLocation(this.text().split('\n'));
  }

  /** Tests the panic ended, when no `--- FAIL` line claimed it. */
  victims(): string[] {
    if (this.listed.length > 0) return this.listed;
    return this.current === null ? [] : [this.current];
  }
}
