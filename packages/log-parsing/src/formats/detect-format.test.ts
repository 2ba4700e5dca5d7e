import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';
import { readFixture, toLines } from './test-lines';

const head = (name: string) =>
  toLines(readFixture(name))
    .slice(0, 50)
    .map((l) => l.text);

describe('detectFormat', () => {
  it.each([
    ['github-actions-job.log', 'github-actions-log'],
    ['gh-run-view.log', 'gh-run-view-log'],
    ['ginkgo-v2-console.txt', 'ginkgo-console'],
    ['ginkgo-v1-console.txt', 'ginkgo-console'],
    ['ginkgo-v2-headline-rewrite.txt', 'ginkgo-console'],
    ['ginkgo-report.json', 'ginkgo-json'],
    ['go-test-verbose.txt', 'go-test-text'],
    ['go-test-plain.txt', 'go-test-text'],
    ['go-test.jsonl', 'go-test-json'],
    ['junit-surefire.xml', 'junit-xml'],
    ['junit-pytest-bare-testsuite.xml', 'junit-xml'],
    ['junit-ginkgo-oc-serial-truncated.xml', 'junit-xml'],
  ])('%s → %s (by content, whatever the name)', (name, format) => {
    expect(detectFormat(head(name), 'artifact.bin')).toBe(format);
  });

  it('falls back to the extension when the content says nothing', () => {
    expect(detectFormat([], 'reports/junit.xml')).toBe('junit-xml');
    expect(detectFormat([''], 'report.json.gz')).toBe('plain');
    expect(detectFormat(['just', 'text'], 'build-log.txt')).toBe('plain');
    expect(detectFormat(['just', 'text'], 'results.XML')).toBe('junit-xml');
  });

  it('reads a BOM on the first line', () => {
    expect(detectFormat(['\ufeff<?xml version="1.0"?>'], 'x')).toBe('junit-xml');
  });

  it('reads JSON that is neither test2json nor a Ginkgo report as text, whatever its name', () => {
    // Prow's finished.json, record.json (pretty-printed) and sidecar-logs.json, a custom summary.
    expect(detectFormat(['{"timestamp":1780843320,"passed":true,"result":"SUCCESS"}'], 'finished.json')).toBe(
      'plain',
    );
    expect(
      detectFormat(['{', ' "job": "periodic-ci-e2e-telco5g-ptp",', ' "state": "failure"'], 'record.json'),
    ).toBe('plain');
    expect(
      detectFormat(['{"component":"sidecar","level":"info","msg":"Starting"}'], 'sidecar-logs.json'),
    ).toBe('plain');
    expect(detectFormat(['[1, 2, 3]'], 'numbers.json')).toBe('plain');
    expect(
      detectFormat(
        ['{"total": 268, "pass": 146, "tests": {"[It] a": {"result": "pass"}}}'],
        'test_results.json',
      ),
    ).toBe('plain');
  });

  it('reads an XHTML page as text, not as JUnit, whatever its name', () => {
    const xhtml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"',
      '     "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
      '<html xmlns="http://www.w3.org/1999/xhtml">',
    ];
    expect(detectFormat(xhtml, 'test_results_bc.html')).toBe('plain');
    expect(detectFormat(xhtml, 'report.xml')).toBe('plain');
    expect(detectFormat(['<html>', '<body>FAIL</body>'], 'report.xml')).toBe('plain');
    expect(detectFormat(['<!-- generated -->', '<!DOCTYPE html>', '<html>'], 'report.xml')).toBe('plain');
    // A JUnit file is still JUnit.
    expect(detectFormat(['<?xml version="1.0"?>', '<testsuites name="x">'], 'report.html')).toBe('junit-xml');
  });

  it('does not take an HTML body that a test printed for an HTML page', () => {
    expect(
      detectFormat(
        [
          '=== RUN   TestFetch',
          '    fetch_test.go:12: got body:',
          '<html><body>503</body></html>',
          '--- FAIL: TestFetch (0.01s)',
        ],
        'x.log',
      ),
    ).toBe('go-test-text');
    expect(
      detectFormat(
        ['Running Suite: e2e', 'Will run 3 of 3 specs', '<!DOCTYPE html>', '• [FAILED] [1.2 seconds]'],
        'x.log',
      ),
    ).toBe('ginkgo-console');
    expect(
      detectFormat(
        [
          '<?xml version="1.0"?>',
          '<testsuite name="s" tests="1">',
          '<testcase name="t"><system-out><![CDATA[',
          '<html>',
        ],
        'junit.xml',
      ),
    ).toBe('junit-xml');
  });

  it('does not take structured JSON logs for test2json', () => {
    expect(detectFormat(['{"level":"info","msg":"Action taken"}'], 'app.log')).toBe('plain');
  });
});
