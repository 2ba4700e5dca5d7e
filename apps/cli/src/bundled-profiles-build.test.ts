import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRulesText } from '@nightshift/log-parsing';
import { describe, expect, it } from 'vitest';
import { bundledProfilesModule, readBundledProfiles } from './bundled-profiles-build';
import { findPromptsDir } from './profile';

describe('readBundledProfiles', () => {
  it('gives every profile its text and the document log-parsing parses from it', () => {
    const profiles = readBundledProfiles(findPromptsDir());
    expect(Object.keys(profiles)).toContain('ptp');
    for (const [name, { source, document }] of Object.entries(profiles)) {
      expect(document, name).toEqual(parseRulesText(source, name));
    }
  });

  it('leaves out a file that does not parse, or whose document JSON would change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundled-profiles-'));
    const profile = (name: string, text: string) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'rules.yaml'), text);
    };
    profile('good', 'rules:\n  - id: a\n    category: infra\n    pattern: boom\n');
    profile('broken', 'rules: [unclosed\n');
    profile('dated', 'description: !!timestamp 2026-11-25\nrules: []\n');
    mkdirSync(join(dir, 'no-rules'));
    expect(Object.keys(readBundledProfiles(dir))).toEqual(['good']);
    // The module text the bundle gets holds the same data.
    const text = bundledProfilesModule(dir);
    expect(JSON.parse(text.replace(/^export const BUNDLED_PROFILES = /, '').replace(/;\n$/, ''))).toEqual(
      readBundledProfiles(dir),
    );
  });
});
