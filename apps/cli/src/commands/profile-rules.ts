import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileRules } from '@nightshift/detector-action';
import { findPromptsDir } from '../profile';

/** Every profile's rules text under prompts/<profile>/rules.yaml (the action bundles the same files). */
export function loadProfileRules(promptsDir = findPromptsDir()): ProfileRules {
  const rules: Record<string, string> = {};
  for (const entry of readdirSync(promptsDir, { withFileTypes: true })) {
    const file = join(promptsDir, entry.name, 'rules.yaml');
    if (entry.isDirectory() && existsSync(file)) rules[entry.name] = readFileSync(file, 'utf8');
  }
  return rules;
}
