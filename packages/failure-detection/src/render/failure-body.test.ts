import { parseMarkers } from '@nightshift/github-ops';
import { describe, expect, it } from 'vitest';
import { parseFailureState } from '../tracking/failure-state';
import { emptyExcerpt, failure, failureState, group, run } from './__fixtures__/groups';
import { BODY_MAX, extractReportSection, renderFailureBody } from './failure-body';
import { renderReportSection } from './report-section';

describe('renderFailureBody', () => {
  it('has the summary table, the latest run, the occurrences and a marker that parses back', () => {
    const state = failureState({ flaky: { passes: 2, fails: 3 } });
    const body = renderFailureBody(state, {
      input: {
        run: run(),
        group: group(),
        analysis: {
          excerpt: { path: 'build-log.txt', text: '12│ ptp4l failed', tokens: 5, ranges: [[12, 12]] },
        },
      },
    });
    expect(body).toContain(
      '| **Status** | **Failing** · **Flaky**: 2 passed / 3 failed on the same commit |',
    );
    expect(body).toContain('| **Affected** | `5.0` |');
    expect(body).toContain(
      '### Failed tests (1)\n\n- `[It] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]` — `test/conformance/serial/ptp.go:412`',
    );
    expect(body).toContain('**Category:** `test-assertion` · **Rule:** `ginkgo-timeout`');
    expect(body).toContain('<details><summary>Log excerpt from `build-log.txt` (5 tokens)</summary>');
    expect(body).toContain('### Occurrences (1)');
    expect(body).toContain(
      '| [2075369889480052736](https://prow.example.test/1) | 2024-05-01 02:00 UTC | nightly 5.0 | 5.0 | 1 |',
    );
    expect(parseFailureState(parseMarkers(body, 'failure')[0]?.data)).toEqual(state);
  });

  it('keeps the latest-run section verbatim when re-rendered without a new run', () => {
    const state = failureState();
    const first = renderFailureBody(state, { input: { run: run(), group: group(), analysis: emptyExcerpt } });
    const again = renderFailureBody(state, { existing: extractReportSection(first) ?? '' });
    expect(again).toBe(first);
  });

  it('stays under the cap with a huge failure: the excerpt goes first, then older rows, and it says so', () => {
    const huge = Array.from(
      { length: 30_000 },
      (_, i) => `${i}│ ptp4l[${i}]: master offset ${i} s2 freq +1 path delay 120`,
    ).join('\n');
    const tests = Array.from({ length: 1000 }, (_, i) => `[It] ${'nested container '.repeat(20)}case ${i}`);
    const state = failureState({
      tests: tests.slice(0, 50),
      testCount: 1000,
      total: 500,
      occurrences: Array.from({ length: 50 }, (_, i) => ({
        source: 'nightly 5.0',
        runId: String(2075369889480052736n + BigInt(i)),
        url: `https://prow.example.test/${'x'.repeat(150)}/${i}`,
        at: new Date(Date.UTC(2024, 4, 1, i)).toISOString(),
        branch: '5.0',
        version: '5.0',
        attempt: 1,
      })),
    });
    const body = renderFailureBody(state, {
      input: {
        run: run(),
        group: group({ tests, primary: failure({ message: huge }) }),
        analysis: { excerpt: { path: 'build-log.txt', text: huge, tokens: 500_000, ranges: [] } },
      },
    });
    expect(body.length).toBeLessThanOrEqual(BODY_MAX);
    // The excerpt goes, then older occurrence rows, while the test list and message stay whole.
    expect(body).toContain("_Trimmed to stay under GitHub's size limit: excerpt._");
    expect(body).toContain("_The log excerpt was left out to keep this issue under GitHub's size limit._");
    expect(body).toContain("_Older occurrence rows were left out to stay under GitHub's size limit._");
    expect(body).toContain('### Failed tests (1000)');
    expect(body).toContain('- … and 950 more');
    expect(body).toContain('… [29960 more lines]');
    expect(parseFailureState(parseMarkers(body, 'failure')[0]?.data)?.testCount).toBe(1000);
    // Fences still balance: the occurrence table is not swallowed by an open code block.
    expect(body).toMatch(/\n### Occurrences \(latest \d+ of 500\)\n/);
  });

  it('drops an oversized existing section whole rather than cutting a code fence', () => {
    const state = failureState();
    const existing = `\`\`\`text\n${'x'.repeat(70_000)}\n\`\`\``;
    const body = renderFailureBody(state, { existing });
    expect(body.length).toBeLessThanOrEqual(BODY_MAX);
    expect(body).toContain("_Details of the latest run were left out to stay under GitHub's size limit._");
  });
});

describe('renderReportSection under a budget', () => {
  it('trims the excerpt to the room left, keeping its end', () => {
    const excerpt = Array.from({ length: 2000 }, (_, i) => `${i}│ line ${i}`).join('\n');
    const section = renderReportSection(
      {
        run: run(),
        group: group(),
        analysis: { excerpt: { path: 'log', text: excerpt, tokens: 9000, ranges: [] } },
      },
      8000,
    );
    expect(section!.text.length).toBeLessThanOrEqual(8000);
    expect(section!.text).toContain('(9000 tokens, trimmed to fit)');
    expect(section!.text).toContain('1999│ line 1999');
    expect(section!.text).not.toContain('\n0│ line 0\n');
    expect(section!.trimmed).toEqual(['excerpt']);
  });
});
