import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, ScenarioError } from '@nightshift/ci-emulator';
import { UnreadableInputError } from '../exit-codes';

export const DEFAULT_SCENARIO = 'ptp-nightly';

/**
 * The repository's `scenarios/<name>` folder, found by walking up from this module (the same
 * lookup works from source and from the bundle, like the prompts/ lookup).
 */
export function findEmbeddedScenario(
  name = DEFAULT_SCENARIO,
  from = dirname(fileURLToPath(import.meta.url)),
): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'scenarios', name);
    if (existsSync(join(candidate, 'scenario.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find scenarios/${name} above ${from}`);
    dir = parent;
  }
}

/** `loadScenario`, with a scenario that cannot be read reported as unreadable input (exit 3). */
export async function readScenario(dir: string): Promise<Awaited<ReturnType<typeof loadScenario>>> {
  try {
    return await loadScenario(dir);
  } catch (error) {
    if (ScenarioError.isInstance(error)) throw new UnreadableInputError(error.message);
    throw error;
  }
}
