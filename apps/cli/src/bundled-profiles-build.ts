import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import type { BundledProfile } from './bundled-profiles';

/**
 * Build-time half of bundled-profiles.ts (used by tsup.config.ts, which cannot load the workspace
 * packages: they have no build): every prompts/<profile>/rules.yaml with its parsed document.
 * Parsed as `parseRulesText` in @nightshift/log-parsing parses (bundled-profiles-build.test.ts
 * checks both give the same document). A file that does not parse, or whose document would not
 * survive JSON (a YAML date, say), is left out: the CLI then parses it at run time and reports
 * what is wrong as it always did.
 */
export function readBundledProfiles(promptsDir: string): Record<string, BundledProfile> {
  const profiles: Record<string, BundledProfile> = {};
  for (const entry of readdirSync(promptsDir, { withFileTypes: true })) {
    const file = join(promptsDir, entry.name, 'rules.yaml');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    let document: unknown;
    try {
      document = parse(source, { uniqueKeys: true, maxAliasCount: 100 });
    } catch {
      continue;
    }
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(document) ?? 'null'), document)) continue;
    profiles[entry.name] = { source, document };
  }
  return profiles;
}

/** The text of bundled-profiles.ts as the bundle gets it. */
export function bundledProfilesModule(promptsDir: string): string {
  return `export const BUNDLED_PROFILES = ${JSON.stringify(readBundledProfiles(promptsDir))};\n`;
}
