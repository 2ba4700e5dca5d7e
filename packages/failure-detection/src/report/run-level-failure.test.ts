import type { AnalysisResult, AnalyzedInput } from '@nightshift/log-parsing';
import { describe, expect, it } from 'vitest';
import type { CiRun } from '../types';
import { runLevelFailure } from './run-level-failure';

const run: CiRun = {
  source: 'nightly 5.0',
  sourceType: 'prow',
  id: '2063599381201817600',
  url: 'https://prow.example/view/2063599381201817600',
  status: 'completed',
  conclusion: 'failure',
  branch: null,
  version: '5.0',
  headSha: null,
  event: null,
  attempt: 1,
  createdAt: '2026-08-10T10:00:00Z',
  completedAt: '2026-08-10T12:00:00Z',
};

const input = (path: string, format: AnalyzedInput['format'], error?: string): AnalyzedInput => ({
  path,
  format,
  bytes: 0,
  lines: format === 'plain' ? 3 : 0,
  partial: format === 'unreadable',
  errors: error ? [error] : [],
});

const analysis = (inputs: AnalyzedInput[]): AnalysisResult => ({
  schemaVersion: 1,
  status: 'unknown',
  inputs,
  failures: [],
  flaky: [],
  excerpt: { path: null, text: '', tokens: 0, ranges: [] },
  redactions: [],
});

describe('runLevelFailure', () => {
  it('says nothing could be read when every input was unreadable or skipped, and names them', () => {
    const failure = runLevelFailure(
      run,
      analysis([
        input('build-log.txt', 'unreadable', 'build-log.txt: cannot be read (410 Gone)'),
        input(
          'screenshot.png',
          'skipped',
          'screenshot.png: looks binary (NUL byte in the first 8 KiB); skipped',
        ),
      ]),
    );
    expect(failure.message).toBe('run failed; none of its logs or artifacts could be read');
    expect(failure.evidence.map((e) => e.path)).toEqual(['build-log.txt', 'screenshot.png']);
  });

  it('says no failure was recognised when some input was read', () => {
    const failure = runLevelFailure(
      run,
      analysis([
        input('build-log.txt', 'plain'),
        input(
          'screenshot.png',
          'skipped',
          'screenshot.png: looks binary (NUL byte in the first 8 KiB); skipped',
        ),
      ]),
    );
    expect(failure.message).toBe('run failed with no recognisable failure in its logs');
    expect(failure.evidence.map((e) => e.path)).toEqual(['screenshot.png']);
  });
});
