import { stripAnsi } from '../ansi';
import type { LineParser, LogLine, ParsedReport, TestCaseResult } from '../types';
import { GINKGO_FAILURE_STATES } from './ginkgo-failure-text';
import { type GinkgoSpecReport, ginkgoSchemas } from './ginkgo-json-schema';
import { jsonErrorOffset } from './json-error-offset';
import { LIMITS } from './limits';
import { capMessage, TailText } from './message-buffer';
import { ReportBuilder } from './report-builder';

const SETUP_LEAVES = new Set(['BeforeSuite', 'SynchronizedBeforeSuite']);

export interface GinkgoJsonOptions {
  path: string;
  /** Largest report buffered, in UTF-16 units (default `LIMITS.maxJsonChars`, 512 Mi). */
  maxChars?: number;
}

/**
 * Ginkgo v2 `--json-report` (one JSON array of suite reports). JSON cannot be read in pieces
 * without a streaming JSON parser, so the text is buffered up to `LIMITS.maxJsonChars` and parsed
 * at the end; the report itself is small next to the console log it summarises.
 */
export class GinkgoJsonParser implements LineParser {
  private readonly out: ReportBuilder;
  private readonly lines: string[] = [];
  private firstLine = 0;
  private lastLine = 0;
  private chars = 0;
  private overflow = false;
  private readonly maxChars: number;

  constructor(options: GinkgoJsonOptions) {
    this.maxChars = options.maxChars ?? LIMITS.maxJsonChars;
    this.out = new ReportBuilder('ginkgo-json', options.path);
  }

  push(line: LogLine): void {
    if (this.overflow) return;
    if (this.lines.length === 0) this.firstLine = line.no;
    this.lastLine = line.no;
    this.chars += line.text.length + 1;
    if (this.chars > this.maxChars) {
      this.overflow = true;
      this.lines.length = 0;
      this.out.partial = true;
      this.out.addError(line.no, `Ginkgo JSON report larger than ${this.maxChars} characters; not parsed`);
      return;
    }
    if (line.truncated) this.out.addError(line.no, 'line cut by the reader; the JSON is incomplete');
    this.lines.push(line.text);
  }

  finish(): ParsedReport {
    if (this.overflow) return this.out.build();
    const text = this.lines.join('\n');
    this.lines.length = 0;
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      const line = this.errorLine(text);
      this.out.partial = true;
      this.out.addError(line, `invalid Ginkgo JSON report (${(err as Error).message})`);
      return this.out.build();
    }
    const suites = Array.isArray(doc) ? doc : [doc];
    suites.forEach((suite, i) => {
      this.suite(suite, i);
    });
    return this.out.build();
  }

  private suite(raw: unknown, index: number): void {
    const parsed = ginkgoSchemas().suite.safeParse(raw);
    if (!parsed.success || raw === null || typeof raw !== 'object') {
      this.out.partial = true;
      this.out.addError(null, `report #${index} is not a Ginkgo suite report`);
      return;
    }
    const suite = parsed.data;
    const name = suite.SuiteDescription ?? null;
    const counts = { ran: 0, passed: 0, failed: 0, skipped: 0, flaked: 0 };
    (suite.SpecReports ?? []).forEach((rawSpec, i) => {
      const spec = ginkgoSchemas().spec.safeParse(rawSpec);
      if (!spec.success) {
        this.out.partial = true;
        this.out.addError(null, `SpecReports[${i}] of suite "${name ?? index}" has an unexpected shape`);
        return;
      }
      const test = this.spec(spec.data, name);
      if (String(spec.data.LeafNodeType ?? 'It') !== 'It') return;
      if (test.state === 'passed') counts.passed++;
      else if (test.state === 'failed') counts.failed++;
      else counts.skipped++;
      if (test.state === 'passed' || test.state === 'failed') counts.ran++;
      if (test.state === 'passed' && (test.attempts ?? 1) > 1) counts.flaked++;
    });
    const total = suite.PreRunStats?.TotalSpecs;
    this.out.addSummary(total === undefined ? counts : { total, ...counts });
  }

  private spec(spec: GinkgoSpecReport, suite: string | null): TestCaseResult {
    const leaf = String(spec.LeafNodeType ?? 'It');
    const texts = [...(spec.ContainerHierarchyTexts ?? [])];
    if (spec.LeafNodeText) texts.push(spec.LeafNodeText);
    const labels = [
      ...new Set([
        ...(spec.ContainerHierarchyLabels ?? []).flatMap((l) => l ?? []),
        ...(spec.LeafNodeLabels ?? []),
      ]),
    ];
    let name = texts.length > 0 ? `[${leaf}] ${texts.join(' ')}` : `[${leaf}]`;
    if (labels.length > 0) name += ` [${labels.join(', ')}]`;

    const stateName = (spec.State ?? 'passed').toLowerCase();
    const failureType = GINKGO_FAILURE_STATES[stateName.toUpperCase()];
    const state = failureType
      ? 'failed'
      : stateName === 'skipped'
        ? 'skipped'
        : stateName === 'pending'
          ? 'pending'
          : 'passed';
    const failure = spec.Failure ?? {};
    const topLevelSetup =
      failure.FailureNodeContext === 'top-level' &&
      /^(BeforeEach|JustBeforeEach|BeforeAll)$/.test(String(failure.FailureNodeType ?? ''));
    const test: TestCaseResult = {
      name,
      suite,
      state,
      message: null,
      location: null,
      durationSec: typeof spec.RunTime === 'number' ? spec.RunTime / 1e9 : null,
      kind: SETUP_LEAVES.has(leaf) || topLevelSetup ? 'setup' : 'test',
    };
    const attempts = spec.NumAttempts ?? 1;
    if (attempts > 1) test.attempts = attempts;
    if (state === 'failed') {
      test.failureType = failureType;
      const parts = [failure.Message, failure.ForwardedPanic].filter(
        (p): p is string => !!p && p.trim() !== '',
      );
      test.message = parts.length > 0 ? capMessage(stripAnsi(parts.join('\n'))) : null;
      const loc = failure.Location;
      if (loc?.FileName && typeof loc.LineNumber === 'number')
        test.location = { file: loc.FileName, line: loc.LineNumber };
      const output = new TailText();
      if (spec.CapturedStdOutErr) output.append(stripAnsi(spec.CapturedStdOutErr));
      if (spec.CapturedGinkgoWriterOutput) output.append(stripAnsi(spec.CapturedGinkgoWriterOutput));
      const tail = output.value();
      if (tail !== null) test.output = tail;
    } else if (state === 'skipped' && failure.Message) {
      test.message = capMessage(stripAnsi(failure.Message));
    } else if (state === 'passed' && attempts > 1) {
      this.out.addFlaky(name, attempts);
    }
    this.out.addTest(test);
    return test;
  }

  /** Input line where the JSON stops being valid. */
  private errorLine(text: string): number {
    const offset = jsonErrorOffset(text);
    if (offset < 0) return this.lastLine;
    let line = this.firstLine;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return Math.min(line, this.lastLine);
  }
}
