import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules, type Classifier, createClassifier, loadRulesFile } from '@nightshift/log-parsing';
import { UsageError } from './exit-codes';

export const PROFILES = ['ptp', 'none'] as const;
export type ProfileName = (typeof PROFILES)[number];

/**
 * Finds the repository's `prompts/` folder by walking up from this module: the same lookup works
 * from source (apps/cli/src) and from the bundle (apps/cli/dist).
 */
export function findPromptsDir(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'prompts');
    if (existsSync(join(candidate, 'ptp', 'rules.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the prompts/ folder above ${from}`);
    dir = parent;
  }
}

/** Profile rules come first (they are more specific), then the built-in generic rules. */
export async function loadClassifier(profile: string): Promise<Classifier> {
  if (!(PROFILES as readonly string[]).includes(profile)) {
    throw new UsageError(`unknown profile '${profile}' (expected one of: ${PROFILES.join(', ')})`);
  }
  if (profile === 'none') return createClassifier(builtinRules);
  const rules = await loadRulesFile(join(findPromptsDir(), profile, 'rules.yaml'));
  return createClassifier([...rules, ...builtinRules]);
}
