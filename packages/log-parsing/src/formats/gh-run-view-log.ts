import type { LineParser, LogLine, ParsedReport } from '../types';
import { GitHubLogReader } from './github-log-reader';

export interface GhRunViewLogOptions {
  path: string;
}

/**
 * `gh run view --log` / `--log-failed` output: `job<TAB>step<TAB><timestamp> message`. The job and
 * step columns frame the entries (gh prints "UNKNOWN STEP" when it cannot tell; the step is then
 * read from the log's own markers); the rest is read like a raw job log.
 */
export class GhRunViewLogParser implements LineParser {
  private readonly reader: GitHubLogReader;

  constructor(options: GhRunViewLogOptions) {
    this.reader = new GitHubLogReader('gh-run-view-log', options.path);
  }

  push(line: LogLine): void {
    const text = line.text;
    const a = text.indexOf('\t');
    const b = a === -1 ? -1 : text.indexOf('\t', a + 1);
    if (b === -1) {
      this.reader.line(line.no, text);
      return;
    }
    const step = text.slice(a + 1, b);
    this.reader.setJobStep(text.slice(0, a), step === '' || step === 'UNKNOWN STEP' ? null : step);
    this.reader.line(line.no, text.slice(b + 1));
  }

  finish(): ParsedReport {
    return this.reader.finish();
  }
}
