import { stripAnsi } from '../ansi';
import type { FailureType, SourceLocation, TestCaseResult } from '../types';
import { GINKGO_FAILURE_STATES, looksLikeGinkgoFailure, parseGinkgoFailureText } from './ginkgo-failure-text';
import { LIMITS } from './limits';
import { capMessage, TailText } from './message-buffer';

/** A `<testcase>` as the SAX handlers see it, until its close tag. */
export interface OpenTestCase {
  attrs: Record<string, string>;
  suite: string | null;
  line: number;
  result: OpenResult | null;
  skipped: { message: string | null } | null;
  flakyRuns: number;
  reruns: number;
  output: TailText;
}

/** The first `<failure>` / `<error>` of a testcase. */
export interface OpenResult {
  element: 'failure' | 'error';
  message: string | null;
  type: string | null;
  text: string;
  textOverflow: boolean;
  line: number;
}

const SETUP_NAME =
  /^(?:\[(?:BeforeSuite|SynchronizedBeforeSuite)\]|BeforeSuite|SynchronizedBeforeSuite)(?:\s|$)/;

export function openTestCase(
  attrs: Record<string, string>,
  suite: string | null,
  line: number,
): OpenTestCase {
  return { attrs, suite, line, result: null, skipped: null, flakyRuns: 0, reruns: 0, output: new TailText() };
}

export function appendResultText(result: OpenResult, text: string): void {
  if (result.textOverflow) return;
  if (result.text.length + text.length > LIMITS.maxMessageChars * 2) {
    result.text += text.slice(0, LIMITS.maxMessageChars * 2 - result.text.length);
    result.textOverflow = true;
    return;
  }
  result.text += text;
}

/**
 * Turns a closed testcase into a result. Names are kept exactly as the report has them; a Ginkgo
 * failure body is split into the message proper and the `file:line` it names.
 */
export function toTestCaseResult(tc: OpenTestCase): TestCaseResult {
  const { attrs, result } = tc;
  const rawName = attrs.name ?? '';
  const name = rawName.trim() === '' ? `(unnamed test case at line ${tc.line})` : rawName;
  const status = (attrs.status ?? '').toLowerCase();
  const ginkgoStatus = GINKGO_FAILURE_STATES[status.toUpperCase()];
  const test: TestCaseResult = {
    name,
    suite: nonEmpty(attrs.classname) ?? tc.suite,
    state: 'passed',
    message: null,
    location: attrLocation(attrs),
    durationSec: seconds(attrs.time),
    kind: SETUP_NAME.test(name) ? 'setup' : 'test',
    line: result?.line ?? tc.line,
  };
  if (result || ginkgoStatus) {
    test.state = 'failed';
    const typeAttr = GINKGO_FAILURE_STATES[(result?.type ?? '').toUpperCase()];
    test.failureType = ginkgoStatus ?? typeAttr ?? (result?.element === 'error' ? 'error' : 'failed');
    if (result) describeFailure(test, result);
    const output = tc.output.value();
    if (output !== null) test.output = stripAnsi(output);
    if (tc.reruns > 0) test.attempts = tc.reruns + 1;
  } else if (tc.skipped || status === 'skipped' || status === 'pending') {
    const pending = status === 'pending' || tc.skipped?.message === 'pending';
    test.state = pending ? 'pending' : 'skipped';
    test.message = tc.skipped?.message ?? null;
  } else if (tc.flakyRuns > 0) {
    test.attempts = tc.flakyRuns + 1;
  }
  return test;
}

function describeFailure(test: TestCaseResult, result: OpenResult): void {
  const body = stripAnsi(result.text);
  const attrMessage = result.message === null ? null : nonEmpty(stripAnsi(result.message).trim());
  const ginkgo = body.trim() !== '' && looksLikeGinkgoFailure(body) ? parseGinkgoFailureText(body) : null;
  // Ginkgo writes message="interrupted" and the real text in the body for interrupted specs.
  const useAttr = attrMessage !== null && attrMessage !== 'interrupted';
  const message = useAttr ? attrMessage : (ginkgo?.message ?? nonEmpty(body.trim()) ?? attrMessage);
  test.message = message === null ? null : capMessage(message);
  if (ginkgo?.location) test.location = ginkgo.location;
  if (ginkgo?.nodeType === 'BeforeSuite' || ginkgo?.nodeType === 'SynchronizedBeforeSuite')
    test.kind = 'setup';
  if (!test.failureType && ginkgo?.failureType) test.failureType = ginkgo.failureType as FailureType;
}

function attrLocation(attrs: Record<string, string>): SourceLocation | null {
  const file = nonEmpty(attrs.file);
  const line = Number(attrs.line);
  return file !== null && Number.isInteger(line) && line > 0 ? { file, line } : null;
}

function seconds(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value.replace(/,/g, ''));
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function nonEmpty(value: string | undefined | null): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
