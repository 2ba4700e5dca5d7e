import type { DetectorResult } from '@nightshift/failure-detection';
import { describe, expect, it } from 'vitest';
import { renderSummary } from './summary';

const base: DetectorResult = {
  created: [],
  updated: [],
  reopened: [],
  recovered: [],
  flaky: [],
  unchanged: 2,
  runsProcessed: 5,
  runsSkippedInProgress: 1,
  sourceErrors: [],
  runErrors: [],
};
const ctx = { issueRepo: { owner: 'o', repo: 'r' }, sources: ['nightly 5.0', 'netdevsim'], dryRun: false };
const ref = (number: number, title: string) => ({
  number,
  url: `https://github.com/o/r/issues/${number}`,
  title,
  key: `fp:${number}`,
});

describe('renderSummary', () => {
  it('puts each issue on one row with everything that happened to it', () => {
    const md = renderSummary(
      {
        ...base,
        created: [ref(7, '[nightly 5.0] a: b')],
        flaky: [ref(7, '[nightly 5.0] a: b')],
        recovered: [ref(3, 'old')],
      },
      ctx,
    );
    expect(md).toContain('| [#7](https://github.com/o/r/issues/7) | [nightly 5.0] a: b | new, flaky |');
    expect(md).toContain('| [#3](https://github.com/o/r/issues/3) | old | recovered |');
    expect(md).toContain('Runs processed: **5**');
    expect(md).toContain('still in progress (next cycle): 1');
    expect(md).toContain('`nightly 5.0`, `netdevsim`');
  });

  it('keeps hostile titles and error messages inside their table cell', () => {
    const md = renderSummary(
      {
        ...base,
        created: [ref(1, 'a | b\n| x | y |<img src=x>')],
        sourceErrors: [{ source: 'p|q', message: 'boom\n# heading' }],
      },
      ctx,
    );
    const row = md.split('\n').find((l) => l.startsWith('| [#1]')) ?? '';
    expect(row.split(/(?<!\\)\|/)).toHaveLength(5);
    expect(md).not.toContain('<img');
    expect(md).toContain('- `p\\|q`: boom # heading');
  });

  it('lists the runs it could not read apart from the sources that failed', () => {
    const md = renderSummary(
      { ...base, runErrors: [{ source: 'nightly 4.22', run: '1234', message: '410 Gone | expired' }] },
      ctx,
    );
    expect(md).toContain('### Runs not read (retried next cycle)');
    expect(md).toContain('- `nightly 4.22` run 1234: 410 Gone \\| expired');
    expect(md).not.toContain('### Source errors');
  });

  it('says when nothing changed, and marks a dry run', () => {
    expect(renderSummary(base, ctx)).toContain('No issue changed.');
    const dry = renderSummary(
      {
        ...base,
        plannedOperations: [{ action: 'create-issue', key: 'k', title: 'T', labels: [], body: '' }],
      },
      { ...ctx, dryRun: true },
    );
    expect(dry).toContain('(dry run: nothing was written)');
    expect(dry).toContain('Planned writes: 1 (1 new issue(s))');
    expect(dry).toContain('- T');
  });
});
