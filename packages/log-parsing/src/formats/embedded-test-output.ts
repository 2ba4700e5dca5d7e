import { stripAnsi } from '../ansi';
import type { ParsedReport, TestCaseResult } from '../types';
import { GinkgoConsoleParser } from './ginkgo-console';
import { GoTestJsonParser } from './go-test-json';
import { GoTestTextParser } from './go-test-text';
import { mergeInto } from './merge-reports';
import type { ReportBuilder } from './report-builder';

/**
 * Test-framework output printed inside another log (a GitHub job log, a Prow build-log.txt, any
 * plain text): every line goes to the Ginkgo console and `go test` text parsers, test2json lines
 * to the `go test -json` parser, and their findings are merged. Each of those parsers rejects
 * unrelated lines with a first-character check, so running all of them stays cheap.
 */
export class EmbeddedTestOutput {
  private readonly ginkgo: GinkgoConsoleParser;
  private readonly goText: GoTestTextParser;
  private readonly goJson: GoTestJsonParser;
  private sawJson = false;

  constructor(path: string) {
    this.ginkgo = new GinkgoConsoleParser({ path });
    this.goText = new GoTestTextParser({ path });
    this.goJson = new GoTestJsonParser({ path });
  }

  /** Colour codes are stripped once here for all nested parsers. */
  push(no: number, raw: string): void {
    this.pushStripped(no, raw, stripAnsi(raw));
  }

  /** `push` of a line whose caller has stripped it already: `text` is `stripAnsi(raw)`. */
  pushStripped(no: number, raw: string, text: string): void {
    if (text.charCodeAt(0) === 0x7b /* { */ && isTestEvent(text)) {
      this.sawJson = true;
      this.goJson.push({ no, text });
      return;
    }
    this.ginkgo.pushStripped(raw, text, no);
    this.goText.pushStripped(text, no);
  }

  /**
   * Whether `push` of the escape-free line ending at `end` in `text`, read from offset `at`, would
   * do nothing for every nested parser (see `SkippingLineParser.ignoresIn`: `text[end]` is '\n' or
   * past the text, so reading it, as at `at === end`, matches no character tested here).
   */
  ignoresAt(text: string, at: number, end: number): boolean {
    return (
      text.charCodeAt(at) !== 0x7b /* { */ &&
      this.ginkgo.ignoresAt(text, at, end) &&
      this.goText.ignoresAt(text, at, end)
    );
  }

  /** Every nested parser judges a line by its first bytes alone (`skipShape`). */
  idle(): boolean {
    return this.ginkgo.idle() && this.goText.idle();
  }

  /** While `idle`: an indented line matters only if it holds `--- ` (skip-shape.ts `outsideTestClasses`). */
  outsideTest(): boolean {
    return this.goText.outsideTest();
  }

  /** The surrounding log says the current output ended (new step or job). */
  endSection(): void {
    this.ginkgo.endSection();
    this.goText.endSection();
  }

  /** Merges every nested parser's findings into `target`. */
  finishInto(target: ReportBuilder): void {
    const ginkgo = this.ginkgo.finish();
    const goText = this.goText.finish();
    mergeInto(target, ginkgo);
    mergeInto(target, this.withoutGinkgoWrappers(goText, ginkgo));
    if (this.sawJson) mergeInto(target, this.goJson.finish());
  }

  /**
   * Ginkgo suites run under `go test`, so their failures also fail the wrapper `TestXxx` that
   * called RunSpecs. That wrapper failure says nothing new: drop it when Ginkgo failures were
   * reported between its `=== RUN` and its `--- FAIL`.
   */
  private withoutGinkgoWrappers(goText: ParsedReport, ginkgo: ParsedReport): ParsedReport {
    const ginkgoLines = ginkgo.tests
      .filter((t) => t.state === 'failed' && t.line !== undefined)
      .map((t) => t.line!);
    if (ginkgoLines.length === 0) return goText;
    const isWrapper = (test: TestCaseResult) => {
      const start = this.goText.startLineOf(test);
      const end = test.line;
      if (test.state !== 'failed' || start === undefined || end === undefined) return false;
      return ginkgoLines.some((l) => l > start && l < end);
    };
    return { ...goText, tests: goText.tests.filter((t) => !isWrapper(t)) };
  }
}

function isTestEvent(text: string): boolean {
  return text.startsWith('{"Time":"') || text.startsWith('{"Action":"') || text.startsWith('{"ImportPath":"');
}
