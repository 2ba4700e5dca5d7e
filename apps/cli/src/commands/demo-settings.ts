import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../exit-codes';

/** `demo.yaml` in a scenario folder: how `nightshift demo` runs it. Every field is optional. */
const demoSettingsSchema = z.strictObject({
  /** Clock of the emulator and the detector (default: the real time). */
  now: z.iso.datetime({ offset: true }).optional(),
  /** Configuration file, relative to the scenario folder (default `nightshift.yml`). */
  config: z.string().min(1).optional(),
  /** Token the detector sends (default `nightshift-demo`: the scenario's default user). */
  token: z.string().min(1).optional(),
});

export type DemoSettings = z.infer<typeof demoSettingsSchema>;

export async function readDemoSettings(scenarioDir: string): Promise<DemoSettings> {
  const path = join(scenarioDir, 'demo.yaml');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = demoSettingsSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new UsageError(`${path}: ${problems.join('; ')}`);
  }
  if (
    parsed.data.config &&
    (parsed.data.config.startsWith('/') || parsed.data.config.split(/[\\/]/).includes('..'))
  ) {
    throw new UsageError(
      `${path}: config must be a path inside the scenario folder (got '${parsed.data.config}')`,
    );
  }
  return parsed.data;
}
