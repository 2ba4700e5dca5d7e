import { describe, expect, it } from 'vitest';
import { protectToolOutput, toOutputText } from './protect-tool-output';

// Fake tokens are built at runtime so no scanner flags this file.
const token = 'ghp_' + 'A1b2'.repeat(9);

describe('protectToolOutput', () => {
  it('redacts a planted secret before the model can see it', () => {
    const out = protectToolOutput(`step 3 failed\nGITHUB_TOKEN=${token}\nexit 1`, 10_000);
    expect(out.text).not.toContain(token);
    expect(out.text).toContain('step 3 failed');
    expect(out.redactions).toBeGreaterThanOrEqual(1);
  });

  it('strips terminal escapes first, so an escape in front of a token does not hide it', () => {
    const out = protectToolOutput(`\u001b[31m${token}\u001b[0m`, 10_000);
    expect(out.text).not.toContain(token);
    expect(out.text).not.toContain('\u001b');
  });

  it('caps huge output and still redacts a secret near the end', () => {
    const raw = `${'noise line\n'.repeat(200_000)}final error: ${token}\n`;
    const out = protectToolOutput(raw, 2000);
    expect(out.truncated).toBe(true);
    expect(out.originalChars).toBe(raw.length);
    expect(out.text.length).toBeLessThanOrEqual(2000);
    expect(out.text).toContain('final error:');
    expect(out.text).not.toContain(token);
  });
});

describe('toOutputText', () => {
  it('passes strings, encodes everything else as JSON, and survives cycles and bigints', () => {
    expect(toOutputText('plain')).toBe('plain');
    expect(toOutputText({ a: 1 })).toBe('{"a":1}');
    expect(toOutputText(10n)).toBe('"10"');
    expect(toOutputText(undefined)).toBe('(no output)');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(toOutputText(cyclic)).toMatch(/could not be encoded/);
  });
});
