import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE } from './__fixtures__/fake-secrets';
import { redactSecrets } from './redact-secrets';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/log-lines/', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../../shared/data/ptp-excerpts/', import.meta.url));

/** Ordinary log text that mentions secrets-ish words or looks random but holds no secret. */
const ORDINARY = [
  'Failed to get token: context deadline exceeded',
  'error: You must be logged in to the server (the server has asked for the client to provide credentials)',
  'invalid password: authentication failed',
  'the token was rotated; see https://github.com/o/r',
  'secret: ptp-tls',
  'volumes:\n  - name: certs\n    secret:\n      secretName: ptp-operator-cert',
  'skipped directory "telco5gci" when creating secret from directory "/tmp/secret"',
  'commit 3f2a9c1b8e7d6f5a4b3c2d1e0f9a8b7c6d5e4f3a',
  'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  'pod uid 123e4567-e89b-12d3-a456-426614174000 restarted',
  'PWD=/home/runner/work/ptp-operator/ptp-operator',
  'Authorization failed for user admin',
  'authorization: denied',
  'token_type: Bearer',
  'Bearer token expired, refreshing',
  'ssh://git@github.com/k8snetworkplumbingwg/ptp-operator.git',
  'https://prow.ci.openshift.org/view/gs/test-platform-results/logs/periodic-ci/2074645116424818688',
  'ptp4l[5196819.100]: [ptp4l.0.config] CLOCK_CLASS_CHANGE:248',
  'E0604 08:53:36.902658    5528 reflector.go:205] "Failed to watch" err="Unauthorized"',
  '<*errors.errorString | 0xc00064ec10>: context deadline exceeded',
  'key=value pairs: node=master1 iface=ens1f0 offset=-12',
  'access token for the registry is missing',
  'apiKey: ""',
  'password_length=12',
  'echo "-----BEGIN CERTIFICATE-----"',
  // Prefixes that match glued to a word only in their distinctive shapes.
  'THE_ASIA_PACIFIC_REGION_CONFIG=1',
  'regionASIAPACIFIC_SOUTHEAST',
  'disk_test_abcdefghijklmnopqrst passed',
  'deployment myxapp-controller-deployment-7d9f8 ready',
  'task-ant-deployment-abcdef scaled',
  'ask-proj-abcdefghijklmnopqrstuvwxyz',
  'npm_config_cache=/home/runner/.npm',
  'password: \x1b[31minvalid\x1b[0m',
  '\x1b[1mtoken\x1b[0m refresh failed: context deadline exceeded',
  '&quot;password&quot;: &quot;&quot;',
  '{\\"token\\":\\"$GITHUB_TOKEN\\"}',
];

/** Near misses built from the fake key, so no key-shaped literal sits in the source. */
const NEAR_MISSES = [
  // Inside an upper-case word or digits: not a key's start.
  `X${FAKE.awsAccessKey}`,
  `9${FAKE.awsAccessKey}`,
  // One character too long.
  `${FAKE.awsAccessKey}Q`,
  // GitHub prefix with too short a body.
  `GH_TOKEN_${FAKE.githubClassic.slice(0, 30)}`,
];

function unchanged(text: string): void {
  const r = redactSecrets(text);
  expect(r.findings).toEqual([]);
  expect(r.text).toBe(text);
}

describe('redactSecrets: no false positives', () => {
  it.each(ORDINARY)('leaves %j alone', (line) => unchanged(line));

  it.each(NEAR_MISSES)('leaves the near miss %j alone', (line) => unchanged(line));

  it('changes nothing in the real PTP log excerpts kept as fixtures', () => {
    const files = readdirSync(FIXTURES);
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) unchanged(readFileSync(FIXTURES + f, 'utf8'));
  });

  it.skipIf(!existsSync(SHARED))('changes nothing in any shared/data/ptp-excerpts file', () => {
    const files = readdirSync(SHARED).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) unchanged(readFileSync(SHARED + f, 'utf8'));
  });
});
