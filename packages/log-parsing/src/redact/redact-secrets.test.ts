import { describe, expect, it } from 'vitest';
import { FAKE, fakePem } from './__fixtures__/fake-secrets';
import { redactSecrets } from './redact-secrets';

/** [description, input line, secret that must disappear, kind, text that must survive] */
const CASES: [string, string, string, string, string][] = [
  ['GitHub classic PAT', `token ${FAKE.githubClassic} used`, FAKE.githubClassic, 'github-token', 'used'],
  ['GitHub OAuth', `x=${FAKE.githubOauth}`, FAKE.githubOauth, 'github-token', 'x='],
  ['GitHub user-to-server', `(${FAKE.githubUser})`, FAKE.githubUser, 'github-token', '('],
  [
    'GITHUB_TOKEN (ghs_) in a clone URL',
    `https://x-access-token:${FAKE.githubServer}@github.com/o/r.git`,
    FAKE.githubServer,
    'github-token',
    '@github.com/o/r.git',
  ],
  ['GitHub refresh', `"${FAKE.githubRefresh}"`, FAKE.githubRefresh, 'github-token', '"'],
  [
    'GitHub fine-grained PAT',
    `pat ${FAKE.githubFineGrained}`,
    FAKE.githubFineGrained,
    'github-token',
    'pat ',
  ],
  [
    'AWS access key',
    `AccessKeyId: ${FAKE.awsAccessKey}`,
    FAKE.awsAccessKey,
    'aws-access-key',
    'AccessKeyId: ',
  ],
  ['AWS temporary key', `id=${FAKE.awsTempKey}`, FAKE.awsTempKey, 'aws-access-key', 'id='],
  [
    'AWS secret key',
    `aws_secret_access_key = ${FAKE.awsSecretKey}`,
    FAKE.awsSecretKey,
    'aws-secret-key',
    'aws_secret_access_key = ',
  ],
  [
    'AWS secret env var',
    `AWS_SECRET_ACCESS_KEY=${FAKE.awsSecretKey}`,
    FAKE.awsSecretKey,
    'aws-secret-key',
    'AWS_SECRET_ACCESS_KEY=',
  ],
  ['Slack bot token', `SLACK=${FAKE.slackBot}`, FAKE.slackBot, 'slack-token', 'SLACK='],
  [
    'Slack webhook',
    `POST https://hooks.slack.com/services/${FAKE.slackWebhookPath}`,
    FAKE.slackWebhookPath,
    'slack-webhook',
    'https://hooks.slack.com/services/',
  ],
  ['Google API key', `key ${FAKE.googleApiKey}.`, FAKE.googleApiKey, 'google-api-key', 'key '],
  [
    'Anthropic key',
    `ANTHROPIC_API_KEY ${FAKE.anthropic}`,
    FAKE.anthropic,
    'anthropic-api-key',
    'ANTHROPIC_API_KEY ',
  ],
  ['OpenAI project key', `OPENAI ${FAKE.openaiProject}`, FAKE.openaiProject, 'openai-api-key', 'OPENAI '],
  ['OpenAI legacy key', `${FAKE.openaiLegacy} leaked`, FAKE.openaiLegacy, 'openai-api-key', ' leaked'],
  ['npm token', `//registry.npmjs.org/:_authToken ${FAKE.npm}`, FAKE.npm, 'npm-token', 'registry.npmjs.org'],
  ['GitLab PAT', `PRIVATE-TOKEN ${FAKE.gitlab}`, FAKE.gitlab, 'gitlab-token', 'PRIVATE-TOKEN '],
  ['Stripe live key', `stripe ${FAKE.stripe}`, FAKE.stripe, 'stripe-key', 'stripe '],
  [
    'OpenShift OAuth token',
    `oc login --token ${FAKE.openshift} --server`,
    FAKE.openshift,
    'openshift-token',
    '--server',
  ],
  ['JWT (service-account token)', `jwt ${FAKE.jwt} end`, FAKE.jwt, 'jwt', ' end'],
  [
    'password in URL keeps user and host',
    'postgres://ptp:Hunter2Pw@db.lab:5432/x',
    'Hunter2Pw',
    'url-password',
    'postgres://ptp:',
  ],
  [
    'Authorization: Bearer',
    'Authorization: Bearer abc123def456ghi789',
    'abc123def456ghi789',
    'authorization',
    'Authorization: Bearer ',
  ],
  [
    'Authorization: Basic',
    'authorization: Basic dXNlcjpwYXNzd29yZA==',
    'dXNlcjpwYXNzd29yZA==',
    'authorization',
    'Basic ',
  ],
  [
    'Authorization: token (curl -H)',
    '-H "Authorization: token abcdef0123456789abcd"',
    'abcdef0123456789abcd',
    'authorization',
    '-H "Authorization: token ',
  ],
  ['password= assignment', `password=${FAKE.password}`, FAKE.password, 'password', 'password='],
  ['passwd: assignment', 'passwd: hunter22', 'hunter22', 'password', 'passwd: '],
  ['quoted password with a space', 'DB_PASSWORD="p4ss w0rd"', 'p4ss w0rd', 'password', 'DB_PASSWORD="'],
  ['Go := assignment', 'password := "s3cr3tvalue"', 's3cr3tvalue', 'password', 'password := "'],
  ['secret: assignment', 'secret: x9f8e7d6c5b4', 'x9f8e7d6c5b4', 'secret', 'secret: '],
  ['api_key= assignment', 'api_key=abc123', 'abc123', 'api-key', 'api_key='],
  [
    'token= in a query string',
    'GET /x?token=0123456789abcdef0123&page=2',
    '0123456789abcdef0123',
    'token',
    '&page=2',
  ],
  [
    'JSON access_token',
    '{"access_token":"ya29Abc123Def456"}',
    'ya29Abc123Def456',
    'token',
    '{"access_token":"',
  ],
  ['kubeconfig token:', '    token: abcdef1234567890XYZ', 'abcdef1234567890XYZ', 'token', '    token: '],
  [
    'docker config auth',
    '{"auths":{"quay.io":{"auth":"dXNlcjpwYXNzd29yZDEyMw=="}}}',
    'dXNlcjpwYXNzd29yZDEyMw==',
    'token',
    'quay.io',
  ],
  [
    'kubeconfig client-key-data',
    `client-key-data: ${Buffer.from(fakePem()).toString('base64')}`,
    Buffer.from(fakePem()).toString('base64').slice(0, 40),
    'private-key',
    'client-key-data: ',
  ],
  [
    'client-key-data that is not PEM',
    'client-key-data: QUJDREVGMTIzNDU2Nzg5MA==',
    'QUJDREVGMTIzNDU2Nzg5MA==',
    'kubeconfig-client-key',
    'client-key-data: ',
  ],
];

describe('redactSecrets: every kind', () => {
  it.each(CASES)('%s', (_name, input, secret, kind, survives) => {
    const r = redactSecrets(input);
    expect(r.text).not.toContain(secret);
    expect(r.text).toContain(`[REDACTED:${kind}]`);
    expect(r.text).toContain(survives);
    expect(r.findings).toContainEqual({ kind, count: 1 });
    // Findings never carry the value.
    expect(JSON.stringify(r.findings)).not.toContain(secret);
  });

  it('is idempotent on every case', () => {
    for (const [, input] of CASES) {
      const once = redactSecrets(input).text;
      expect(redactSecrets(once)).toEqual({ text: once, findings: [] });
    }
  });

  it('redacts a multi-line PEM key into one line plus empty lines, keeping the line count', () => {
    const text = `before\n${fakePem()}\nafter`;
    const r = redactSecrets(text);
    expect(r.text.split('\n')).toEqual(['before', '[REDACTED:private-key]', '', '', '', '', '', 'after']);
    expect(r.findings).toEqual([{ kind: 'private-key', count: 1 }]);
  });

  it('redacts PEM keys of every label, and a JSON-escaped one on a single line', () => {
    for (const label of ['RSA', 'EC', 'OPENSSH', 'ENCRYPTED', 'DSA']) {
      expect(redactSecrets(fakePem(label)).text).toBe(`[REDACTED:private-key]${'\n'.repeat(5)}`);
    }
    const json = JSON.stringify({ private_key: fakePem() });
    expect(redactSecrets(json).text).toBe('{"private_key":"[REDACTED:private-key]"}');
  });

  it('counts several secrets of one kind', () => {
    const r = redactSecrets(`${FAKE.githubClassic} and ${FAKE.githubServer}\n${FAKE.npm}`);
    expect(r.findings).toEqual([
      { kind: 'github-token', count: 2 },
      { kind: 'npm-token', count: 1 },
    ]);
  });

  it("treats GitHub's *** mask and placeholders as already redacted", () => {
    for (const line of [
      'GITHUB_TOKEN=***',
      'password: ***',
      'Authorization: Bearer ***',
      'https://user:***@host/x',
      // A GitHub Actions expression, spelled so it is not mistaken for a template placeholder.
      'token: $'.concat('{{ secrets.TOKEN }}'),
      'password=$DB_PASSWORD',
      'password=%s',
      'api_key=<your key here>',
      'token: null',
    ]) {
      expect(redactSecrets(line)).toEqual({ text: line, findings: [] });
    }
  });

  it('finds a token after an ANSI colour code and inside JSON escapes', () => {
    expect(redactSecrets(`\x1b[31m${FAKE.githubClassic}\x1b[0m`).text).toBe(
      '\x1b[31m[REDACTED:github-token]\x1b[0m',
    );
    expect(redactSecrets(`{"msg":"a\\n${FAKE.githubClassic}"}`).text).toBe(
      '{"msg":"a\\n[REDACTED:github-token]"}',
    );
  });

  it('keeps CRLF line endings and empty input as they are', () => {
    expect(redactSecrets('')).toEqual({ text: '', findings: [] });
    expect(redactSecrets(`a\r\npassword=hunter22\r\nb`).text).toBe('a\r\npassword=[REDACTED:password]\r\nb');
  });

  it('stays linear on hostile input (no catastrophic backtracking)', () => {
    // No timing assertion (forbidden in unit tests); a quadratic rule would blow the test timeout.
    const hostile = [
      'ghp_'.concat('A'.repeat(100_000)),
      'password='.repeat(20_000),
      'x://'.concat('a'.repeat(100_000)),
      `-----BEGIN RSA ${'PRIVATE KEY-----\n'}`.repeat(3_000),
      'eyJ'.concat('a'.repeat(100_000), '.'),
      'Authorization: '.repeat(10_000),
    ];
    for (const h of hostile) expect(typeof redactSecrets(h).text).toBe('string');
    expect(redactSecrets(hostile[0]!).text).toBe('[REDACTED:github-token]');
  });
});
