import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { LineParser, LogLine, ParsedReport } from '../types';
import { LINE_CUT } from './cut-line';
import { appendResultText, type OpenTestCase, openTestCase, toTestCaseResult } from './junit-testcase';
import { LIMITS } from './limits';
import { ReportBuilder } from './report-builder';

// XML 1.0 forbids these; real reports carry them (raw ESC from colour codes). They become U+FFFD
// so one stray byte does not end the parse.
const ILLEGAL_XML_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;
// The marker the input reader appends to a line it cut.
const CUT_MARKER = /\s*…\[nightshift:[^\]]*\]$/;
// saxes errors after which the document is still well understood: the text is kept as written.
const RECOVERABLE = [
  'disallowed character.',
  'malformed character entity.',
  'undefined entity.',
  'text data outside of root node.',
];

export interface JUnitXmlOptions {
  path: string;
}

/**
 * JUnit XML, streamed through saxes one line at a time: `<testsuites>` or a bare `<testsuite>`
 * root, nested suites, `<testcase>` with `<failure>`/`<error>`/`<skipped>`, Surefire flaky/rerun
 * elements and Ginkgo's `status` attribute. DTDs are refused (no entity expansion at all). A
 * truncated or malformed document keeps what was parsed, with `partial: true` and an error naming
 * the file and line.
 */
export class JUnitXmlParser implements LineParser {
  private readonly out: ReportBuilder;
  private readonly sax: SaxesParser<{ xmlns: false; position: false }>;
  private readonly stack: string[] = [];
  private readonly suites: (string | null)[] = [];
  private testCase: OpenTestCase | null = null;
  private capture: 'result' | 'output' | null = null;
  private lineNo = 0;
  private fed = 0;
  private lastEventAt = 0;
  private tagStartAt = -1;
  private stopped = false;
  private rootCounted = false;
  private readonly warned = new Set<string>();

  constructor(options: JUnitXmlOptions) {
    this.out = new ReportBuilder('junit-xml', options.path);
    this.sax = new SaxesParser({ xmlns: false, position: false });
    // Seven handlers at most: saxes stores each on the parser object, and with an eighth V8 makes
    // that object slow (measured: 70 → 14 MB/s). Comments and PIs need no handler.
    this.sax.on('doctype', () =>
      this.fatal('DOCTYPE declarations are not accepted (no DTDs or entity definitions)'),
    );
    this.sax.on('opentagstart', () => this.event(true));
    this.sax.on('opentag', (tag) => this.openTag(tag));
    this.sax.on('closetag', (tag) => this.closeTag(tag.name));
    this.sax.on('text', (text) => this.text(text));
    this.sax.on('cdata', (text) => this.text(text));
    this.sax.on('error', (err) => this.saxError(err));
  }

  push(line: LogLine): void {
    if (this.stopped) return;
    this.lineNo = line.no;
    let text = line.text;
    if (line.truncated) {
      text = text.replace(CUT_MARKER, '');
      this.warn('cut', `${LINE_CUT}; the XML after the cut is lost`);
    }
    ILLEGAL_XML_CHARS.lastIndex = 0;
    if (ILLEGAL_XML_CHARS.test(text)) {
      text = text.replace(ILLEGAL_XML_CHARS, '\ufffd');
      this.warn('chars', 'characters not allowed in XML replaced with U+FFFD');
    }
    this.fed += text.length + 1;
    try {
      this.sax.write(`${text}\n`);
    } catch (err) {
      this.fatal(`XML parser failed: ${(err as Error).message}`);
    }
    if (this.stopped) return;
    if (this.tagStartAt >= 0 && this.fed - this.tagStartAt > LIMITS.maxXmlTagChars) {
      this.fatal(`a start tag longer than ${LIMITS.maxXmlTagChars} characters (attribute too large)`);
    } else if (this.fed - this.lastEventAt > LIMITS.maxXmlTextChars) {
      this.fatal(`more than ${LIMITS.maxXmlTextChars} characters of text or markup without a tag`);
    }
  }

  finish(): ParsedReport {
    if (!this.stopped) {
      try {
        this.sax.close();
      } catch (err) {
        this.fatal(`XML parser failed: ${(err as Error).message}`);
      }
    }
    return this.out.build();
  }

  private openTag(tag: SaxesTagPlain): void {
    if (this.stopped) return;
    this.event(false);
    this.stack.push(tag.name);
    if (this.stack.length > LIMITS.maxXmlDepth) {
      this.fatal(`elements nested deeper than ${LIMITS.maxXmlDepth}`);
      return;
    }
    const a = tag.attributes;
    switch (tag.name) {
      case 'testsuites':
        if (this.stack.length === 1) this.rootCounted = this.counts(a);
        return;
      case 'testsuite':
        this.suites.push(a.name?.trim() ? a.name : null);
        if (
          this.stack.length === 1 ||
          (this.stack.length === 2 && this.stack[0] === 'testsuites' && !this.rootCounted)
        ) {
          this.counts(a);
        }
        return;
      case 'testcase':
        if (this.testCase === null) this.testCase = openTestCase(a, this.currentSuite(), this.lineNo);
        return;
    }
    const tc = this.testCase;
    if (tc === null) return;
    switch (tag.name) {
      case 'failure':
      case 'error':
        if (tc.result === null && this.stack.at(-2) === 'testcase') {
          tc.result = {
            element: tag.name,
            message: a.message ?? null,
            type: a.type ?? null,
            text: '',
            textOverflow: false,
            line: this.lineNo,
          };
          this.capture = 'result';
        }
        return;
      case 'skipped':
        tc.skipped = { message: a.message ?? null };
        return;
      case 'flakyFailure':
      case 'flakyError':
        tc.flakyRuns++;
        return;
      case 'rerunFailure':
      case 'rerunError':
        tc.reruns++;
        return;
      case 'system-out':
      case 'system-err':
        this.capture = 'output';
        return;
    }
  }

  private closeTag(name: string): void {
    if (this.stopped) return;
    this.event(false);
    this.stack.pop();
    if (name === 'testsuite') this.suites.pop();
    else if (name === 'testcase' && this.testCase !== null && !this.stack.includes('testcase')) {
      this.emit(this.testCase);
      this.testCase = null;
    } else if ((name === 'failure' || name === 'error') && this.capture === 'result') this.capture = null;
    else if ((name === 'system-out' || name === 'system-err') && this.capture === 'output')
      this.capture = null;
  }

  private text(text: string): void {
    if (this.stopped) return;
    this.event(false);
    const tc = this.testCase;
    if (tc === null || this.capture === null) return;
    if (this.capture === 'result' && tc.result) appendResultText(tc.result, text);
    else if (this.capture === 'output') tc.output.append(text);
  }

  private emit(tc: OpenTestCase): void {
    const test = toTestCaseResult(tc);
    this.out.addTest(test);
    if (test.state === 'passed' && test.attempts !== undefined) this.out.addFlaky(test.name, test.attempts);
  }

  private counts(a: Record<string, string>): boolean {
    const n = (key: string) => (a[key] !== undefined && /^\d+$/.test(a[key]!) ? Number(a[key]) : undefined);
    const tests = n('tests');
    const failures = n('failures');
    const errors = n('errors');
    const skipped = [n('skipped'), n('skip'), n('disabled')].filter((v) => v !== undefined) as number[];
    if (tests === undefined && failures === undefined && errors === undefined) return false;
    this.out.addSummary({
      total: tests,
      failed: failures === undefined && errors === undefined ? undefined : (failures ?? 0) + (errors ?? 0),
      skipped: skipped.length > 0 ? skipped.reduce((x, y) => x + y, 0) : undefined,
    });
    return true;
  }

  private currentSuite(): string | null {
    for (let i = this.suites.length - 1; i >= 0; i--) if (this.suites[i]) return this.suites[i]!;
    return null;
  }

  private event(tagStart: boolean): void {
    this.lastEventAt = this.fed;
    this.tagStartAt = tagStart ? this.fed : -1;
  }

  private saxError(err: Error): void {
    if (this.stopped) return;
    // saxes prefixes "line:column: " when positions are on; ours are off, but strip it anyway.
    const message = err.message.replace(/^\d+:\d+: /, '');
    const recoverable = RECOVERABLE.find((r) => message === r);
    if (recoverable) this.warn(recoverable, `${message} (kept as written)`);
    else this.fatal(`truncated or malformed XML: ${message}`);
  }

  private fatal(message: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.out.partial = true;
    this.out.addError(this.lineNo, message);
    this.flushOpenFailure();
  }

  /** A testcase whose failure was already read is kept even if its close tag never came. */
  private flushOpenFailure(): void {
    const tc = this.testCase;
    this.testCase = null;
    if (tc?.result) this.emit(tc);
  }

  private warn(kind: string, message: string): void {
    if (this.warned.has(kind)) return;
    this.warned.add(kind);
    this.out.addError(this.lineNo, message);
  }
}
