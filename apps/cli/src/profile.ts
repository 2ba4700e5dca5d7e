import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileRules } from '@nightshift/detector-action';
import {
  builtinRules,
  type Classifier,
  createClassifier,
  loadRules,
  type Rule,
  rulesFromDocument,
} from '@nightshift/log-parsing';
import { BUNDLED_PROFILES, type BundledProfile } from './bundled-profiles';
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

/** Every profile's rules text under prompts/<profile>/rules.yaml (the action bundles the same files). */
export function loadProfileRules(promptsDir = findPromptsDir()): ProfileRules {
  const rules: Record<string, string> = {};
  for (const entry of readdirSync(promptsDir, { withFileTypes: true })) {
    const file = join(promptsDir, entry.name, 'rules.yaml');
    if (entry.isDirectory() && existsSync(file)) rules[entry.name] = readFileSync(file, 'utf8');
  }
  return rules;
}

/**
 * The classifier for a profile, composed exactly as the detector action's `buildClassifier` does
 * it: profile rules first (they are more specific), then the built-in generic rules (profile.test.ts
 * checks that both give the same rules). Not imported from @nightshift/detector-action: esbuild
 * splits the bundle by file, and that package's entry would bring Octokit, failure-detection and
 * their dependencies into every `analyze`/`group` start (~0.05 CPU s and ~10 MB RSS).
 */
export function loadClassifier(
  profile: string,
  from: { promptsDir?: string; bundled?: Readonly<Record<string, BundledProfile>> } = {},
): Classifier {
  if (!(PROFILES as readonly string[]).includes(profile)) {
    throw new UsageError(`unknown profile '${profile}' (expected one of: ${PROFILES.join(', ')})`);
  }
  if (profile === 'none') return createClassifier(builtinRules);
  const text = readFileSync(join(from.promptsDir ?? findPromptsDir(), profile, 'rules.yaml'), 'utf8');
  return createClassifier([
    ...profileRules(text, `prompts/${profile}/rules.yaml`, (from.bundled ?? BUNDLED_PROFILES)[profile]),
    ...builtinRules,
  ]);
}

/** The file's rules: from the document the bundle parsed at build time when the text is the same. */
function profileRules(text: string, origin: string, bundled: BundledProfile | undefined): Rule[] {
  return bundled?.source === text ? rulesFromDocument(bundled.document, origin) : loadRules(text, origin);
}
