import type { AnalyzedFailure } from '@nightshift/log-parsing';
import type { FailureState } from '../../tracking/failure-state';
import type { CiRun, FailureGroup } from '../../types';

export function failure(overrides: Partial<AnalyzedFailure> = {}): AnalyzedFailure {
  return {
    test: '[It] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]',
    suite: 'PTP e2e',
    kind: 'test',
    message: 'Timed out after 300.001s.\nExpected\n    <int>: 1\nto equal\n    <int>: 0',
    location: { file: 'test/conformance/serial/ptp.go', line: 412 },
    category: 'test-assertion',
    rule: 'ginkgo-timeout',
    mode: null,
    signature: 'v1:0123456789abcdef',
    fingerprint: 'v1:fedcba9876543210',
    evidence: [{ path: 'junit.xml', line: 12, text: 'Timed out after 300.001s.' }],
    ...overrides,
  };
}

export function group(overrides: Partial<FailureGroup> = {}): FailureGroup {
  const primary = overrides.primary ?? failure();
  return {
    key: `fp:${primary.fingerprint}`,
    signature: primary.signature,
    fingerprints: [primary.fingerprint],
    tests: primary.test ? [primary.test] : [],
    primary,
    ...overrides,
  };
}

export function run(overrides: Partial<CiRun> = {}): CiRun {
  return {
    source: 'nightly 5.0',
    sourceType: 'prow',
    id: '2075369889480052736',
    url: 'https://prow.ci.openshift.org/view/gs/test-platform-results/logs/job/2075369889480052736',
    status: 'completed',
    conclusion: 'failure',
    branch: '5.0',
    version: '5.0',
    headSha: null,
    event: null,
    attempt: 1,
    createdAt: '2024-05-01T00:00:00Z',
    completedAt: '2024-05-01T02:00:00Z',
    ...overrides,
  };
}

export function failureState(overrides: Partial<FailureState> = {}): FailureState {
  return {
    v: 1,
    key: 'fp:v1:fedcba9876543210',
    signature: 'v1:0123456789abcdef',
    fingerprints: ['v1:fedcba9876543210'],
    tests: ['[It] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]'],
    testCount: 1,
    sources: ['nightly 5.0'],
    category: 'test-assertion',
    rule: 'ginkgo-timeout',
    firstSeen: '2024-05-01T02:00:00Z',
    lastSeen: '2024-05-01T02:00:00Z',
    total: 1,
    occurrences: [
      { source: 'nightly 5.0', runId: '2075369889480052736', url: 'https://prow.example.test/1', at: '2024-05-01T02:00:00Z', branch: '5.0', version: '5.0', attempt: 1 },
    ],
    affected: ['5.0'],
    flaky: null,
    recovered: null,
    regressions: 0,
    ...overrides,
  };
}

export const emptyExcerpt = { excerpt: { path: null, text: '', tokens: 0, ranges: [] as [number, number][] } };
