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

  it('does not take structured JSON logs for test2json', () => {
    expect(detectFormat(['{"level":"info","msg":"Action taken"}'], 'app.log')).toBe('plain');
  });
});
