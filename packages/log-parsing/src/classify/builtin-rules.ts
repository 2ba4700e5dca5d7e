import type { Rule } from './rule';
import { markValidated } from './validated-rules';

/**
 * Generic rules every profile gets, AFTER its own. Ordered from root causes to symptoms: a panic
 * or OOM beats the timeout it caused, a specific network error beats the step timeout, and the
 * job-level wrappers ("step exited 1") come last because they only say that something failed.
 *
 * A `mode` is given only where the rule itself names the failure mode; generic rules without one
 * (timeouts, compile errors, assertions) leave grouping to the normalised message.
 */
export const builtinRules: readonly Rule[] = Object.freeze([
  // ── crashes and races ─────────────────────────────────────────────────────────────────────
  {
    id: 'go-data-race',
    category: 'race',
    kind: 'test',
    pattern: 'WARNING: DATA RACE',
    mode: 'Go data race detected',
  },
  {
    id: 'go-concurrent-map',
    category: 'race',
    pattern: 'fatal error: concurrent map (read and map write|writes|iteration and map write)',
    mode: 'concurrent map $1',
  },
  {
    id: 'go-test-timeout',
    category: 'timing',
    kind: 'test',
    pattern: 'panic: test timed out after \\S+',
    mode: 'go test binary timed out',
  },
  {
    id: 'go-nil-pointer',
    category: 'crash',
    pattern: 'invalid memory address or nil pointer dereference',
    mode: 'nil pointer dereference',
  },
  {
    id: 'go-index-out-of-range',
    category: 'crash',
    pattern: 'index out of range \\[-?\\d+\\](?: with length \\d+)?',
    mode: 'index out of range',
  },
  {
    id: 'go-slice-bounds',
    category: 'crash',
    pattern: 'slice bounds out of range',
    mode: 'slice bounds out of range',
  },
  {
    id: 'out-of-memory',
    category: 'crash',
    kind: 'infra',
    pattern:
      '\\bOOMKilled\\b|Out of memory: Killed? process|fatal error: runtime: out of memory|JavaScript heap out of memory|Cannot allocate memory',
    mode: 'out of memory',
  },
  {
    id: 'crash-loop-backoff',
    category: 'crash',
    pattern: 'CrashLoopBackOff',
    mode: 'container in CrashLoopBackOff',
  },
  { id: 'segfault', category: 'crash', pattern: 'SIGSEGV|[Ss]egmentation fault', mode: 'segmentation fault' },
  { id: 'go-panic', category: 'crash', pattern: '\\bpanic: (.+)', mode: 'Go panic: $1' },
  { id: 'ginkgo-panicked', category: 'crash', kind: 'test', pattern: '\\[PANICKED\\]|Test Panicked' },

  // ── CI platform and infrastructure ────────────────────────────────────────────────────────
  {
    id: 'gha-runner-lost',
    category: 'infra',
    kind: 'infra',
    pattern: 'lost communication with the server',
    mode: 'runner lost communication with the server',
  },
  {
    id: 'gha-runner-shutdown',
    category: 'infra',
    kind: 'infra',
    pattern: 'The runner has received a shutdown signal',
    mode: 'runner received a shutdown signal',
  },
  {
    id: 'gha-action-timeout',
    category: 'infra',
    kind: 'job',
    pattern: "The action '?(.*?)'? has timed out after \\d+ minutes",
    mode: 'GitHub Actions step timed out',
  },
  {
    id: 'gha-job-max-time',
    category: 'infra',
    kind: 'job',
    pattern: 'has exceeded the maximum execution time of \\d+ minutes',
    mode: 'GitHub Actions job exceeded its maximum execution time',
  },
  {
    id: 'gha-cancelled',
    category: 'infra',
    kind: 'job',
    pattern: 'The operation was canceled\\.',
    mode: 'job was cancelled',
  },
  {
    id: 'disk-full',
    category: 'infra',
    kind: 'infra',
    pattern: 'No space left on device|\\bENOSPC\\b',
    mode: 'no space left on device',
  },
  {
    id: 'image-manifest-unknown',
    category: 'infra',
    kind: 'infra',
    pattern: 'manifest unknown|manifest for \\S+ not found|: image not known',
    mode: 'container image does not exist (manifest unknown)',
  },
  {
    id: 'image-pull-rate-limit',
    category: 'infra',
    kind: 'infra',
    pattern: 'toomanyrequests|pull rate limit',
    mode: 'container registry rate limit',
  },
  {
    id: 'image-pull-failed',
    category: 'infra',
    kind: 'infra',
    pattern:
      'ImagePullBackOff|ErrImagePull|trying and failing to pull image|pull access denied|[Ff]ailed to pull image|Back-off pulling image',
    mode: 'container image could not be pulled',
  },
  {
    // The client's token stopped working mid-watch: the cluster went away or rotated credentials.
    // Ranked above the step timeout because the stuck watch is what made the step time out.
    id: 'k8s-watch-unauthorized',
    category: 'infra',
    kind: 'infra',
    pattern: 'Failed to watch.{0,300}\\bUnauthorized\\b',
    mode: 'API watch rejected: Unauthorized (cluster credentials no longer valid)',
  },
  {
    id: 'prow-step-timeout',
    category: 'infra',
    kind: 'job',
    pattern: 'Process did not finish before \\S+ timeout',
    mode: 'CI step timed out (Prow entrypoint)',
  },
  {
    id: 'k8s-credentials-rejected',
    category: 'infra',
    kind: 'infra',
    pattern:
      'the server has asked for the client to provide credentials|You must be logged in to the server|\\bUnauthorized\\b',
    mode: 'API credentials rejected (Unauthorized)',
  },
  {
    id: 'k8s-forbidden',
    category: 'config',
    pattern: 'Error from server \\(Forbidden\\)|is forbidden: User "[^"]*" cannot',
  },
  {
    id: 'go-module-download',
    category: 'infra',
    kind: 'build',
    pattern:
      '\\bgo: (?:downloading \\S+ \\S+|[\\w./-]+@[\\w.+-]+): .*(?:reading https?://|Get "?https?://|dial tcp|unexpected EOF|connection reset|i/o timeout|TLS handshake timeout|40[34] Not Found|410 Gone|unknown revision|invalid version|checksum mismatch)',
    keywords: ['go: '],
    mode: 'go module download failed',
  },
  {
    id: 'kind-create-cluster',
    category: 'infra',
    kind: 'setup',
    pattern: 'ERROR: failed to create cluster: ',
    mode: 'kind cluster creation failed',
  },
  {
    id: 'tls-certificate',
    category: 'infra',
    kind: 'infra',
    pattern:
      'x509: certificate (?:signed by unknown authority|has expired or is not yet valid|is valid for|is not valid for)|tls: failed to verify certificate|certificate verify failed',
    mode: 'TLS certificate verification failed',
  },
  {
    id: 'tls-handshake-timeout',
    category: 'infra',
    kind: 'infra',
    pattern: 'TLS handshake timeout',
    mode: 'TLS handshake timeout',
  },
  {
    id: 'admission-webhook',
    category: 'config',
    kind: 'setup',
    pattern: 'failed calling webhook "([^"]+)"',
    mode: 'admission webhook $1 could not be called',
  },
  {
    id: 'dns-failure',
    category: 'infra',
    kind: 'infra',
    pattern:
      'no such host|Temporary failure in name resolution|Could not resolve host|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|server misbehaving|Name or service not known',
    mode: 'DNS lookup failed',
  },
  {
    id: 'connection-refused',
    category: 'infra',
    kind: 'infra',
    pattern: '[Cc]onnection refused|\\bECONNREFUSED\\b',
    mode: 'connection refused',
  },
  {
    id: 'connection-reset',
    category: 'infra',
    kind: 'infra',
    pattern: 'connection reset by peer|\\bECONNRESET\\b',
    mode: 'connection reset by peer',
  },
  { id: 'io-timeout', category: 'infra', kind: 'infra', pattern: 'i/o timeout', mode: 'network i/o timeout' },
  {
    id: 'http-upstream-error',
    category: 'infra',
    kind: 'infra',
    pattern: '\\b(502 Bad Gateway|503 Service Unavailable|504 Gateway Time-?out)\\b',
    mode: 'upstream HTTP error ($1)',
  },

  // ── timeouts (symptoms: the message decides the group) ─────────────────────────────────────
  {
    id: 'ginkgo-timedout',
    category: 'timing',
    kind: 'test',
    pattern: '\\[TIMEDOUT\\]|A suite timeout occurred|Ginkgo timed out waiting',
  },
  {
    id: 'gomega-eventually-timeout',
    category: 'timing',
    kind: 'test',
    pattern: 'Timed out after \\d+(?:\\.\\d+)?s\\.',
  },
  { id: 'context-deadline-exceeded', category: 'timing', pattern: 'context deadline exceeded' },
  { id: 'k8s-wait-timeout', category: 'timing', pattern: 'timed out waiting for the condition' },
  {
    id: 'jest-timeout',
    category: 'timing',
    kind: 'test',
    pattern: 'Exceeded timeout of \\d+ ?ms for a (?:test|hook)',
  },

  // ── build ─────────────────────────────────────────────────────────────────────────────────
  {
    id: 'go-compile-error',
    category: 'build',
    kind: 'build',
    pattern:
      '\\.go:\\d+:\\d+: (?:undefined: |syntax error|cannot use |declared and not used|.*imported and not used|too many arguments|not enough arguments|missing return|invalid operation|cannot find package|no required module provides package|could not import)',
  },
  {
    id: 'go-build-failed',
    category: 'build',
    kind: 'build',
    pattern: '\\[build failed\\]|\\[setup failed\\]',
  },
  { id: 'ts-compile-error', category: 'build', kind: 'build', pattern: 'error TS\\d+: ' },
  {
    id: 'container-build-failed',
    category: 'build',
    kind: 'build',
    pattern: 'failed to solve: |executor failed running|Error: building at STEP|error building image',
  },
  {
    id: 'npm-error-code',
    category: 'build',
    kind: 'build',
    pattern: 'npm (?:ERR!|error) code (E[A-Z0-9]+)',
    // The derived literal would be " code ": short and space-led, it slows the block scan's
    // regex for short literals by a third (classify/block-prefilter.ts).
    keywords: ['npm ERR! code ', 'npm error code '],
    mode: 'npm error $1',
  },
  {
    id: 'make-error',
    category: 'build',
    kind: 'build',
    pattern: 'make(?:\\[\\d+\\])?: \\*\\*\\* \\[[^\\]]*\\] Error \\d+',
  },

  // ── assertions ────────────────────────────────────────────────────────────────────────────
  {
    id: 'testify-assertion',
    category: 'assertion',
    kind: 'test',
    pattern:
      'Error Trace:|Error:\\s+(?:Not equal|Should (?:not )?(?:be|contain|have)|Received unexpected error|Expected)',
    // Derived literals would include "Should ", common in spec names; testify always prints these.
    keywords: ['Error Trace:', 'Error:'],
  },
  {
    id: 'gomega-assertion',
    category: 'assertion',
    kind: 'test',
    pattern: '(?:^|\\s)(?:Expected|Unexpected error:)\\s*$',
  },
  { id: 'ginkgo-failed', category: 'assertion', kind: 'test', pattern: '\\[FAILED\\] \\S' },
  { id: 'go-test-fail', category: 'assertion', kind: 'test', pattern: '--- FAIL: \\S+' },
  {
    id: 'python-assertion',
    category: 'assertion',
    kind: 'test',
    pattern: '\\bAssertionError\\b|^E\\s+assert ',
  },
  { id: 'jest-expect', category: 'assertion', kind: 'test', pattern: 'expect\\(received\\)\\.' },

  // ── job-level wrappers: only say that a step failed ───────────────────────────────────────
  {
    id: 'ci-operator-job-state',
    category: 'unknown',
    kind: 'job',
    pattern: "Reporting job state '(?:failed|error)' with reason '([^']+)'",
    mode: 'ci-operator: $1',
  },
  {
    id: 'prow-step-exit',
    category: 'unknown',
    kind: 'job',
    pattern:
      'wrapped process failed: exit status (\\d+)|failed to execute wrapped command: exit status (\\d+)',
    mode: 'CI step exited with status $1$2',
  },
  {
    id: 'prow-pod-failed',
    category: 'unknown',
    kind: 'job',
    pattern: 'failed: could not watch pod: the pod \\S+ failed after',
    mode: 'CI step pod failed',
  },
  {
    id: 'container-exit-code',
    category: 'unknown',
    kind: 'job',
    pattern: 'Container \\S+ exited with code (\\d+)',
    mode: 'container exited with code $1',
  },
  {
    id: 'gha-process-exit',
    category: 'unknown',
    kind: 'job',
    pattern: '##\\[error\\]Process completed with exit code (\\d+)',
    mode: 'process exited with code $1',
  },
] satisfies Rule[]);

// Frozen and recorded as valid without running the schema at start-up (validated-rules.ts):
// builtin-rules.test.ts checks every one against it.
for (const rule of builtinRules) markValidated(rule);
