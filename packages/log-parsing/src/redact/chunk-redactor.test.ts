import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAKE, fakePem } from './__fixtures__/fake-secrets';
import { createChunkRedactor } from './chunk-redactor';
import { PEM_WINDOW_CHARS } from './pem-blocks';
import { redactSecrets } from './redact-secrets';

const FRAGMENTS = [
  ...Object.values(FAKE),
  `password=${FAKE.password}`,
  'passwd: hunter22',
  'token=0123456789abcdef0123',
  'postgres://ptp:Hunter2Pw@db.lab/x',
  'Authorization: Bearer abc123def456ghi789',
  `https://hooks.slack.com/services/${FAKE.slackWebhookPath}`,
  fakePem(),
  fakePem('OPENSSH'),
  `-----BEGIN RSA ${'PRIVATE KEY-----'}`,
  `-----END RSA ${'PRIVATE KEY-----'}`,
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  '***',
  'ordinary log text',
  'ptp4l[74737.942]: rms 53',
  ' ',
  '=',
  ':',
  '"',
  '\n',
  '\n',
  '\r\n',
  '\x1b[31m',
  '\x1b[0m',
  '\x1b[36mpassword\x1b[0m=',
  'Authorization: \x1b[1mBearer\x1b[0m abc123def456ghi789',
  '&quot;password&quot;:&quot;',
  '&quot;',
  '\\"',
  'GH_TOKEN_',
  'é✓',
];

/** Feed `text` cut at `cuts` (positions, any order, duplicates allowed). */
function chunked(text: string, cuts: number[]): { text: string; findings: unknown } {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const r = createChunkRedactor();
  let out = '';
  let prev = 0;
  for (const p of [...points, text.length]) {
    out += r.write(text.slice(prev, p));
    prev = p;
  }
  out += r.end();
  return { text: out, findings: r.findings() };
}

describe('createChunkRedactor', () => {
  it('gives the same output as redactSecrets on the whole text, however it is cut (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (parts, cuts) => {
          const text = parts.join('');
          const whole = redactSecrets(text);
          expect(chunked(text, cuts)).toEqual({ text: whole.text, findings: whole.findings });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees with redactSecrets when a BEGIN line is followed by more than a PEM window', () => {
    const filler = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n';
    const tail = `${'log line after the key\n'.repeat(50)}${fakePem()}\nend`;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (bodyLines, cuts) => {
          const text = `x\n-----BEGIN EC ${'PRIVATE KEY-----'}\n${filler.repeat(bodyLines)}${tail}`;
          expect(chunked(text, cuts).text).toBe(redactSecrets(text).text);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('catches a token split across two writes', () => {
    const r = createChunkRedactor();
    const half = FAKE.githubClassic.length >> 1;
    const out =
      r.write(`a ${FAKE.githubClassic.slice(0, half)}`) +
      r.write(`${FAKE.githubClassic.slice(half)} b\n`) +
      r.end();
    expect(out).toBe('a [REDACTED:github-token] b\n');
  });

  it('holds back only the partial line (plus a PEM window at most)', () => {
    const r = createChunkRedactor();
    let maxHeld = 0;
    const line = 'ordinary line of a long log with some words in it 0123456789\n';
    for (let i = 0; i < 20_000; i++) {
      r.write(line.slice(0, 20));
      r.write(line.slice(20));
      maxHeld = Math.max(maxHeld, r.held());
    }
    expect(maxHeld).toBeLessThan(line.length);
    r.write(`-----BEGIN RSA ${'PRIVATE KEY-----'}\n`);
    for (let i = 0; i < 1000; i++) {
      r.write(line);
      maxHeld = Math.max(maxHeld, r.held());
    }
    expect(maxHeld).toBeLessThanOrEqual(PEM_WINDOW_CHARS + 2 * line.length + 40);
  });

  it('releases an overlong line early and still redacts the secrets in it', () => {
    const r = createChunkRedactor({ maxLineHold: 20_000 });
    const words = Array.from({ length: 20_000 }, (_, i) =>
      i % 997 === 0 ? `password=${FAKE.password}` : `w${i}`,
    );
    const text = words.join(' ');
    let out = '';
    let maxHeld = 0;
    for (let i = 0; i < text.length; i += 1000) {
      out += r.write(text.slice(i, i + 1000));
      maxHeld = Math.max(maxHeld, r.held());
    }
    out += r.end();
    expect(maxHeld).toBeLessThanOrEqual(21_000);
    expect(out).toBe(redactSecrets(text).text);
    expect(out).not.toContain(FAKE.password);
  });

  it('rejects a maxLineHold too small to keep the safety margin', () => {
    expect(() => createChunkRedactor({ maxLineHold: 100 })).toThrow(/maxLineHold/);
  });
});
