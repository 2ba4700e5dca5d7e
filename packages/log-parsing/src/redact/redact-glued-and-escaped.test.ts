/**
 * Secrets the rules used to miss: glued to a preceding word (`GH_TOKEN_ghp_…`), cut or surrounded
 * by ANSI escapes, and quoted with escaped quotes (raw JUnit XML entities, JSON inside a JSON
 * string). Each is checked through every redaction path, which share the per-line rules.
 */
import { describe, expect, it } from 'vitest';
import { FAKE } from './__fixtures__/fake-secrets';
import { createChunkRedactor } from './chunk-redactor';
import { withHiddenKeywords } from './hidden-keywords';
import { candidateLineStarts } from './keyword-prefilter';
import { createLineRedactor } from './line-redactor';
import { redactSecrets } from './redact-secrets';

const GH = FAKE.githubClassic;
const AWS = FAKE.awsAccessKey;
const PW = FAKE.password;
const BEARER = 'abcDEF123'.concat('ghiJKL456mnoPQR789');
const ESC = '\x1b';

/** The text through each path: one-shot, line redactor (per line, batched), chunk redactor. */
function everyPath(text: string): string[] {
  const lines = text.split('\n');
  const perLine = createLineRedactor({ batchLines: 1 });
  const pushed = [...lines.flatMap((l) => perLine.push(l)), ...perLine.flush()];
  const batched = createLineRedactor();
  const onePass = [...batched.pushLines(lines), ...batched.flush()];
  const chunks = createChunkRedactor();
  let chunked = '';
  for (let i = 0; i < text.length; i += 7) chunked += chunks.write(text.slice(i, i + 7));
  chunked += chunks.end();
  return [redactSecrets(text).text, pushed.join('\n'), onePass.join('\n'), chunked];
}

function expectRedacted(input: string, secret: string, expected: string): void {
  expect(candidateLineStarts(input), 'the prefilter flags the line').toEqual([0]);
  for (const out of everyPath(input)) {
    expect(out).not.toContain(secret);
    expect(out).toBe(expected);
  }
}

describe('tokens glued to a preceding word', () => {
  it.each([
    ['env-var prefix', `GH_TOKEN_${GH}`, GH, 'GH_TOKEN_[REDACTED:github-token]'],
    ['test name', `--- FAIL: TestA_${GH} (0.00s)`, GH, '--- FAIL: TestA_[REDACTED:github-token] (0.00s)'],
    ['one letter', `x_${GH}`, GH, 'x_[REDACTED:github-token]'],
    ['a digit', `1${GH}`, GH, '1[REDACTED:github-token]'],
    ['other GitHub prefixes', `a${FAKE.githubServer}`, FAKE.githubServer, 'a[REDACTED:github-token]'],
    [
      'fine-grained PAT',
      `PAT${FAKE.githubFineGrained}`,
      FAKE.githubFineGrained,
      'PAT[REDACTED:github-token]',
    ],
    ['AWS after lower case', `key${AWS}`, AWS, 'key[REDACTED:aws-access-key]'],
    ['AWS after underscore', `AWS_ID_${AWS}`, AWS, 'AWS_ID_[REDACTED:aws-access-key]'],
    ['npm', `NPM${FAKE.npm}`, FAKE.npm, 'NPM[REDACTED:npm-token]'],
    ['Slack with digits', `slack${FAKE.slackBot}`, FAKE.slackBot, 'slack[REDACTED:slack-token]'],
    ['Google', `KEY${FAKE.googleApiKey}`, FAKE.googleApiKey, 'KEY[REDACTED:google-api-key]'],
    ['Anthropic api03', `KEY_${FAKE.anthropic}`, FAKE.anthropic, 'KEY_[REDACTED:anthropic-api-key]'],
    ['OpenAI (T3BlbkFJ)', `KEY_${FAKE.openaiProject}`, FAKE.openaiProject, 'KEY_[REDACTED:openai-api-key]'],
    ['GitLab', `GL${FAKE.gitlab}`, FAKE.gitlab, 'GL[REDACTED:gitlab-token]'],
    ['OpenShift', `oc${FAKE.openshift}`, FAKE.openshift, 'oc[REDACTED:openshift-token]'],
  ])('%s', (_name, input, secret, expected) => expectRedacted(input, secret, expected));
});

describe('escape sequences inside or around a secret', () => {
  it.each([
    ['a coloured key', `${ESC}[36mpassword${ESC}[0m=${PW}`, PW, 'password=[REDACTED:password]'],
    [
      'a coloured auth scheme',
      `Authorization: ${ESC}[1mBearer${ESC}[0m ${BEARER}`,
      BEARER,
      'Authorization: Bearer [REDACTED:authorization]',
    ],
    [
      'an escape inside a token',
      `clone ${GH.slice(0, 14)}${ESC}[0m${GH.slice(14)}`,
      GH.slice(14),
      'clone [REDACTED:github-token]',
    ],
    ['8-bit CSI', `\x9b36mpassword\x9b0m=${PW}`, PW, 'password=[REDACTED:password]'],

    [
      'the U+FFFD remnant (Ginkgo JUnit)',
      `\ufffd[36mpassword\ufffd[0m=${PW}`,
      PW,
      'password=[REDACTED:password]',
    ],
  ])('%s', (_name, input, secret, expected) => expectRedacted(input, secret, expected));

  // The keyword itself split: the raw prefilter cannot find it, the line without its escapes does
  // (`withHiddenKeywords`).
  it.each([
    ['an escape inside the keyword', `pass${ESC}[0mword=${PW}`, PW, 'password=[REDACTED:password]'],
    ['an 8-bit CSI inside the keyword', `x to\x9b1mken: ${PW}`, PW, 'x token: [REDACTED:token]'],
  ])('%s', (_name, input, secret, expected) => {
    expect(candidateLineStarts(input)).toEqual([]);
    expect(withHiddenKeywords(input, [])).toEqual([0]);
    for (const out of everyPath(input)) {
      expect(out).not.toContain(secret);
      expect(out).toBe(expected);
    }
  });

  it('looks again only at lines with an escape after a word character, and keeps order', () => {
    const text = [
      `${ESC}[1mpassword${ESC}[0m: none`,
      'plain',
      `pass${ESC}[0mword=${PW}`,
      `ok${ESC}[0m done`,
    ].join('\n');
    const lineStart = (n: number) => text.split('\n').slice(0, n).join('\n').length + (n > 0 ? 1 : 0);
    expect(withHiddenKeywords(text, [0])).toEqual([0, lineStart(2)]);
    expect(withHiddenKeywords('no escapes here', [])).toEqual([]);
  });

  it('keeps the colours when they do not touch the secret', () => {
    expectRedacted(`${ESC}[31m${GH}${ESC}[0m`, GH, `${ESC}[31m[REDACTED:github-token]${ESC}[0m`);
    // An escape may be what ends a key: the raw reading stands when the plain one finds nothing.
    expectRedacted(`${ESC}[32m${AWS}${ESC}[0mabc`, AWS, `${ESC}[32m[REDACTED:aws-access-key]${ESC}[0mabc`);
  });

  it('leaves coloured lines without secrets exactly as they are', () => {
    for (const line of [`${ESC}[36mpassword${ESC}[0m: invalid`, `${ESC}[1mtoken${ESC}[0m expired`]) {
      expect(redactSecrets(line)).toEqual({ text: line, findings: [] });
    }
  });

  it('counts a secret once whichever reading found it', () => {
    const r = redactSecrets(`${ESC}[36mpassword${ESC}[0m=${PW} ${ESC}[31m${GH}${ESC}[0m`);
    expect(r.findings).toEqual([
      { kind: 'github-token', count: 1 },
      { kind: 'password', count: 1 },
    ]);
  });
});

describe('quoted values written with escaped quotes', () => {
  it.each([
    [
      'raw JUnit &quot;',
      `request {&quot;user&quot;:&quot;admin&quot;,&quot;password&quot;:&quot;${PW}&quot;} rejected`,
      'request {&quot;user&quot;:&quot;admin&quot;,&quot;password&quot;:&quot;[REDACTED:password]&quot;} rejected',
    ],
    [
      'raw JUnit &#34;',
      `{&#34;password&#34;:&#34;${PW}&#34;}`,
      '{&#34;password&#34;:&#34;[REDACTED:password]&#34;}',
    ],
    [
      '&#x22;',
      `{&#x22;token&#x22;: &#x22;${GH.slice(4)}&#x22;}`,
      '{&#x22;token&#x22;: &#x22;[REDACTED:token]&#x22;}',
    ],
    [
      '&apos; with a space in the value',
      '&apos;password&apos;: &apos;p4ss w0rd&apos;',
      '&apos;password&apos;: &apos;[REDACTED:password]&apos;',
    ],
    ["plain '", `{'password':'${PW}'}`, "{'password':'[REDACTED:password]'}"],
    [
      'go test -json (JSON in a JSON string)',
      `{"Output":"body {\\"user\\":\\"admin\\",\\"password\\":\\"${PW}\\"}\\n"}`,
      '{"Output":"body {\\"user\\":\\"admin\\",\\"password\\":\\"[REDACTED:password]\\"}\\n"}',
    ],
    [
      'an escaped Authorization header',
      `{\\"Authorization\\":\\"Bearer ${BEARER}\\"}`,
      '{\\"Authorization\\":\\"Bearer [REDACTED:authorization]\\"}',
    ],
    [
      'a bare value before an escaped quote',
      `{"Output":"run \\"login --password=${PW}\\""}`,
      '{"Output":"run \\"login --password=[REDACTED:password]\\""}',
    ],
  ])('%s', (_name, input, expected) => {
    expect(candidateLineStarts(input)).toEqual([0]);
    for (const out of everyPath(input)) expect(out).toBe(expected);
  });

  it('keeps an escaped JSON line valid JSON', () => {
    const line = JSON.stringify({ Output: `body ${JSON.stringify({ password: PW, token: GH })}\n` });
    const out = redactSecrets(line).text;
    expect(out).not.toContain(PW);
    expect(JSON.parse(JSON.parse(out).Output.replace(/^body /, ''))).toEqual({
      password: '[REDACTED:password]',
      token: '[REDACTED:github-token]',
    });
  });
});

describe('redactSecrets: two tokens glued together, and secrets passed as a flag argument', () => {
  it('redacts both of two glued GitHub tokens', () => {
    const out = redactSecrets(`${FAKE.githubClassic}${FAKE.githubOauth}`);
    expect(out.text).toBe('[REDACTED:github-token][REDACTED:github-token]');
  });

  it('redacts the argument of --password, --token and --client-secret, not a variable or a placeholder', () => {
    expect(redactSecrets(`docker login -u bot --password ${FAKE.password}`).text).toBe(
      'docker login -u bot --password [REDACTED:password]',
    );
    expect(redactSecrets('oc login --token abcDEF123ghiJKL456 --server x').text).toBe(
      'oc login --token [REDACTED:token] --server x',
    );
    for (const kept of [
      'run --password $PASS',
      'usage: --password <value>',
      'x --password-stdin',
      '--token-file /x',
    ])
      expect(redactSecrets(kept).text).toBe(kept);
  });
});
