import { describe, expect, it } from 'vitest';
import { matchesAnyGlob } from './globs';

describe('matchesAnyGlob', () => {
  const prow = [
    'artifacts/**/junit*.xml',
    'artifacts/**/test_results*.xml',
    'artifacts/**/test_results.json',
  ];
  it('matches Prow result files at any depth under artifacts/', () => {
    expect(matchesAnyGlob('artifacts/junit_operator.xml', prow)).toBe(true);
    expect(
      matchesAnyGlob('artifacts/e2e-telco5g-ptp/telco5g-ptp-tests/artifacts/test_results_oc.xml', prow),
    ).toBe(true);
    expect(
      matchesAnyGlob('artifacts/e2e-telco5g-ptp/telco5g-ptp-tests/artifacts/test_results.json', prow),
    ).toBe(true);
  });
  it('leaves other files alone', () => {
    expect(
      matchesAnyGlob('artifacts/e2e-telco5g-ptp/telco5g-ptp-tests/artifacts/test_results_oc.html', prow),
    ).toBe(false);
    expect(matchesAnyGlob('build-log.txt', prow)).toBe(false);
    expect(matchesAnyGlob('artifacts/must-gather.tar', prow)).toBe(false);
  });
  it('matches artifact names and brace alternatives', () => {
    expect(matchesAnyGlob('ptp-artifacts-dualnicbcha', ['ptp-artifacts-*'])).toBe(true);
    expect(matchesAnyGlob('ptp-images', ['ptp-artifacts-*'])).toBe(false);
    expect(matchesAnyGlob('stability-report-combined', ['{ptp-artifacts,stability-report}-*'])).toBe(true);
    expect(matchesAnyGlob('anything', [])).toBe(false);
  });
});
