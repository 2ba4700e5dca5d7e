import { describe, expect, it } from 'vitest';
import { builtinRules } from './builtin-rules';
import { createClassifier } from './classifier';
import { ruleSchema } from './rule-schema';

/**
 * One real or realistic line per built-in rule. Each must be classified by THAT rule with the
 * whole built-in list in place, so the table also checks the order (no earlier rule steals it).
 */
const EXAMPLES: Record<string, { line: string; mode?: string | null }[]> = {
  'go-data-race': [{ line: '==================\nWARNING: DATA RACE' }],
  'go-concurrent-map': [{ line: 'fatal error: concurrent map writes', mode: 'concurrent map writes' }],
  'go-test-timeout': [{ line: 'panic: test timed out after 10m0s' }],
  'go-nil-pointer': [{ line: 'panic: runtime error: invalid memory address or nil pointer dereference' }],
  'go-index-out-of-range': [{ line: 'panic: runtime error: index out of range [1] with length 1' }],
  'go-slice-bounds': [{ line: 'panic: runtime error: slice bounds out of range [-1:]' }],
  'out-of-memory': [
    { line: '    Last State:     Terminated\n      Reason:       OOMKilled' },
    { line: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' },
  ],
  'crash-loop-backoff': [
    { line: 'linuxptp-daemon-container stuck in CrashLoopBackOff upon deployment on GM config' },
  ],
  segfault: [{ line: '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1198e56]' }],
  'go-panic': [
    {
      line: 'panic: semaphore: released more than held',
      mode: 'Go panic: semaphore: released more than held',
    },
  ],
  'ginkgo-panicked': [{ line: '  [PANICKED] Test Panicked' }],
  'gha-runner-lost': [
    {
      line: 'The self-hosted runner: ci-runner-7 lost communication with the server. Verify the machine is running.',
    },
  ],
  'gha-runner-shutdown': [
    {
      line: '##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped.',
    },
  ],
  'gha-action-timeout': [
    { line: "2026-07-08T01:02:03.1234567Z ##[error]The action 'Run e2e' has timed out after 90 minutes." },
  ],
  'gha-job-max-time': [
    {
      line: 'The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.',
    },
  ],
  'gha-cancelled': [{ line: '##[error]The operation was canceled.' }],
  'disk-full': [
    {
      line: 'write /var/lib/containers/storage/overlay/l/ABC: no space left on device'.replace(
        'no space',
        'No space',
      ),
    },
  ],
  'image-manifest-unknown': [
    {
      line: 'Error: creating build container: registry.ci.openshift.org/ocp/builder:rhel-9-golang-1.22-openshift-4.18: manifest unknown',
    },
  ],
  'image-pull-rate-limit': [{ line: 'toomanyrequests: You have reached your pull rate limit.' }],
  'image-pull-failed': [
    { line: 'ptp-operator-7dff4cdf56-k44jf   0/1   ImagePullBackOff   0   12m' },
    { line: 'Warning  Failed  kubelet  Error: ErrImagePull' },
  ],
  'k8s-watch-unauthorized': [
    {
      line: 'E0604 08:53:36.902658    5528 reflector.go:205] "Failed to watch" err="failed to list *unstructured.Unstructured: Unauthorized" reflector="k8s.io/client-go/tools/watch/informerwatcher.go:162"',
    },
  ],
  'prow-step-timeout': [
    {
      line: '{"component":"entrypoint","file":"sigs.k8s.io/prow/pkg/entrypoint/run.go:169","level":"error","msg":"Process did not finish before 3h45m0s timeout","severity":"error"}',
    },
  ],
  'k8s-credentials-rejected': [
    {
      line: 'error: You must be logged in to the server (the server has asked for the client to provide credentials)',
    },
    { line: 'error getting cluster version: Unauthorized' },
  ],
  'k8s-forbidden': [
    {
      line: 'Error from server (Forbidden): pods is forbidden: User "system:anonymous" cannot list resource "pods"',
    },
  ],
  'go-module-download': [
    {
      line: 'go: github.com/onsi/ginkgo/v2@v2.28.1: Get "https://proxy.golang.org/github.com/onsi/ginkgo/v2/@v/v2.28.1.mod": dial tcp: i/o timeout',
    },
  ],
  'kind-create-cluster': [
    {
      line: 'ERROR: failed to create cluster: failed to init node with kubeadm: command "docker exec" failed',
    },
  ],
  'tls-certificate': [{ line: 'Get "https://ghcr.io/v2/": x509: certificate signed by unknown authority' }],
  'tls-handshake-timeout': [{ line: 'Get "https://quay.io/v2/": net/http: TLS handshake timeout' }],
  'admission-webhook': [
    {
      line: 'Error from server (InternalError): Internal error occurred: failed calling webhook "vptpconfig.kb.io": tls: bad certificate',
      mode: 'admission webhook vptpconfig.kb.io could not be called',
    },
  ],
  'dns-failure': [{ line: 'dial tcp: lookup proxy.golang.org on 10.96.0.10:53: no such host' }],
  'connection-refused': [
    {
      line: 'Get "https://10.8.34.117:6443/api?timeout=32s": dial tcp 10.8.34.117:6443: connect: connection refused',
    },
    { line: 'curl: (7) Failed to connect to localhost port 9091: Connection refused' },
  ],
  'connection-reset': [{ line: 'read tcp 10.0.0.2:443: read: connection reset by peer' }],
  'io-timeout': [
    { line: 'E0418 22:40:28.559220    4744 main.go:84] failed: dial tcp 172.30.0.1:443: i/o timeout' },
  ],
  'http-upstream-error': [
    {
      line: 'received unexpected HTTP status: 503 Service Unavailable',
      mode: 'upstream HTTP error (503 Service Unavailable)',
    },
  ],
  'ginkgo-timedout': [{ line: '• [TIMEDOUT] [600.002 seconds]' }],
  'gomega-eventually-timeout': [{ line: '  [FAILED] Timed out after 300.528s.' }],
  'context-deadline-exceeded': [{ line: 'error reading from stream: context deadline exceeded' }],
  'k8s-wait-timeout': [
    { line: 'error: gather did not start for pod must-gather-xnv2k: timed out waiting for the condition' },
  ],
  'jest-timeout': [{ line: 'thrown: "Exceeded timeout of 5000 ms for a test.' }],
  'go-compile-error': [{ line: 'pkg/daemon/daemon.go:210:3: undefined: addProfileConfig' }],
  'go-build-failed': [
    { line: 'FAIL\tgithub.com/k8snetworkplumbingwg/linuxptp-daemon/pkg/daemon [build failed]' },
  ],
  'ts-compile-error': [
    { line: "src/index.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'." },
  ],
  'container-build-failed': [
    {
      line: 'ERROR: failed to solve: process "/bin/sh -c make build" did not complete successfully: exit code: 2',
    },
  ],
  'npm-error-code': [{ line: 'npm ERR! code ERESOLVE', mode: 'npm error ERESOLVE' }],
  'make-error': [{ line: 'make: *** [Makefile:122: docker-build] Error 125' }],
  'testify-assertion': [
    { line: '        \tError Trace:\tdaemon_test.go:42' },
    { line: '        \tError:      \tNot equal: ' },
  ],
  'gomega-assertion': [{ line: '  Expected' }, { line: 'Unexpected error:' }],
  'ginkgo-failed': [{ line: '  [FAILED] no ptp-operator pods found' }],
  'go-test-fail': [{ line: '--- FAIL: TestParseOffset (0.00s)' }],
  'python-assertion': [{ line: 'E       AssertionError: assert 1 == 2' }],
  'jest-expect': [{ line: '    expect(received).toBe(expected) // Object.is equality' }],
  'ci-operator-job-state': [
    {
      line: "INFO[2026-06-12T12:31:00Z] Reporting job state 'failed' with reason 'executing_graph:step_failed:importing_release'",
    },
  ],
  'prow-step-exit': [
    { line: 'error: failed to execute wrapped command: exit status 1', mode: 'CI step exited with status 1' },
  ],
  'prow-pod-failed': [
    {
      line: '"e2e-telco5g-ptp" pod "e2e-telco5g-ptp-telco5g-ptp-tests" failed: could not watch pod: the pod ci-op-h7f93jyz/e2e-telco5g-ptp-telco5g-ptp-tests failed after 2h26m33s (failed containers: test): ContainerFailed one or more containers exited',
    },
  ],
  'container-exit-code': [
    { line: 'Container test exited with code 1, reason Error', mode: 'container exited with code 1' },
  ],
  'gha-process-exit': [
    { line: '##[error]Process completed with exit code 2.', mode: 'process exited with code 2' },
  ],
};

describe('builtinRules', () => {
  const classifier = createClassifier(builtinRules);

  it('passes the rule schema (createClassifier trusts the built-in rules without checking)', () => {
    for (const rule of builtinRules) {
      const parsed = ruleSchema.safeParse(rule);
      expect(parsed.error?.issues ?? [], rule.id).toEqual([]);
    }
    expect(new Set(builtinRules.map((r) => r.id)).size).toBe(builtinRules.length);
    expect(
      builtinRules.every(
        (r) => Object.isFrozen(r) && (r.keywords === undefined || Object.isFrozen(r.keywords)),
      ),
    ).toBe(true);
  });

  it('has an example for every rule, and every rule can be prefiltered', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(builtinRules.map((r) => r.id).sort());
    expect(classifier.unfilteredRules).toEqual([]);
  });

  for (const rule of builtinRules) {
    for (const example of EXAMPLES[rule.id] ?? []) {
      it(`${rule.id}: ${example.line.slice(0, 70)}`, () => {
        const c = classifier.classifyText(example.line);
        expect(c.rule).toBe(rule.id);
        expect(c.category).toBe(rule.category);
        if (example.mode !== undefined) expect(c.mode).toBe(example.mode);
        else expect(c.mode).toEqual(rule.mode === undefined ? null : expect.any(String));
      });
    }
  }

  it('leaves ordinary PTP daemon and Ginkgo progress output unclassified', () => {
    for (const line of [
      'ptp4l[365195.391]: [ptp4l.0.config] master offset         -1 s2 freq   -3972 path delay        89',
      'phc2sys[4268818.286]: [ptp4l.0.config] CLOCK_REALTIME phc offset       -62 s0 freq  -78368 delay   1100',
      'I0908 10:12:06.573427  624338 daemon.go:928] ptp4l[1757326326]:[ptp4l.0.config] PTP_PROCESS_STATUS:1',
      '• [12.345 seconds] [It] [oc-serial] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]',
      'Ran 9 of 138 Specs in 376.831 seconds',
      'The expected offset is within bounds',
    ]) {
      expect(classifier.matchLine(line), line).toBeNull();
    }
  });
});
