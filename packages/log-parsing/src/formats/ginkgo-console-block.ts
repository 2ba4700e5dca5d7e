import { stripAnsi } from '../ansi';
import type { SourceLocation, TestCaseResult } from '../types';
import type { BlockHeader } from './ginkgo-console-header';
import { specIdentity } from './ginkgo-spec-name';
import { MessageBuffer } from './message-buffer';
import { parseInAt, parseLocationLine } from './source-location';

const STATE_PREFIX = /^\[(FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED)\] ?/;
// Ginkgo prints labels in coral: {{coral}} = 256-colour 204.
const LABEL_COLOUR = '\x1b[38;5;204m[';
const BODY_MARKERS = [
  'Timeline >>',
  '<< Timeline',
  'Begin Captured',
  '<< End Captured',
  'Begin Report Entries',
  '<< End Report Entries',
];
const RUNTIME_FILE = /\/src\/runtime\//;
const FRAMEWORK_FILE = /\/src\/runtime\/|\/onsi\/ginkgo\//;

interface Candidate {
  message: string | null;
  location: SourceLocation;
  nodeType: string;
}

/**
 * One Ginkgo spec block on the console, from its header to its delimiter:
 *   header · code-location block (spec texts and their locations) · blank · body.
 * v2 bodies end with `[FAILED] message` + `In [It] at: file:line @ time` (the last such pair wins:
 * timelines repeat it); v1 bodies are the message, a blank line and the location.
 */
export class GinkgoBlock {
  private readonly texts: string[] = [];
  private readonly labels: string[] = [];
  private inBody = false;
  private readonly body = new MessageBuffer();
  private bodyIndent = 0;
  private capturing = false;
  private ignoreRest = false;
  private inStack = false;
  private stackFrame: SourceLocation | null = null;
  private candidate: Candidate | null = null;

  constructor(
    private readonly header: BlockHeader,
    readonly line: number,
  ) {}

  push(text: string, raw: string): void {
    const trimmed = text.trim();
    if (!this.inBody) {
      if (trimmed === '') this.inBody = true;
      else if (parseLocationLine(trimmed) === null && this.texts.length < 64) this.specText(trimmed, raw);
      return;
    }
    if (this.header.flakyAttempts > 0 || this.ignoreRest) return;
    if (this.header.version === 1) this.bodyLineV1(text, trimmed);
    else this.bodyLineV2(text, trimmed);
  }

  /** The spec this block reports: a failure, or (flaky header) a spec that passed after retries. */
  result(suite: string | null): TestCaseResult | null {
    const { header } = this;
    const texts = this.texts.join(' ');
    const identity = specIdentity(texts === '' && header.node ? `[${header.node}]` : texts, header.version);
    if (this.labels.length > 0) identity.name += ` [${this.labels.join(', ')}]`;
    if (identity.name === '' || identity.name === '[It]') return null;
    const test: TestCaseResult = {
      name: identity.name,
      suite,
      state: 'failed',
      message: null,
      location: null,
      durationSec: header.durationSec,
      kind: identity.kind,
      line: this.line,
    };
    if (header.flakyAttempts > 0) return { ...test, state: 'passed', attempts: header.flakyAttempts };
    let nodeType = header.node ?? identity.nodeType;
    if (header.version === 1) {
      const lines = (this.body.text() ?? '').split('\n');
      const at = lines.findIndex((l) => parseLocationLine(l) !== null);
      test.location = at === -1 ? null : parseLocationLine(lines[at]!);
      test.message = (at === -1 ? lines : lines.slice(0, at)).join('\n').trim() || null;
      // A v1 panic names runtime/panic.go; the first frame of the stack outside it is the culprit.
      if (this.stackFrame && (test.location === null || RUNTIME_FILE.test(test.location.file))) {
        test.location = this.stackFrame;
      }
    } else {
      test.message = this.candidate ? this.candidate.message : this.body.text();
      test.location = this.candidate?.location ?? null;
      nodeType = this.candidate?.nodeType ?? nodeType;
    }
    if (nodeType === 'BeforeSuite' || nodeType === 'SynchronizedBeforeSuite') test.kind = 'setup';
    test.failureType = header.failureType;
    return test;
  }

  /**
   * A line of the code-location block. Labels follow the text they belong to (container labels
   * mid-name), in coral; JUnit lists them all at the end, so they are moved there. Without colour
   * they cannot be told from spec text and stay where they are.
   */
  private specText(text: string, raw: string): void {
    const at = raw.indexOf(LABEL_COLOUR);
    const labels = at === -1 ? null : /^\[(.*)\]$/.exec(stripAnsi(raw.slice(at)).trim());
    if (!labels) {
      this.texts.push(text);
      return;
    }
    const before = stripAnsi(raw.slice(0, at)).trim();
    if (before !== '') this.texts.push(before);
    for (const label of labels[1]!.split(', ')) if (!this.labels.includes(label)) this.labels.push(label);
  }

  private bodyLineV1(text: string, trimmed: string): void {
    if (trimmed === 'Full Stack Trace') {
      this.inStack = true;
    } else if (this.inStack) {
      const frame = parseLocationLine(trimmed);
      if (frame && !FRAMEWORK_FILE.test(frame.file)) {
        this.stackFrame = frame;
        this.ignoreRest = true;
      }
    } else if (!this.body.isEmpty || trimmed !== '') {
      if (this.body.isEmpty) this.bodyIndent = indentOf(text);
      this.body.push(dedent(text, this.bodyIndent));
    }
  }

  private bodyLineV2(text: string, trimmed: string): void {
    if (trimmed.startsWith('There were additional failures detected')) {
      this.ignoreRest = true;
      return;
    }
    if (this.header.failureType === 'panicked' && this.candidate) {
      this.panicDetail(this.candidate, trimmed);
      return;
    }
    if (trimmed === '') {
      if (this.capturing) this.body.push('');
      else this.body.clear();
      return;
    }
    if (BODY_MARKERS.some((m) => trimmed.startsWith(m))) {
      this.body.clear();
      this.capturing = false;
      return;
    }
    const state = STATE_PREFIX.exec(trimmed);
    if (state) {
      this.body.clear();
      this.capturing = true;
      this.bodyIndent = indentOf(text);
      const rest = trimmed.slice(state[0].length);
      if (rest !== '') this.body.push(rest);
      return;
    }
    const at = parseInAt(trimmed);
    if (at) {
      this.candidate = { message: this.body.text(), location: at.location, nodeType: at.nodeType };
      this.body.clear();
      this.capturing = false;
      return;
    }
    if (this.body.isEmpty && !this.capturing) this.bodyIndent = indentOf(text);
    this.body.push(dedent(text, this.bodyIndent));
  }

  /**
   * After `[PANICKED] Test Panicked` / `In [It] at: …/runtime/panic.go:NN` come the panic value and
   * `Full Stack Trace`: the value joins the message, the first frame outside the Go runtime and
   * Ginkgo becomes the location.
   */
  private panicDetail(candidate: Candidate, trimmed: string): void {
    if (trimmed === 'Full Stack Trace') {
      this.inStack = true;
    } else if (!this.inStack) {
      if (trimmed !== '' && (candidate.message?.length ?? 0) < 4096) {
        candidate.message = candidate.message ? `${candidate.message}\n${trimmed}` : trimmed;
      }
    } else {
      const frame = parseLocationLine(trimmed);
      if (frame && RUNTIME_FILE.test(candidate.location.file) && !FRAMEWORK_FILE.test(frame.file)) {
        candidate.location = frame;
        this.ignoreRest = true;
      }
    }
  }
}

function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function dedent(text: string, indent: number): string {
  return text.slice(Math.min(indentOf(text), indent));
}
