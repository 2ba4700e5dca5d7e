import { describe, expect, it } from 'vitest';
import type { TestCaseResult } from '../types';
import { LIMITS } from './limits';
import { ReportBuilder } from './report-builder';

const test = (
  name: string,
  state: TestCaseResult['state'],
  message: string | null = null,
): TestCaseResult => ({
  name,
  suite: null,
  state,
  message,
  location: null,
  durationSec: null,
  kind: 'test',
});

describe('ReportBuilder', () => {
  it('counts passing results past the cap but still keeps every failure', () => {
    const b = new ReportBuilder('junit-xml', 'r.xml');
    for (let i = 0; i < LIMITS.maxTests + 5; i++) b.addTest(test(`pass ${i}`, 'passed'));
    b.addTest(test('the failure', 'failed', 'boom'));
    const report = b.build();
    expect(report.tests).toHaveLength(LIMITS.maxTests + 1);
    expect(report.tests.at(-1)!.name).toBe('the failure');
    expect(report.omittedTests).toBe(5);
  });

  it('shortens messages and drops outputs once the report text budget is spent', () => {
    const b = new ReportBuilder('junit-xml', 'r.xml');
    const big = 'x'.repeat(LIMITS.maxMessageChars);
    const n = Math.ceil(LIMITS.maxRetainedChars / (2 * big.length)) + 3;
    for (let i = 0; i < n; i++) b.addTest({ ...test(`f${i}`, 'failed', big), output: big });
    const tests = b.build().tests;
    expect(tests[0]!.message).toBe(big);
    expect(tests[0]!.output).toBe(big);
    expect(tests.at(-1)!.output).toBeUndefined();
    expect(tests.at(-1)!.message).toMatch(
      /^x{1024}\n…\[nightshift: message cut, report text budget reached\]$/,
    );
    const retained = tests.reduce((sum, t) => sum + (t.message?.length ?? 0) + (t.output?.length ?? 0), 0);
    expect(retained).toBeLessThan(LIMITS.maxRetainedChars + 2 * big.length + n * 1100);
  });

  it('sums the summaries of several suites and caps errors', () => {
    const b = new ReportBuilder('ginkgo-console', 'c.txt');
    b.addSummary({ ran: 2, total: 3 });
    b.addSummary({ ran: 1, total: 4, failed: 1 });
    for (let i = 0; i < LIMITS.maxErrors + 3; i++) b.addError(i, `e${i}`);
    const report = b.build();
    expect(report.summary).toEqual({ ran: 3, total: 7, failed: 1 });
    expect(report.errors).toHaveLength(LIMITS.maxErrors + 1);
    expect(report.errors.at(-1)).toEqual({
      path: 'c.txt',
      line: null,
      message: 'c.txt: 3 more errors not shown',
    });
  });
});
