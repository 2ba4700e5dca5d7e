import { readFileSync } from 'node:fs';
import type { Emulator } from '@nightshift/ci-emulator';
import { REPO } from './harness';

const here = new URL('./github/', import.meta.url);
export const JUNIT_OC = readFileSync(new URL('unit_report_oc_serial.xml', here), 'utf8');
export const LOG_OC = readFileSync(new URL('ptp-test-oc.log', here), 'utf8');
export const WORKFLOW = 'netdevsim-ci.yml';
export const FAILED_TEST = '[It] [oc-serial] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]';

/** The repository, once per emulator. */
export function addRepo(emulator: Emulator): void {
  const [owner, name] = REPO.split('/') as [string, string];
  emulator.state.addRepo({ owner, name, files: { 'README.md': '# ptp-operator\n' } });
}

/**
 * A failed netdevsim run: `ptp-test (oc)` failed (log above), `ptp-test (bc)` passed, the `oc`
 * artifact carries the JUnit report plus a pod log, and an unrelated `ptp-images` artifact exists.
 */
export async function addFailedRun(emulator: Emulator, createdAt: string, options: { headBranch?: string; event?: string } = {}) {
  const run = emulator.state.addWorkflowRun(REPO, {
    workflow: WORKFLOW,
    event: options.event ?? 'workflow_dispatch',
    headBranch: options.headBranch ?? 'main',
    status: 'completed',
    conclusion: 'failure',
    createdAt,
  });
  emulator.state.addJob(run.id, { name: 'ptp-images', conclusion: 'success', log: 'built images\n' });
  emulator.state.addJob(run.id, { name: 'ptp-test (oc)', conclusion: 'failure', log: LOG_OC });
  emulator.state.addJob(run.id, { name: 'ptp-test (bc)', conclusion: 'success', log: 'all good\n' });
  await emulator.state.addArtifact(run.id, {
    name: 'ptp-artifacts-oc',
    files: {
      'unit_report_oc_serial.xml': JUNIT_OC,
      'pod-logs/run_20260810_serial_oc/ptp-operator.log': 'I0810 14:02:11.000000 1 main.go:42] starting ptp-operator\n',
    },
  });
  await emulator.state.addArtifact(run.id, { name: 'ptp-images', files: { 'ptp-images.tar': Buffer.alloc(64, 1) } });
  return run;
}

/** A run with the given status/conclusion and one job, nothing else. */
export function addPlainRun(
  emulator: Emulator,
  createdAt: string,
  options: { status?: string; conclusion?: string | null; event?: string; headBranch?: string } = {},
) {
  const run = emulator.state.addWorkflowRun(REPO, {
    workflow: WORKFLOW,
    event: options.event ?? 'workflow_dispatch',
    headBranch: options.headBranch ?? 'main',
    status: options.status ?? 'completed',
    conclusion: options.conclusion === undefined ? 'success' : options.conclusion,
    createdAt,
  });
  emulator.state.addJob(run.id, {
    name: 'ptp-test (oc)',
    status: options.status ?? 'completed',
    conclusion: options.conclusion === undefined ? 'success' : options.conclusion,
    log: 'ok\n',
  });
  return run;
}
