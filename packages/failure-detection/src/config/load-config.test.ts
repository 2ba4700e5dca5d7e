import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './load-config';

const minimal = `version: 1
sources:
  - type: prow
    name: nightly 5.0
    job: periodic-ci-openshift-release-main-nightly-5.0-e2e-telco5g-ptp
`;

describe('parseConfig', () => {
  it('fills in defaults', () => {
    const config = parseConfig(minimal, 'nightshift.yml');
    expect(config.sources[0]).toMatchObject({ type: 'prow', bucket: 'test-platform-results' });
    expect(config.issues.recoveryRuns).toBe(3);
    expect(config.model.provider).toBe('anthropic');
    expect(config.killSwitch).toBe(false);
  });

  it('names the file and every problem', () => {
    const bad = `version: 1
sources:
  - type: github-actions
    name: ci
    repo: not-a-repo
    workflow: ci.yml
lookback: forever
`;
    let error: unknown;
    try {
      parseConfig(bad, '.github/nightshift.yml');
    } catch (e) {
      error = e;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('.github/nightshift.yml');
    expect(message).toContain('sources.0.repo: expected owner/name');
    expect(message).toContain('lookback: expected a duration');
  });

  it('refuses YAML that is not YAML, and alias bombs, with a clear error', () => {
    expect(() => parseConfig('version: [1', 'x.yml')).toThrow(
      /x\.yml: invalid configuration:\n {2}- not valid YAML/,
    );
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(10)
          .fill(i === 0 ? '*a' : `*${'b'.repeat(i)}`)
          .join(', ')}]`,
      );
    expect(() => parseConfig(bomb.join('\n'), 'bomb.yml')).toThrow(/bomb\.yml/);
  });

  it('requires at least one source', () => {
    expect(() => parseConfig('version: 1\nsources: []\n', 'c.yml')).toThrow(/watch at least one source/);
  });
});
