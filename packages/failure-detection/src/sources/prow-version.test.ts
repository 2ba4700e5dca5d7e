import { describe, expect, it } from 'vitest';
import { versionFromJobName } from './prow-version';

describe('versionFromJobName', () => {
  it.each([
    ['periodic-ci-openshift-release-main-nightly-5.0-e2e-telco5g-ptp', '5.0'],
    ['periodic-ci-openshift-release-main-nightly-4.22-e2e-telco5g-ptp-upstream', '4.22'],
    ['rehearse-81254-periodic-ci-openshift-release-main-nightly-4.20-e2e-telco5g-ptp', '4.20'],
    ['periodic-ci-openshift-ptp-operator-release-4.18-e2e', '4.18'],
    ['periodic-ci-openshift-release-main-e2e-telco5g-ptp', null],
  ])('%s → %s', (job, version) => {
    expect(versionFromJobName(job)).toBe(version);
  });
});
