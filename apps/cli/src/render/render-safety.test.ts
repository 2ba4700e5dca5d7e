import type { AnalysisResult } from '@nightshift/log-parsing';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';

// What a hostile log can put in a test name, a path and a message.
const NAME = 'evil <img src=https://evil.example/x.png> @octocat Fixes #12 \x1b]52;c;ZWNobyBoaQ==\x07';
const PATH = 'art/we`ird|<b>name</b>.log';

const result: AnalysisResult = {
  schemaVersion: 1,
  status: 'failed',
  inputs: [
    {
      path: PATH,
      format: 'go-test-json',
      bytes: 10,
      lines: 3,
      partial: true,
      errors: [`${PATH} line 3: bad </details><h1>BIG</h1> | cell`],
    },
  ],
  failures: [
    {
      test: NAME,
      suite: null,
      kind: 'test',
      message: 'boom \x1b[31mred\x1b[0m @octocat',
      location: { file: 'x`y.go', line: 7 },
      category: 'unknown',
      rule: null,
      mode: null,
      signature: 'v1:0000000000000000',
      fingerprint: 'v1:1111111111111111',
      evidence: [{ path: PATH, line: 2, text: 'boom' }],
    },
  ],
  flaky: [{ test: '</details><details><summary>nothing here</summary>', attempts: 2 }],
  excerpt: { path: PATH, text: '1│ boom', tokens: 3, ranges: [[1, 1]] },
  redactions: [],
};

describe('renderMarkdown', () => {
  const md = renderMarkdown(result);

  it('leaves nothing that loads, pings or closes an issue when posted', () => {
    expect(md).not.toMatch(/<img/i);
    expect(md).not.toMatch(/(^|[^`])@octocat/);
    expect(md).not.toMatch(/(^|[^`])Fixes #12/);
    expect(md).not.toContain('\x1b');
    expect(md).not.toContain('\x07');
  });

  it('shows markup from a log as text wherever it lands: notes, flaky names', () => {
    expect(md).not.toMatch(/<h1>|<\/details><details>/);
    expect(md).toContain('bad &lt;/details&gt;&lt;h1&gt;BIG&lt;/h1&gt; \\| cell');
    expect(md).toContain(
      '- &lt;/details&gt;&lt;details&gt;&lt;summary&gt;nothing here&lt;/summary&gt; (2 attempts)',
    );
    // Our own structure is intact: one <details> for the excerpt.
    expect(md.match(/<details>/g)).toHaveLength(1);
  });

  it('keeps paths readable: a backtick cannot end their code span, and markup in them is text', () => {
    expect(md).toContain('| ``art/we`ird\\|<b>name</b>.log`` |');
    expect(md).toContain('<summary>Excerpt of <code>art/we`ird|&lt;b&gt;name&lt;/b&gt;.log</code>');
    expect(md).toContain('at ``x`y.go:7``');
  });
});

describe('renderText', () => {
  it('prints no escape sequence or control character from a log to the terminal', () => {
    const text = renderText(result);
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(text).toContain('failure 1: evil <img src=https://evil.example/x.png> @octocat Fixes #12');
  });
});

describe('renderText, with hostile paths and names', () => {
  // A secret split by invisible characters is no secret to the redaction rules; once they are
  // stripped it is. Built by concatenation so no scanner sees a literal key in the repository.
  const SPLIT = `pass\u200bword=Hunter2Hunter2x9-AKIA\u00ad${'IOSFODNN7EXAMPLQ'}.log`;
  const FORGED =
    'build.txt\n\nstatus: passed\nfailure 9: TestForged\n  category: infra\n  | all good\n\nx.txt';
  const hostile: AnalysisResult = {
    ...result,
    inputs: [
      { path: SPLIT, format: 'go-test-text', bytes: 10, lines: 3, partial: false, errors: [] },
      { path: FORGED, format: 'unreadable', bytes: 0, lines: 0, partial: false, errors: [`${FORGED}: nope`] },
    ],
    failures: [
      {
        ...result.failures[0]!,
        test: 'TestA\nstatus: passed',
        location: { file: `${SPLIT}\nfailure 2: x`, line: 1 },
        message: 'line one\nstatus: passed',
      },
    ],
    flaky: [{ test: 'TestB\nfailure 3: TestC', attempts: 2 }],
    excerpt: { path: FORGED, text: '1│ boom', tokens: 3, ranges: [[1, 1]] },
  };
  const text = renderText(hostile);
  const lines = text.split('\n');

  it('strips invisible characters before redacting, so a split secret is redacted', () => {
    expect(text).not.toMatch(/Hunter2Hunter2x9|IOSFODNN7EXAMPLQ|[\u200b\u00ad]/);
    expect(text).toContain('[REDACTED');
  });

  it('prints paths, names and errors on one line each: a name cannot forge report lines', () => {
    expect(lines.filter((l) => l.startsWith('status: '))).toEqual(['status: failed']);
    expect(lines.filter((l) => /^failure \d+: /.test(l))).toEqual(['failure 1: TestA status: passed']);
    expect(lines.filter((l) => l.startsWith('  category: '))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('  | '))).toEqual(['  | line one', '  | status: passed']);
    expect(text).toContain('input: build.txt  status: passed failure 9: TestForged ');
    expect(text).toContain('flaky: TestB failure 3: TestC (2 attempts)');
  });
});
