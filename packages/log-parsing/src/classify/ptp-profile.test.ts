import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from './builtin-rules';
import { createClassifier } from './classifier';
import { loadRulesFile } from './load-rules';

const PROFILE = fileURLToPath(new URL('../../../../prompts/ptp/rules.yaml', import.meta.url));
const EXCERPTS = new URL('./__fixtures__/ptp-excerpts/', import.meta.url);

/** Excerpt files (copied from shared/data/ptp-excerpts) → the rule and category they must get. */
const EXPECTED: Record<string, [rule: string | null, category: string]> = {
  'ginkgo-clockclass6-timeout.txt': ['ptp-clock-class-not-reached', 'timing'],
  'ginkgo-cloud-event-proxy-event-not-generated.txt': ['ptp-event-not-generated', 'timing'],
  'ginkgo-consumer-push-initial-event-deadline.txt': ['ptp-consumer-push-initial-event', 'timing'],
  'ginkgo-dualnicbcha-primary-not-slave.txt': ['ptp-port-role-incorrect', 'hardware'],
  'ginkgo-foreign-clockid-regex-timeout.txt': ['ptp-profile-line-not-found', 'config'],
  'ginkgo-getcurrentstate-consumer-logs.txt': ['ptp-consumer-current-state', 'timing'],
  'ginkgo-holdover-class135.txt': ['ptp-holdover-class-not-reached', 'timing'],
  'ginkgo-no-follower-port-locked.txt': ['ptp-follower-port-not-locked', 'config'],
  'ginkgo-oc-parallel-os-clock-never-locked.txt': ['ptp-os-clock-never-locked', 'timing'],
  'ginkgo-phc2sys-process-status-0.txt': ['ptp-process-status', 'assertion'],
  'ginkgo-pmc-clockclass-248.txt': ['ptp-pmc-clock-class', 'hardware'],
  'ginkgo-pmc-grandmasterIdentity-not-found.txt': ['ptp-pmc-bad-command', 'config'],
  'ginkgo-port-role-not-recovered.txt': ['ptp-port-role-incorrect', 'hardware'],
  'ginkgo-ptpconfig-nil.txt': ['ptp-ptpconfig-nil', 'config'],
  'ginkgo-soak-cpu-prometheus-failure.txt': ['ptp-prometheus-query-failed', 'infra'],
  'ginkgo-synchronizedbeforesuite-no-tbc-solution.txt': ['ptp-lab-no-topology-solution', 'hardware'],
  'ginkgo-tgm-event-metric-248.txt': ['ptp-clock-class-metric', 'hardware'],
  'ginkgo-time-metrics-not-detected.txt': ['ptp-time-metrics-not-detected', 'hardware'],
  'ginkgo-ts2phc-clock-state-metrics-dump.txt': ['ptp-process-clock-state', 'hardware'],
  'ginkgo-ts2phc-restart-count.txt': ['ptp-restart-count-reset', 'assertion'],
  'issue-openshift-linuxptp-daemon-137-event-socket-unauthorized.txt': ['ptp-event-socket', 'infra'],
  'issue-openshift-linuxptp-daemon-183-crashloop-nil-dpll.txt': ['crash-loop-backoff', 'crash'],
  'lptpd-commit-15a57f1-ethtool-index-out-of-range-panic.txt': ['go-index-out-of-range', 'crash'],
  'lptpd-commit-15f8bad-nodeptpdevice-io-timeout.txt': ['ptp-nodeptpdevice-unavailable', 'infra'],
  'lptpd-commit-449dea9-slice-bounds-panic-metrics.txt': ['go-slice-bounds', 'crash'],
  'lptpd-commit-87e2080-semaphore-panic.txt': ['ptp-semaphore-panic', 'crash'],
  'lptpd-commit-8facd7b-nil-pointer-panic-applyNodePtpProfile.txt': ['go-nil-pointer', 'crash'],
  'lptpd-testdata-phc2sys-exit146-recreate.txt': ['ptp-process-exit', 'crash'],
  'pnm-ai-evidence-dualnicbcha-phc2sys-failover-regex-timeout.txt': ['ptp-log-stream-deadline', 'timing'],
  'pnm-ai-evidence-imagepullbackoff-builder-manifest-unknown.txt': ['image-manifest-unknown', 'infra'],
  'pnm-ai-evidence-operator-not-deployed-ginkgo-failed.txt': ['ptp-operator-not-deployed', 'infra'],
  'pnm-ai-evidence-synchronizedbeforesuite-l2discovery-no-ptp-frames.txt': [
    'ptp-lab-no-ptp-frames',
    'hardware',
  ],
  'prow-daemonset-not-found-rollout.txt': ['ptp-daemonset-not-found', 'infra'],
  'prow-entrypoint-3h45m-timeout.txt': ['k8s-watch-unauthorized', 'infra'],
  'prow-gather-credentials-error.txt': ['k8s-credentials-rejected', 'infra'],
  'prow-release-import-failure.txt': ['openshift-release-import', 'infra'],
  'prow-resolving-release-404.txt': ['openshift-release-resolve', 'infra'],
  'prow-telco5g-ptp-tests-step-exit1-tail.txt': ['prow-step-exit', 'unknown'],
  'prow-unauthorized-watch-3h45m-timeout.txt': ['k8s-watch-unauthorized', 'infra'],
  // Healthy daemon output: no rule may fire on it.
  'cep-source-logparser-example-log-lines.txt': [null, 'unknown'],
  'lptpd-commit-0a1c757-ptp4l-phc2sys-output-formats.txt': [null, 'unknown'],
  'lptpd-testdata-tbc-startup-freerun-s0.txt': [null, 'unknown'],
};

/** Real lines (failures.jsonl / ptp-ci.md) for the profile rules no excerpt file exercises. */
const LINES: Record<string, string> = {
  'ptp-lab-graph-no-solution': 'graphsolver.go:73] Solution for TBC problem does not exists',
  'ptp-config-create-failed':
    'Could not create a ptp config, err=ptpconfigs.ptp.openshift.io "test-slave1" already exists',
  'ptp-pmc-field-missing': 'grandmasterIdentity not found in pmc output for /var/run/ptp4l.0.config',
  'ptp-slave-profile-name-not-found':
    'could not get slave profile name, err=could not find regex in log stream for openshift-ptp/linuxptp-daemon-dm54v container=linuxptp-daemon-container, err=error reading from stream: context deadline exceeded',
  'ptp-consumer-log-deadline':
    'Failed to push initial clock class event: error reading logs in ns=ptp-event-framework-test pod=consumer: context deadline exceeded',
  'ptp-clock-class-wait-timeout': 'Timed out waiting for clock class 7',
  'ptp-state-class-wait-timeout': 'Timed out waiting for state FREERUN and ClockClass 248',
  'ptp-port-role-mismatch': '      ens2f3np3: role mismatch (expected=SLAVE, got=LISTENING)',
  'ptp-foreign-clock-id-timeout': 'Timeout to get foreign clock ID for ptpconfig test-bc-master1',
  'ptp-bc-master-clock-id-timeout': 'Timeout to get BC master1 clock ID',
  'ptp-metrics-timeout': 'Timeout to detect metrics for ptpconfig test-slave1',
  'ptp-pmc-timer-expired':
    'E0908 10:12:40.100000  624338 pmc.go:266] pmc result match error expect: timer expired after 2 seconds',
  'openshift-cluster-install':
    'version             False       True          144m    Unable to apply 4.12.0-0.nightly-2026-06-05-032308: an unknown error has occurred: MultipleErrors',
};

describe('PTP profile (prompts/ptp/rules.yaml)', async () => {
  const profile = await loadRulesFile(PROFILE);
  const classifier = createClassifier([...profile, ...builtinRules], { origin: PROFILE });
  const read = (file: string) =>
    readFileSync(new URL(file, EXCERPTS), 'utf8').split('\n').slice(2).join('\n');

  it('loads, uses ptp-/openshift- ids, and needs no unfiltered rule', () => {
    expect(profile.length).toBeGreaterThan(30);
    for (const r of profile) expect(r.id).toMatch(/^(?:ptp|openshift)-/);
    expect(classifier.unfilteredRules).toEqual([]);
  });

  it('has a table entry for every excerpt fixture', () => {
    expect(readdirSync(EXCERPTS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, [rule, category]] of Object.entries(EXPECTED)) {
    it(`${file} → ${rule ?? 'no rule'}`, () => {
      const c = classifier.classifyText(read(file));
      expect(c.rule).toBe(rule);
      expect(c.category).toBe(category);
      if (rule !== null) expect(c.evidence.length).toBeGreaterThan(0);
    });
  }

  for (const [rule, line] of Object.entries(LINES)) {
    it(`${rule}: ${line.slice(0, 60)}`, () => expect(classifier.classifyText(line).rule).toBe(rule));
  }

  it('exercises every profile rule through a fixture or a line', () => {
    const covered = new Set([...Object.values(EXPECTED).map(([r]) => r), ...Object.keys(LINES)]);
    expect(profile.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('fills modes with meaning-bearing values only', () => {
    expect(classifier.classifyText(read('ginkgo-clockclass6-timeout.txt')).mode).toBe(
      'ptp4l clock class never reached 6',
    );
    expect(
      classifier.classifyText('Expected ptp4l clock class state to eventually be Locked (class 6)').mode,
    ).toBe('ptp4l clock class never reached 6');
    expect(classifier.classifyText(read('ginkgo-port-role-not-recovered.txt')).mode).toBe(
      'port role LISTENING instead of SLAVE',
    );
    // Names that vary by run (pods, configs) never reach the mode.
    expect(classifier.classifyText(read('ginkgo-cloud-event-proxy-event-not-generated.txt')).mode).toBe(
      'PTP event not generated',
    );
  });
});
