import { parseConfig } from '@nightshift/failure-detection';
import { describe, expect, it } from 'vitest';
import { PTP_RULES } from './__fixtures__/harness';
import { buildClassifier, buildDetectorDeps } from './detector-deps';

const config = parseConfig(
  [
    'version: 1',
    'profile: ptp',
    'sources:',
    '  - { type: github-actions, name: ci, repo: o/r, workflow: ci.yml }',
    '  - { type: prow, name: nightly, job: periodic-ci-x-nightly-5.0-e2e }',
  ].join('\n'),
  'test.yml',
);

describe('buildDetectorDeps', () => {
  it('builds one source per configured source and points Prow at the given GCS URL', () => {
    const deps = buildDetectorDeps({
      config,
      token: 't',
      apiUrl: 'http://127.0.0.1:9/',
      gcsUrl: 'http://127.0.0.1:9/gcs',
      profileRules: { ptp: PTP_RULES },
    });
    expect(deps.sources.map((s) => [s.name, s.type])).toEqual([
      ['ci', 'github-actions'],
      ['nightly', 'prow'],
    ]);
    const prow = deps.config.sources.find((s) => s.type === 'prow');
    expect(prow?.type === 'prow' && prow.gcsBaseUrl).toBe('http://127.0.0.1:9/gcs');
    // The caller's config is not modified.
    expect(config.sources.find((s) => s.type === 'prow')).toMatchObject({
      gcsBaseUrl: 'https://storage.googleapis.com',
    });
  });
});

describe('buildClassifier', () => {
  it('puts the profile rules before the generic ones', () => {
    const ptp = buildClassifier('ptp', { ptp: PTP_RULES });
    const generic = buildClassifier('none', {});
    const line = 'l2lib.go:448] interfaces receiving PTP frames: []';
    expect(ptp.classifyText(line).rule).toBe('ptp-lab-no-ptp-frames');
    expect(generic.classifyText(line).rule).not.toBe('ptp-lab-no-ptp-frames');
  });

  it('names an unknown profile and the known ones', () => {
    expect(() => buildClassifier('sriov', { ptp: PTP_RULES })).toThrow(
      /profile "sriov" has no rules here \(known profiles: none, ptp\)/,
    );
  });
});
