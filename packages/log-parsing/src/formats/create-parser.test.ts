import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatId } from '../types';
import { createParser } from './create-parser';
import { detectFormat } from './detect-format';
import { readFixture, toLines } from './test-lines';

const FORMATS: FormatId[] = [
  'github-actions-log',
  'gh-run-view-log',
  'ginkgo-console',
  'ginkgo-json',
  'go-test-text',
  'go-test-json',
  'junit-xml',
  'plain',
];

describe('createParser', () => {
  it.each(FORMATS)('creates a %s parser whose report carries that format', (format) => {
    const parser = createParser(format, { path: 'in' });
    expect(parser.finish().format).toBe(format);
  });

  it('detect + parse finds the fixture failures end to end', () => {
    const text = readFixture('go-test-verbose.txt');
    const lines = toLines(text);
    const parser = createParser(
      detectFormat(
        lines.slice(0, 50).map((l) => l.text),
        'unit.log',
      ),
      { path: 'unit.log' },
    );
    for (const line of lines) parser.push(line);
    expect(parser.finish().tests.filter((t) => t.state === 'failed')).toHaveLength(4);
  });

  it('no parser throws on arbitrary lines, and each returns a well-formed report', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.constantFrom(
        '• [FAILED] [1.0 seconds]',
        '------------------------------',
        '  [FAILED] x',
        'In [It] at: /a.go:1 @ x',
        'Summarizing 2 Failures:',
        '  [FAIL] a [It] b',
        '--- FAIL: TestX (0.00s)',
        'panic: test timed out after 1s',
        '# pkg',
        'FAIL\tpkg [build failed]',
        '{"Action":"fail","Package":"p","Test":"T"}',
        '{"Action":"output","Package":"p","Test":"T","Output":"x"}',
        '2026-01-01T00:00:00.0000000Z ##[error]x',
        'job\tstep\t2026-01-01T00:00:00Z ##[group]Run x',
        '<testsuite><testcase name="a"><failure>',
        '</testcase></testsuite>',
        '<!DOCTYPE x [<!ENTITY a "b">]>',
        '[{"SuiteDescription":"s","SpecReports":[',
        '▶ START  x',
        '■ DONE   x  FAILED',
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...FORMATS), fc.array(line, { maxLength: 40 }), (format, texts) => {
        const parser = createParser(format, { path: 'fuzz' });
        texts.forEach((text, i) => {
          parser.push({ no: i + 1, text });
        });
        const report = parser.finish();
        expect(report.format).toBe(format);
        for (const test of report.tests) expect(test.name.length).toBeGreaterThan(0);
        for (const error of report.errors) expect(error.path).toBe('fuzz');
      }),
      { numRuns: 400 },
    );
  });
});
