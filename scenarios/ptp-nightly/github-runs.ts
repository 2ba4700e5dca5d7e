/**
 * The GitHub Actions half of the scenario: job logs and `ptp-artifacts-<mode>` artifacts of
 * ptp-operator's netdevsim CI, and the log of a failed linuxptp-daemon unit-test run. Written by
 * us, in the shapes the real ones have (research/ptp-ci.md §1 and §3): GitHub log lines with
 * timestamps, Ginkgo v2 output through `ginkgo-headline-rewrite.sh`, Ginkgo v2 JUnit reports
 * `unit_report_<mode>_serial.xml`, and pod logs under `pod-logs/run_<ts>_serial_<mode>/`.
 * Failure messages are the real ones from the nightlies (../shared/data/ptp-excerpts), with the
 * line numbers of this scenario's own ptp-operator sources.
 */

export const MODES = ['oc', 'bc', 'dualnicbc', 'dualnicbcha', 'dualfollower'] as const;
export type Mode = (typeof MODES)[number];

const WORKDIR = '/home/runner/work/ptp-operator/ptp-operator';
const SERIAL = `${WORKDIR}/test/conformance/serial`;
const SUITE = 'PTP e2e integration tests';

interface Failure {
  spec: Spec;
  /** Short message (the JUnit `message` attribute). */
  message: string;
  location: string;
  seconds: number;
}

type Spec = 'daemonset' | 'slave-sync' | 'dual-follower' | 'bcha-failover' | 'phc2sys-restart';

const SPECS: Record<Spec, { text: string; line: number; onlyFor?: Mode; skip?: string }> = {
  daemonset: {
    text: 'PTP e2e tests PTP configuration verifications Should check that all nodes are running at least one replica of linuxptp-daemon',
    line: 34,
  },
  'slave-sync': { text: 'PTP e2e tests PTP ClockSync Slave can sync to master', line: 40 },
  'dual-follower': {
    text: 'PTP e2e tests PTP ClockSync Dual follower can sync when one follower port goes down',
    line: 49,
    onlyFor: 'dualfollower',
    skip: 'Test reserved for dual follower scenario',
  },
  'bcha-failover': {
    text: 'PTP e2e tests PTP ClockSync DualNICBCHA phc2sys switches to secondary ptp4l when primary interface fails',
    line: 59,
    onlyFor: 'dualnicbcha',
    skip: 'Test reserved for dual NIC boundary clock HA',
  },
  'phc2sys-restart': {
    text: 'PTP e2e tests PTP Outage recovery Should restart phc2sys with no socket errors after SIGTERM',
    line: 85,
  },
};
const ORDER: Spec[] = ['daemonset', 'slave-sync', 'dual-follower', 'bcha-failover', 'phc2sys-restart'];

const specName = (mode: Mode, spec: Spec) => `[${mode}-serial] ${SPECS[spec].text} [Serial]`;

/** "could not find regex in log stream …": the HA failover never logged (real text, 2026-07-06). */
function failoverTimeout(pod: string, address: string): Omit<Failure, 'seconds'> {
  const error = `could not find regex in log stream for openshift-ptp/${pod} container=linuxptp-daemon-container, err=error reading from stream: context deadline exceeded`;
  return {
    spec: 'bcha-failover',
    message: `Unexpected error:\n    <*errors.errorString | ${address}>: \n    ${error}\n    {\n        s: "${error}",\n    }\noccurred`,
    location: `${SERIAL}/ptp.go:80`,
  };
}

/** "no Follower port in expected LOCKED state": a port stuck in LISTENING (real text, 2026-07-09; ptp-operator#236). */
function followerNotLocked(
  mode: Mode,
  node: string,
  stuck: string,
  other: string,
  seconds: string,
  address: string,
): Omit<Failure, 'seconds'> {
  const error =
    `no Follower port in expected LOCKED state for ptpconfig test-slave1 (node=${node}, label="ptp/clock-under-test", slaveIfs=[${stuck} ${other}]). Per-interface results:\n` +
    `  ${stuck}: role mismatch (expected=SLAVE, got=LISTENING)\n` +
    `  ${other}: clock state metric error: metric: openshift_ptp_clock_state, nodeName: ${node}, aIf: ${other} not found`;
  const indented = error.replaceAll('\n', '\n    ');
  return {
    spec: mode === 'dualfollower' ? 'dual-follower' : 'slave-sync',
    message: `Timed out after ${seconds}s.\nTimeout to detect metrics for ptpconfig test-slave1\nExpected\n    <*errors.errorString | ${address}>: \n    ${indented}\n    {\n        s: ${JSON.stringify(error)},\n    }\nto be nil`,
    location: `${WORKDIR}/test/pkg/ptptesthelper/ptptesthelper.go:44`,
  };
}

interface ModeRun {
  mode: Mode;
  failure?: Failure;
}

interface NetdevsimRun {
  /** Folder/file stem, e.g. `netdevsim-0809`. */
  id: string;
  /** ISO start of the test jobs. */
  start: string;
  seed: number;
  pod: string;
  modes: ModeRun[];
}

const NODE = 'netdevsim-worker-1';

/** The netdevsim runs whose logs and artifacts are files (see scenario.yaml for their metadata). */
export function netdevsimRuns(): NetdevsimRun[] {
  return [
    {
      id: 'netdevsim-0808',
      start: '2026-08-08T02:31:12Z',
      seed: 1786156272,
      pod: 'linuxptp-daemon-q8v2d',
      modes: MODES.map((mode) => ({ mode })),
    },
    {
      id: 'netdevsim-0809',
      start: '2026-08-09T02:30:48Z',
      seed: 1786242648,
      pod: 'linuxptp-daemon-7xk2p',
      modes: MODES.map((mode) => {
        if (mode === 'dualnicbcha')
          return {
            mode,
            failure: { ...failoverTimeout('linuxptp-daemon-7xk2p', '0xc000a1c2b0'), seconds: 71.402 },
          };
        if (mode === 'dualfollower')
          return {
            mode,
            failure: {
              ...followerNotLocked(mode, NODE, 'ens2f0', 'ens2f1', '600.002', '0xc0004e6a10'),
              seconds: 612.775,
            },
          };
        return { mode };
      }),
    },
    {
      // Attempt 1: the #236 flake (ens2f0 stuck in LISTENING after a cold ptp4l restart).
      id: 'netdevsim-0810-a1',
      start: '2026-08-10T02:30:55Z',
      seed: 1786329055,
      pod: 'linuxptp-daemon-m4r9t',
      modes: MODES.map((mode) =>
        mode === 'bc'
          ? {
              mode,
              failure: {
                ...followerNotLocked(mode, NODE, 'ens2f0', 'ens2f1', '600.001', '0xc000b7d040'),
                seconds: 601.318,
              },
            }
          : { mode },
      ),
    },
    {
      id: 'netdevsim-0810-a2',
      start: '2026-08-10T04:47:03Z',
      seed: 1786337223,
      pod: 'linuxptp-daemon-zp6wc',
      modes: MODES.map((mode) => ({ mode })),
    },
    {
      id: 'netdevsim-0811',
      start: '2026-08-11T02:31:20Z',
      seed: 1786415480,
      pod: 'linuxptp-daemon-h2fsl',
      modes: MODES.map((mode) =>
        mode === 'dualnicbcha'
          ? {
              mode,
              failure: { ...failoverTimeout('linuxptp-daemon-h2fsl', '0xc000d18f90'), seconds: 70.913 },
            }
          : { mode },
      ),
    },
  ];
}

/** Every generated file, keyed by its path relative to the scenario folder. */
export function buildGithubFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const run of netdevsimRuns()) {
    for (const modeRun of run.modes) {
      if (modeRun.failure) files.set(`logs/${run.id}-${modeRun.mode}.log`, jobLog(run, modeRun));
      // A re-run uploads artifacts under the same names; the scenario keeps the last attempt's.
      if (run.id.endsWith('-a1')) continue;
      const report = junitReport(run, modeRun);
      const dir = `artifacts/${run.id}/ptp-artifacts-${modeRun.mode}`;
      files.set(`${dir}/unit_report_${modeRun.mode}_serial.xml`, report);
      const stamp = run.start.replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
      const logs = `${dir}/pod-logs/run_${stamp}_serial_${modeRun.mode}`;
      files.set(`${logs}/ptp-operator.log`, operatorLog(run));
      files.set(`${logs}/${run.pod}-${NODE}-linuxptp-daemon-container.log`, daemonLog(run, modeRun));
    }
  }
  files.set('logs/linuxptp-daemon-unit-0811.log', unitTestLog());
  return files;
}

// ── JUnit (Ginkgo v2 reporter) ────────────────────────────────────────────────────────────────

function junitReport(run: NetdevsimRun, modeRun: ModeRun): string {
  const { mode, failure } = modeRun;
  const t0 = Date.parse(run.start);
  const cases: string[] = [
    `      <testcase name="[BeforeSuite]" classname="${SUITE}" status="passed" time="0.31"></testcase>`,
  ];
  let skipped = 0;
  let total = 0.31;
  for (const spec of ORDER) {
    const s = SPECS[spec];
    const name = xml(`[It] ${specName(mode, spec)}`);
    if (s.onlyFor && s.onlyFor !== mode) {
      skipped++;
      cases.push(
        `      <testcase name="${name}" classname="${SUITE}" status="skipped" time="0.0004">\n` +
          `          <skipped message="skipped - ${s.skip}"></skipped>\n      </testcase>`,
      );
      continue;
    }
    if (failure?.spec === spec) {
      total += failure.seconds;
      const at = stamp(t0 + total * 1000);
      const text = `[FAILED] ${failure.message}\nIn [It] at: ${failure.location} @ ${at}\n`;
      cases.push(
        `      <testcase name="${name}" classname="${SUITE}" status="failed" time="${failure.seconds}">\n` +
          `          <failure message="${xml(failure.message)}" type="failed">${xml(text)}</failure>\n` +
          `          <system-err>${xml(`> Enter [It] ${s.text.split(' ').slice(-4).join(' ')} - ${SERIAL}/ptp.go:${s.line} @ ${stamp(t0 + (total - failure.seconds) * 1000)}\n[FAILED] in [It] - ${failure.location} @ ${at}\n< Exit [It] - ${SERIAL}/ptp.go:${s.line} @ ${at} (${failure.seconds.toFixed(0)}s)`)}</system-err>\n` +
          `      </testcase>`,
      );
      continue;
    }
    const seconds = spec === 'daemonset' ? 2.114 : spec === 'phc2sys-restart' ? 41.207 : 96.55;
    total += seconds;
    cases.push(
      `      <testcase name="${name}" classname="${SUITE}" status="passed" time="${seconds}"></testcase>`,
    );
  }
  const failures = failure ? 1 : 0;
  const tests = ORDER.length + 1;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `  <testsuites tests="${tests}" disabled="0" errors="0" failures="${failures}" time="${total.toFixed(3)}">\n` +
    `    <testsuite name="${SUITE}" package="${SERIAL}" tests="${tests}" disabled="0" skipped="${skipped}" errors="0" failures="${failures}" time="${total.toFixed(3)}" timestamp="${run.start.slice(0, 19)}">\n` +
    `      <properties>\n` +
    `          <property name="SuiteSucceeded" value="${!failure}"></property>\n` +
    `          <property name="RandomSeed" value="${run.seed}"></property>\n` +
    `      </properties>\n` +
    `${cases.join('\n')}\n` +
    `    </testsuite>\n` +
    `  </testsuites>\n`
  );
}

// ── logs ────────────────────────────────────────────────────────────────────────────────────────

/** GitHub's log line prefix: ISO time with 7 fractional digits. A number in `texts` moves the clock there. */
function lines(startMs: number, texts: (string | number)[], stepMs = 137): string {
  let at = startMs;
  const out: string[] = [];
  for (const text of texts) {
    if (typeof text === 'number') {
      at = text;
      continue;
    }
    for (const line of text.split('\n')) {
      out.push(`${new Date(at).toISOString().replace('Z', '0000Z')} ${line}`);
      at += stepMs;
    }
  }
  return `${out.join('\n')}\n`;
}

function jobLog(run: NetdevsimRun, modeRun: ModeRun): string {
  const { mode, failure } = modeRun;
  if (!failure) throw new Error('jobLog: only failed jobs have logs here');
  const t0 = Date.parse(run.start);
  const failedName = specName(mode, failure.spec);
  const ran = ORDER.filter((spec) => !SPECS[spec].onlyFor || SPECS[spec].onlyFor === mode);
  const body: (string | number)[] = [
    '##[group]Run scripts/run-on-vm.sh --dkms --tests',
    'scripts/run-on-vm.sh --dkms --tests',
    'shell: /usr/bin/bash -e {0}',
    'env:',
    `  PTP_TEST_MODE: ${mode}`,
    '##[endgroup]',
    `+ ssh -o StrictHostKeyChecking=no runner@192.168.122.10 'cd ptp-operator && PTP_TEST_MODE=${mode} scripts/run-tests.sh --kind serial'`,
    `Running Suite: ${SUITE} - ${SERIAL}`,
    '=========================================================================================================',
    `Random Seed: ${run.seed}`,
    '',
    `Will run ${ran.length} of ${ORDER.length} specs`,
  ];
  let clock = t0 + 2000;
  for (const spec of ran) {
    const name = specName(mode, spec);
    body.push(clock, `▶ START ${name}`);
    if (spec !== failure.spec) {
      clock += spec === 'daemonset' ? 2114 : spec === 'phc2sys-restart' ? 41207 : 96550;
      body.push(clock, `■ DONE ${name}  PASSED`);
      continue;
    }
    const started = clock;
    if (spec === 'bcha-failover') {
      body.push(
        `INFO   [${syslog(started + 4000)}][ptp.go: 70] Turning interface: ens2f0 in pod ${run.pod} down`,
        started + 9000,
        `STEP: Verifying phc2sys switches to a different interface - ${SERIAL}/ptp.go:74 @ ${stamp(started + 9000)}`,
      );
    } else {
      // The WaitForPtpMetrics call of the spec (ptp.go).
      const waitLine = spec === 'dual-follower' ? 56 : 45;
      body.push(
        `STEP: Waiting for a follower port of test-slave1 to be SLAVE and LOCKED - ${SERIAL}/ptp.go:${waitLine} @ ${stamp(started + 1000)}`,
      );
    }
    // --flake-attempts=2: the spec runs twice and fails both times.
    const first = started + failure.seconds * 1000;
    const second = first + failure.seconds * 1000;
    body.push(first, `[FAILED] ${failure.message}`, `In [It] at: ${failure.location} @ ${stamp(first)}`);
    body.push(
      `Attempt #1 Failed.  Retrying ↺ @ ${stamp(first)}`,
      second,
      `[FAILED] ${failure.message.split('\n')[0]}`,
    );
    body.push(`In [It] at: ${failure.location} @ ${stamp(second)}`, `■ DONE ${name}  FAILED`);
    clock = second + 500;
  }
  const seconds = (clock - t0) / 1000;
  body.push(
    '',
    'Summarizing 1 Failure:',
    `  [FAIL] ${failedName}`,
    `  ${failure.location}`,
    '',
    `Ran ${ran.length} of ${ORDER.length} Specs in ${seconds.toFixed(3)} seconds`,
    `FAIL! -- ${ran.length - 1} Passed | 1 Failed | 0 Pending | ${ORDER.length - ran.length} Skipped`,
    `--- FAIL: TestTest (${seconds.toFixed(2)}s)`,
    'FAIL',
    '',
    `Ginkgo ran 1 suite in ${Math.floor(seconds / 60)}m${((seconds % 60) + 3.1).toFixed(3)}s`,
    'Test Suite Failed',
    '##[error]Process completed with exit code 1.',
  );
  return lines(t0, body);
}

function operatorLog(run: NetdevsimRun): string {
  const t0 = Date.parse(run.start) - 600_000;
  return [
    `${klog(t0)} 1 main.go:112] starting ptp-operator, version 4.20.0-netdevsim`,
    `${klog(t0 + 1200)} 1 ptpoperatorconfig_controller.go:87] Reconciling PtpOperatorConfig default`,
    `${klog(t0 + 1900)} 1 ptpoperatorconfig_controller.go:161] linuxptp-daemon daemonset synced (image quay.io/redhat-cne/linuxptp-daemon:netdevsim)`,
    `${klog(t0 + 60_400)} 1 ptpconfig_controller.go:95] Reconciling PtpConfig test-slave1`,
    `${klog(t0 + 60_900)} 1 ptpconfig_controller.go:214] node profile for ${NODE} updated: [test-slave1]`,
    '',
  ].join('\n');
}

function daemonLog(run: NetdevsimRun, modeRun: ModeRun): string {
  const t0 = Date.parse(run.start);
  const mono = 41230 + Math.round((t0 / 1000) % 997);
  const out = [
    `${klog(t0 - 5000)} 3201 daemon.go:53] in applyNodePTPProfiles`,
    `${klog(t0 - 4800)} 3201 daemon.go:86] profile test-slave1: interfaces [ens2f0 ens2f1]`,
    `ptp4l[${mono}.112]: [ptp4l.0.config:5] port 1 (ens2f0): INITIALIZING to LISTENING on INIT_COMPLETE`,
    `ptp4l[${mono}.113]: [ptp4l.0.config:5] port 2 (ens2f1): INITIALIZING to LISTENING on INIT_COMPLETE`,
  ];
  const stuck = modeRun.failure && modeRun.failure.spec !== 'bcha-failover';
  if (stuck) {
    out.push(
      `ptp4l[${mono + 8}.530]: [ptp4l.0.config:5] port 2 (ens2f1): LISTENING to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)`,
    );
    for (let i = 0; i < 4; i++)
      out.push(
        `ptp4l[${mono + 20 + i * 30}.001]: [ptp4l.0.config:6] port 1 (ens2f0): announce timeout, still LISTENING`,
      );
  } else {
    out.push(
      `ptp4l[${mono + 6}.204]: [ptp4l.0.config:5] port 1 (ens2f0): LISTENING to UNCALIBRATED on RS_SLAVE`,
      `ptp4l[${mono + 8}.204]: [ptp4l.0.config:5] port 1 (ens2f0): UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED`,
      `ptp4l[${mono + 9}.305]: [ptp4l.0.config:6] master offset        -12 s2 freq      +3 path delay      1587`,
      `phc2sys[${mono + 10}.600]: [phc2sys.1.config:6] CLOCK_REALTIME phc offset         5 s2 freq   -1234 delay    512`,
    );
  }
  if (modeRun.failure?.spec === 'bcha-failover') {
    out.push(
      `phc2sys[${mono + 12}.717]: [phc2sys.2.config:6] selecting ens2f0 as out-of-domain source clock`,
      `ptp4l[${mono + 15}.002]: [ptp4l.0.config:5] port 1 (ens2f0): SLAVE to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)`,
      `phc2sys[${mono + 16}.118]: [phc2sys.2.config:6] port ens2f0 fault detected, waiting for HA failover`,
    );
  }
  return out.join('\n') + '\n';
}

function unitTestLog(): string {
  const t0 = Date.parse('2026-08-11T09:34:02Z');
  const src = '/home/runner/work/linuxptp-daemon/linuxptp-daemon';
  return lines(t0, [
    '##[group]Run make test',
    'make test',
    'shell: /usr/bin/bash -e {0}',
    '##[endgroup]',
    'SKIP_GNSS_MONITORING=1 hack/unit-test.sh',
    'go test ./... --tags=unittests -coverprofile=cover.out',
    'ok  \tgithub.com/k8snetworkplumbingwg/linuxptp-daemon/pkg/config\t0.041s\tcoverage: 71.2% of statements',
    '=== RUN   TestApplyNodePtpProfiles',
    'I0811 09:34:09.114203   18342 daemon.go:53] in applyNodePTPProfiles',
    'I0811 09:34:09.114288   18342 daemon.go:86] profile bc: interfaces [ens1f0 ens1f1]',
    '--- FAIL: TestApplyNodePtpProfiles (0.00s)',
    'panic: runtime error: invalid memory address or nil pointer dereference [recovered]',
    '\tpanic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x8c1f3e]',
    '',
    'goroutine 23 [running]:',
    'testing.tRunner.func1.2({0x9a4ee0, 0xe1b5a0})',
    '\t/opt/hostedtoolcache/go/1.24.6/x64/src/testing/testing.go:1734 +0x21c',
    'panic({0x9a4ee0?, 0xe1b5a0?})',
    '\t/opt/hostedtoolcache/go/1.24.6/x64/src/runtime/panic.go:792 +0x132',
    'github.com/k8snetworkplumbingwg/linuxptp-daemon/pkg/daemon.(*Daemon).addProfileConfig(0xc0001b2000, {0xc00001e2a0, 0x3}, 0xc0001a4140)',
    `\t${src}/pkg/daemon/daemon.go:85 +0x5e`,
    'github.com/k8snetworkplumbingwg/linuxptp-daemon/pkg/daemon.(*Daemon).applyNodePtpProfile(0xc0001b2000, 0x1, 0xc0001a4140)',
    `\t${src}/pkg/daemon/daemon.go:71 +0x8d`,
    'github.com/k8snetworkplumbingwg/linuxptp-daemon/pkg/daemon.(*Daemon).applyNodePTPProfiles(0xc0001b2000, {0xc0001a4000, 0x2, 0x2})',
    `\t${src}/pkg/daemon/daemon.go:59 +0x1a5`,
    'github.com/k8snetworkplumbingwg/linuxptp-daemon/pkg/daemon.TestApplyNodePtpProfiles(0xc000183880)',
    `\t${src}/pkg/daemon/daemon_test.go:20 +0x2f1`,
    'testing.tRunner(0xc000183880, 0xa0c1a8)',
    '\t/opt/hostedtoolcache/go/1.24.6/x64/src/testing/testing.go:1792 +0xf4',
    'FAIL\tgithub.com/k8snetworkplumbingwg/linuxptp-daemon/pkg/daemon\t0.052s',
    'FAIL',
    'make: *** [Makefile:71: test] Error 1',
    '##[error]Process completed with exit code 2.',
  ]);
}

// ── small helpers ───────────────────────────────────────────────────────────────────────────────

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Ginkgo's `@ 08/09/26 02:42:40.892`. */
function stamp(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}
/** The test logger's `Aug  9 02:41:35.293`. */
function syslog(ms: number): string {
  const d = new Date(ms);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}
/** klog's `I0809 02:41:35.293114`. */
function klog(ms: number): string {
  const d = new Date(ms);
  return `I${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}114`;
}
function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\n', '&#xA;');
}
