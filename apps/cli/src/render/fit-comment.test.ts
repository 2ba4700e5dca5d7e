import { BODY_MAX } from '@nightshift/failure-detection';
import { sanitizeForComment } from '@nightshift/log-parsing';
import { describe, expect, it } from 'vitest';
import { fitComment } from './fit-comment';

const uncapped = (md: string) =>
  sanitizeForComment(md, { allowedHosts: [], allowHtml: true, maxChars: Number.MAX_SAFE_INTEGER });

/** A report-like document: headings, code blocks and a `<details>` excerpt, `n` failures long. */
function report(n: number): string {
  const out = ['## ❌ Analysis: failed', ''];
  for (let i = 0; i < n; i++) {
    out.push(
      `#### test ${i} @octocat`,
      '',
      '- **Category:** unknown',
      '',
      '```',
      `boom ${i}\n`.repeat(20),
      '```',
      '',
    );
  }
  out.push('<details><summary>Excerpt</summary>', '', '```', 'x\n'.repeat(30_000), '```', '', '</details>');
  return `${out.join('\n')}\n`;
}

describe('fitComment', () => {
  it('sanitises a report under the cap and leaves it whole', () => {
    const md = report(3).replace('x\n'.repeat(30_000), 'x\n');
    expect(fitComment(md)).toBe(uncapped(md));
    expect(fitComment(md)).not.toContain('Report cut');
  });

  it('cuts whole lines to stay under the cap the actions post with, and says so', () => {
    const md = report(2_000);
    const whole = uncapped(md);
    expect(whole.length).toBeGreaterThan(100_000);
    const fitted = fitComment(md);
    expect(fitted.length).toBeLessThanOrEqual(BODY_MAX);
    expect(fitted.length).toBeGreaterThan(BODY_MAX - 1_000);
    expect(fitted).toMatch(
      /\n_Report cut to fit a GitHub comment: its last \d+ lines \(\d+ characters\) were left out; `--format json` has everything\._\n$/,
    );
    const [kept = ''] = fitted.split('\n\n_Report cut');
    // Everything before the note is a run of whole lines of the sanitised report, code closed.
    const body = kept.replace(/\n```$/, '');
    expect(whole.startsWith(`${body}\n`)).toBe(true);
    expect((kept.match(/^```$/gm) ?? []).length % 2).toBe(0);
    expect(fitted).not.toMatch(/(^|[^`])@octocat/);
  });

  it('closes an open <details> and code block when the cut falls in the excerpt', () => {
    const fitted = fitComment(report(1));
    expect(fitted.length).toBeLessThanOrEqual(BODY_MAX);
    expect(fitted).toMatch(
      /\nx\n```\n<\/details>\n\n_Report cut to fit a GitHub comment: its last \d+ lines/,
    );
  });

  it('cuts inside the line when the first line alone is too long', () => {
    const fitted = fitComment(`${'y'.repeat(200_000)}\nnext\n`);
    expect(fitted.length).toBeLessThanOrEqual(BODY_MAX);
    expect(fitted).toMatch(/^y+\n… \[truncated: \d+ characters omitted\]$/);
  });
});
