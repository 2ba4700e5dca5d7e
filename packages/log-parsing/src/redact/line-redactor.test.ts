import { describe, expect, it } from 'vitest';
import { FAKE, fakePem, PEM_BODY_LINES } from './__fixtures__/fake-secrets';
import { createLineRedactor } from './line-redactor';
import { PEM_WINDOW_CHARS } from './pem-blocks';
import { redactSecrets } from './redact-secrets';

/** Per-line mode (batchLines: 1) so each test sees exactly when lines are released. */
function run(lines: string[]): { out: string[]; emittedPerPush: number[] } {
  const r = createLineRedactor({ batchLines: 1 });
  const out: string[] = [];
  const emittedPerPush: number[] = [];
  for (const l of lines) {
    const ready = r.push(l);
    emittedPerPush.push(ready.length);
    out.push(...ready);
  }
  out.push(...r.flush());
  return { out, emittedPerPush };
}

describe('createLineRedactor', () => {
  it('returns ordinary and single-line-secret lines at once in per-line mode, redacted', () => {
    const r = createLineRedactor({ batchLines: 1 });
    expect(r.push('hello')).toEqual(['hello']);
    expect(r.push(`token ${FAKE.githubClassic}`)).toEqual(['token [REDACTED:github-token]']);
    expect(r.flush()).toEqual([]);
    expect(r.findings()).toEqual([{ kind: 'github-token', count: 1 }]);
  });

  it('holds a PEM key until its END line, then emits one marker line and blank placeholders', () => {
    const lines = ['start', ...fakePem().split('\n'), 'after'];
    const { out, emittedPerPush } = run(lines);
    expect(out).toEqual(['start', '[REDACTED:private-key]', '', '', '', '', '', 'after']);
    // Nothing comes out between BEGIN and END; everything comes out at END.
    expect(emittedPerPush).toEqual([1, 0, 0, 0, 0, 0, 6, 1]);
  });

  it('keeps a GitHub Actions timestamp prefix and text after END', () => {
    const ts = '2024-05-01T10:00:00.1234567Z ';
    const pem = fakePem().split('\n');
    const lines = pem.map((l, i) => (i === pem.length - 1 ? `${ts}${l} trailing` : `${ts}${l}`));
    const { out } = run(lines);
    expect(out).toEqual([`${ts}[REDACTED:private-key]`, '', '', '', '', ' trailing']);
  });

  it('redacts a key cut off by the end of the log (no END line)', () => {
    const lines = ['x', `-----BEGIN RSA ${'PRIVATE KEY-----'}`, ...PEM_BODY_LINES.slice(0, 2)];
    const { out } = run(lines);
    expect(out).toEqual(['x', '[REDACTED:private-key]', '', '']);
  });

  it('does not swallow the log after a BEGIN line that is only echoed', () => {
    const lines = [`echo "-----BEGIN RSA ${'PRIVATE KEY-----'}"`, 'ok: step finished', 'next line'];
    const { out } = run(lines);
    expect(out).toEqual(['echo "[REDACTED:private-key]', 'ok: step finished', 'next line']);
  });

  it('releases held lines once the PEM window is exhausted (memory stays bounded)', () => {
    const r = createLineRedactor({ batchLines: 1 });
    r.push(`-----BEGIN EC ${'PRIVATE KEY-----'}`);
    const filler = 'A'.repeat(64);
    let released = 0;
    let maxHeld = 0;
    for (let i = 0; i < 1000; i++) {
      released += r.push(filler).length;
      maxHeld = Math.max(maxHeld, r.held());
    }
    expect(released).toBeGreaterThan(0);
    expect(maxHeld).toBeLessThanOrEqual(Math.ceil(PEM_WINDOW_CHARS / 65) + 2);
  });

  it('gives one output line per input line, in order, and agrees with redactSecrets', () => {
    const lines = [
      'a',
      `pw password=${FAKE.password}`,
      ...fakePem('OPENSSH').split('\n'),
      'b',
      `x ${FAKE.jwt}`,
      'c',
    ];
    const { out } = run(lines);
    expect(out).toHaveLength(lines.length);
    expect(out.join('\n')).toBe(redactSecrets(lines.join('\n')).text);
  });

  it('maps a pushed "line" that itself holds newlines to exactly one output', () => {
    const r = createLineRedactor({ batchLines: 1 });
    expect(r.push(`a\npassword=${FAKE.password}`)).toEqual(['a\npassword=[REDACTED:password]']);
  });

  it('releases lines in batches, in order, and everything at flush', () => {
    const r = createLineRedactor({ batchLines: 256 });
    const lines = Array.from({ length: 600 }, (_, i) => (i === 300 ? `x ${FAKE.npm}` : `line ${i}`));
    const sizes: number[] = [];
    const out: string[] = [];
    for (const l of lines) {
      const ready = r.push(l);
      if (ready.length > 0) sizes.push(ready.length);
      out.push(...ready);
    }
    expect(sizes).toEqual([256, 256]);
    expect(r.held()).toBe(88);
    out.push(...r.flush());
    expect(out).toEqual(lines.map((l, i) => (i === 300 ? 'x [REDACTED:npm-token]' : l)));
  });

  it('goes back to one pass per batch once a key is decided', () => {
    const r = createLineRedactor();
    const pem = fakePem().split('\n');
    // The key and the lines after it come back once END is seen, none held.
    const first = ['start', ...pem, 'after'];
    const out = r.pushLines(first);
    expect(out).toHaveLength(first.length);
    expect(out[1]).toBe('[REDACTED:private-key]');
    expect(r.held()).toBe(0);
    // The next batch takes the one-pass path: the very same array back.
    const next = Array.from({ length: 40 }, (_, i) => `line ${i}`);
    expect(r.pushLines(next, next.join('\n'))).toBe(next);
    // A BEGIN with no END yet is held, from BEGIN on.
    expect(r.pushLines(['x', pem[0]!, pem[1]!])).toEqual(['x']);
    expect(r.held()).toBe(2);
  });

  it('rejects nonsensical batch sizes', () => {
    expect(() => createLineRedactor({ batchLines: 0 })).toThrow(/batchLines/);
  });
});
