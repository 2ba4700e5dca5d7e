import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
