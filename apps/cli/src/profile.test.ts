import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClassifier } from '@nightshift/detector-action';
import { describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes';
import { findPromptsDir, loadClassifier, loadProfileRules, PROFILES } from './profile';

describe('loadClassifier', () => {
  // The CLI composes the classifier itself (to keep the action's dependencies out of its start-up);
  // this pins it to the action's composition, so analyze/group and the detector classify alike.
  it.each(PROFILES)('gives the same rules, in the same order, as the action for profile %s', (profile) => {
    const cli = loadClassifier(profile);
    const action = buildClassifier(profile, loadProfileRules());
    expect(cli.rules.map((r) => r.id)).toEqual(action.rules.map((r) => r.id));
    expect(cli.rules).toEqual(action.rules);
  });

  it('puts the profile rules before the built-in ones', () => {
    const ptp = loadClassifier('ptp').rules.map((r) => r.id);
    const none = loadClassifier('none').rules.map((r) => r.id);
    expect(ptp.length).toBeGreaterThan(none.length);
    expect(ptp.slice(-none.length)).toEqual(none);
  });

  it("uses the bundle's parsed document only while the file on disk has the same text", () => {
    const promptsDir = findPromptsDir();
    const source = readFileSync(join(promptsDir, 'ptp', 'rules.yaml'), 'utf8');
    const one = {
      rules: [{ id: 'only-this', category: 'infra', pattern: 'bundled document' }],
    };
    // Same text: the document is used (it differs from the file, so the rules tell which was read).
    const same = loadClassifier('ptp', { promptsDir, bundled: { ptp: { source, document: one } } });
    expect(same.rules[0]?.id).toBe('only-this');
    // Edited file: the document is stale and the file is parsed.
    const stale = loadClassifier('ptp', {
      promptsDir,
      bundled: { ptp: { source: `${source}\n# edited`, document: one } },
    });
    expect(stale.rules.map((r) => r.id)).toEqual(
      loadClassifier('ptp', { promptsDir, bundled: {} }).rules.map((r) => r.id),
    );
    expect(stale.rules[0]?.id).not.toBe('only-this');
  });

  it('rejects an unknown profile as a usage error naming the choices', () => {
    expect(() => loadClassifier('nope')).toThrow(UsageError);
    expect(() => loadClassifier('nope')).toThrow(/unknown profile 'nope' \(expected one of: ptp, none\)/);
  });
});
