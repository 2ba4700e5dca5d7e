import { describe, expect, it } from 'vitest';
import { readActionInputs } from './action-inputs';

const inputs = (values: Record<string, string>) => readActionInputs((name) => values[name] ?? '');

describe('readActionInputs', () => {
  it('fills defaults and leaves optional inputs undefined', () => {
    expect(inputs({ token: 't' })).toEqual({
      configPath: '.github/nightshift.yml',
      token: 't',
      dryRun: undefined,
      lookback: undefined,
      issueRepo: undefined,
      botLogin: undefined,
      apiUrl: undefined,
    });
  });

  it('reads every input', () => {
    const read = inputs({
      config: 'ci/nightshift.yml',
      token: ' t ',
      'dry-run': 'TRUE',
      lookback: '6h',
      'issue-repo': 'o/r',
      'bot-login': 'my-app[bot]',
      'api-url': 'https://ghe.example.com/api/v3',
    });
    expect(read).toMatchObject({
      configPath: 'ci/nightshift.yml',
      token: 't',
      dryRun: true,
      lookback: '6h',
      issueRepo: 'o/r',
      botLogin: 'my-app[bot]',
    });
    expect(inputs({ token: 't', lookback: '2026-08-01' }).lookback).toBe('2026-08-01');
    expect(inputs({ token: 't', 'dry-run': 'false' }).dryRun).toBe(false);
  });

  it('names the input and the problem for every bad value', () => {
    expect(() => inputs({})).toThrow(/input "token" is empty/);
    expect(() => inputs({ token: 't', 'dry-run': 'yes' })).toThrow(/input "dry-run" must be true or false/);
    expect(() => inputs({ token: 't', lookback: '1w' })).toThrow(/input "lookback" must be a duration/);
    expect(() => inputs({ token: 't', lookback: '2026-13-45' })).toThrow(/input "lookback"/);
    expect(() => inputs({ token: 't', 'issue-repo': 'not a repo' })).toThrow(
      /input "issue-repo" must be owner\/name/,
    );
    expect(() => inputs({ token: 't', 'api-url': 'ftp://x' })).toThrow(/input "api-url"/);
  });
});
