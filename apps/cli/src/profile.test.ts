import { buildClassifier } from '@nightshift/detector-action';
import { describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes';
import { loadClassifier, loadProfileRules, PROFILES } from './profile';

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

  it('rejects an unknown profile as a usage error naming the choices', () => {
    expect(() => loadClassifier('nope')).toThrow(UsageError);
    expect(() => loadClassifier('nope')).toThrow(/unknown profile 'nope' \(expected one of: ptp, none\)/);
  });
});
