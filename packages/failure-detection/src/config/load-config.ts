import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { z } from 'zod';
import { configSchema, type NightshiftConfig } from './config-schema';

const marker = Symbol.for('nightshift.config-error');

/** A configuration that cannot be used: the message names the file and every problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly [marker] = true;
  readonly isRetryable = false;

  /** Recognised by marker: each bundled action carries its own copy of this class. */
  static isInstance(error: unknown): error is ConfigError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }

  constructor(
    readonly origin: string,
    readonly problems: string[],
  ) {
    super(`${origin}: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses YAML (or JSON) text and validates it; defaults are filled in. */
export function parseConfig(text: string, origin: string): NightshiftConfig {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: true, maxAliasCount: 50 });
  } catch (error) {
    throw new ConfigError(origin, [`not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) throw new ConfigError(origin, formatIssues(result.error.issues));
  return result.data;
}

export async function loadConfigFile(path: string): Promise<NightshiftConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? error}`]);
  }
  return parseConfig(text, path);
}

function formatIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}
