import type { LogLine, ParsedReport, SkippingLineParser } from '../types';
import { EmbeddedTestOutput } from './embedded-test-output';
import { ReportBuilder } from './report-builder';
import { PLAIN_OUTSIDE_TEST_SHAPE, PLAIN_SHAPE, type SkipShape } from './skip-shape';

export interface PlainTextOptions {
  path: string;
}

/**
 * Any other text log (a Prow build-log.txt, a saved console): there is no structure of its own to
 * read, but test output printed anywhere in it (Ginkgo, go test) is still found, even when it
 * starts long after the lines used to detect the format.
 */
export class PlainTextParser implements SkippingLineParser {
  private readonly embedded: EmbeddedTestOutput;
  private readonly path: string;

  constructor(options: PlainTextOptions) {
    this.path = options.path;
    this.embedded = new EmbeddedTestOutput(options.path);
  }

  push(line: LogLine): void {
    this.embedded.push(line.no, line.text);
  }

  ignores(text: string): boolean {
    return this.embedded.ignoresAt(text, 0, text.length);
  }

  ignoresIn(text: string, start: number, end: number): boolean {
    return this.embedded.ignoresAt(text, start, end);
  }

  /** `push` hands the nested parsers the stripped text; they read the raw one only in a block. */
  ignoresEscaped(_raw: string, stripped: string): boolean {
    return this.embedded.ignoresAt(stripped, 0, stripped.length);
  }

  skip(_no: number): void {}

  skipLines(_first: number, _last: number): void {}

  skipShape(): SkipShape | null {
    if (!this.embedded.idle()) return null;
    return this.embedded.outsideTest() ? PLAIN_OUTSIDE_TEST_SHAPE : PLAIN_SHAPE;
  }

  finish(): ParsedReport {
    const out = new ReportBuilder('plain', this.path);
    this.embedded.finishInto(out);
    return out.build();
  }
}
