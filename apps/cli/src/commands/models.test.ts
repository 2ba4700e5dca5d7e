import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../program';
import { testIo } from '../test-io';

const KEY = 'sk-ant-' + 'abc123'.repeat(8);

describe('nightshift models', () => {
  it('says whether each key is present and never prints it', async () => {
    const t = testIo({ cwd: tmpdir(), env: { ANTHROPIC_API_KEY: KEY } });
    expect(await runCli(['models', '--json'], t.io)).toBe(0);
    const { providers } = JSON.parse(t.stdout()) as {
      providers: { provider: string; keyPresent: boolean }[];
    };
    expect(providers.map((p) => [p.provider, p.keyPresent])).toEqual([
      ['anthropic', true],
      ['gemini', false],
      ['openai', false],
    ]);
    expect(t.stdout()).not.toContain(KEY);
  });

  it('shows the configured provider, model and custom key variable from the config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-models-'));
    writeFileSync(
      join(dir, 'nightshift.yml'),
      'version: 1\nsources:\n  - { type: prow, name: nightly, job: periodic-x }\nmodel:\n  provider: openai\n  model: llama3.1\n  baseUrl: http://127.0.0.1:11434/v1\n  apiKeyEnv: OLLAMA_KEY\n',
    );
    const t = testIo({ cwd: dir, env: {} });
    expect(await runCli(['models', '--config', 'nightshift.yml'], t.io)).toBe(0);
    expect(t.stdout()).toMatch(
      /\* openai\s+llama3\.1\s+key present \(OLLAMA_KEY\) at http:\/\/127\.0\.0\.1:11434\/v1/,
    );
  });

  it('exits 2 naming the problem for an invalid config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-models-'));
    writeFileSync(join(dir, 'bad.yml'), 'version: 2\nsources: []\n');
    const t = testIo({ cwd: dir });
    expect(await runCli(['models', '--config', 'bad.yml'], t.io)).toBe(2);
    expect(t.stderr()).toContain('bad.yml');
  });
});
