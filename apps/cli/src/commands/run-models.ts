import { resolve } from 'node:path';
import { loadConfigFile } from '@nightshift/failure-detection';
import type { CliIo } from '../cli-io';
import { ExitCode } from '../exit-codes';
import { MODEL_PROVIDERS } from '../model-providers';

interface ModelRow {
  provider: string;
  model: string;
  configured: boolean;
  keyEnv: string;
  keyPresent: boolean;
  baseUrl: string | null;
  note: string;
}

/** `nightshift models`: loaded by its action only (see models.ts). */
export async function runModels(flags: { config?: string; json?: boolean }, io: CliIo): Promise<number> {
  const config = flags.config ? await loadConfigFile(resolve(io.cwd, flags.config)) : undefined;
  const rows: ModelRow[] = MODEL_PROVIDERS.map((p) => {
    const configured = config?.model.provider === p.id;
    const keyEnv = configured && config?.model.apiKeyEnv ? [config.model.apiKeyEnv] : p.keyEnv;
    const present = keyEnv.find((name) => (io.env[name] ?? '').length > 0);
    return {
      provider: p.id,
      model: configured ? config!.model.model : p.defaultModel,
      configured,
      keyEnv: present ?? keyEnv.join(' | '),
      keyPresent: Boolean(present) || (p.keyOptional && configured && Boolean(config?.model.baseUrl)),
      baseUrl: configured ? (config?.model.baseUrl ?? null) : null,
      note: p.note,
    };
  });
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ providers: rows }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const lines = rows.map(
    (r) =>
      `${r.configured ? '*' : ' '} ${r.provider.padEnd(10)} ${r.model.padEnd(20)} key ${r.keyPresent ? 'present' : 'missing'} (${r.keyEnv})${r.baseUrl ? ` at ${r.baseUrl}` : ''}`,
  );
  io.stdout.write(`${lines.join('\n')}\n`);
  if (!config)
    io.stdout.write('\n(* marks the configured provider; pass --config .github/nightshift.yml to see it)\n');
  return ExitCode.ok;
}
