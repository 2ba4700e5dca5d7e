import type { LogLine, ParsedReport, SkippingLineParser } from '../types';
import { GitHubLogReader } from './github-log-reader';
import { type SkipShape, TIMESTAMPED_OUTSIDE_TEST_SHAPE, TIMESTAMPED_SHAPE } from './skip-shape';

export interface GitHubActionsLogOptions {
  path: string;
}

/**
 * A GitHub Actions job log as downloaded (`<ISO timestamp> <message>` per entry; lines without a
 * timestamp continue the previous entry). Finds `##[error]` entries (job failures; the runner's
 * boilerplate exit-code line only when nothing else explains the failure; timeouts and runner
 * shutdowns as 'infra') and every failed test printed by Ginkgo or go test inside the job.
 */
export class GitHubActionsLogParser implements SkippingLineParser {
  private readonly reader: GitHubLogReader;

  constructor(options: GitHubActionsLogOptions) {
    this.reader = new GitHubLogReader('github-actions-log', options.path);
  }

  push(line: LogLine): void {
    this.reader.line(line.no, line.text);
  }

  ignores(text: string): boolean {
    return this.reader.ignoresIn(text, 0, text.length);
  }

  ignoresIn(text: string, start: number, end: number): boolean {
    return this.reader.ignoresIn(text, start, end);
  }

  ignoresEscaped(raw: string, stripped: string): boolean {
    return this.reader.ignoresEscaped(raw, stripped);
  }

  skip(no: number): void {
    this.reader.skip(no);
  }

  skipLines(first: number, last: number): void {
    this.reader.skip(first);
    this.reader.skip(last);
  }

  skipShape(): SkipShape | null {
    if (!this.reader.idle()) return null;
    return this.reader.outsideTest() ? TIMESTAMPED_OUTSIDE_TEST_SHAPE : TIMESTAMPED_SHAPE;
  }

  finish(): ParsedReport {
    return this.reader.finish();
  }
}
