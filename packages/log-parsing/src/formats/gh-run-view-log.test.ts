import { describe, expect, it } from 'vitest';
import { GhRunViewLogParser } from './gh-run-view-log';
import { failed, parseText, readFixture } from './test-lines';

describe('GhRunViewLogParser', () => {
  const report = parseText(new GhRunViewLogParser({ path: 'run.log' }), readFixture('gh-run-view.log'));

  it('splits job, step and entry, and finds the failed test', () => {
    expect(failed(report).map((t) => [t.name, t.message])).toEqual([
      ['TestOffsetParser', 'parser_test.go:57: offset = 98, want -98'],
    ]);
    expect(report.format).toBe('gh-run-view-log');
  });

  it('labels errors with job and step (from the log when gh says UNKNOWN STEP), judging exit codes per job', () => {
    expect(report.jobFailures).toEqual([
      {
        kind: 'job',
        message: 'The operation was canceled.',
        line: 12,
        step: 'ptp-test (dualfollower) / Run scripts/run-tests.sh --kind parallel --mode dualfollower',
      },
      // The unit job's exit code is explained by its failed test; the lint job has nothing else.
      {
        kind: 'job',
        message: 'Process completed with exit code 1.',
        line: 13,
        step: 'lint / Run golangci-lint',
      },
    ]);
  });
});
