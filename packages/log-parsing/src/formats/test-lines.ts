// Test support (not exported from the package): feed text to a LineParser the way the input
// layer would, and read fixtures.
import { readFileSync } from 'node:fs';
import type { LineParser, LogLine, ParsedReport, TestCaseResult } from '../types';

export function toLines(text: string): LogLine[] {
  const parts = text.split(/\r?\n/);
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return parts.map((t, i) => ({ no: i + 1, text: t }));
}

export function parseText(parser: LineParser, text: string): ParsedReport {
  for (const line of toLines(text)) parser.push(line);
  return parser.finish();
}

export function fixturePath(name: string): string {
  return new URL(`./__fixtures__/${name}`, import.meta.url).pathname;
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function failed(report: ParsedReport): TestCaseResult[] {
  return report.tests.filter((t) => t.state === 'failed');
}

export function byName(report: ParsedReport, name: string): TestCaseResult {
  const test = report.tests.find((t) => t.name === name);
  if (!test)
    throw new Error(
      `no test named ${JSON.stringify(name)} in ${report.tests.map((t) => t.name).join(' | ')}`,
    );
  return test;
}
