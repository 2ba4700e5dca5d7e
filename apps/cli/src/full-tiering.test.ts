import { describe, expect, it } from 'vitest';
import { FULL_TIERING_ENV, fullTieringRelaunch, lacksMaglev, MAGLEV_ONLY } from './full-tiering';

describe('full tiering', () => {
  it('relaunches only a process started Maglev-only that is not a relaunch itself', () => {
    expect(fullTieringRelaunch(['--max-semi-space-size=4'], {})).toBeUndefined();
    expect(fullTieringRelaunch([MAGLEV_ONLY], { [FULL_TIERING_ENV]: '1' })).toBeUndefined();
    expect(fullTieringRelaunch(['--max-semi-space-size=4', MAGLEV_ONLY], {})).toBeTypeOf('function');
  });

  it('knows the Node versions whose V8 leaves Maglev off (before 22)', () => {
    expect(lacksMaglev('20.20.2')).toBe(true);
    expect(lacksMaglev('21.7.3')).toBe(true);
    expect(lacksMaglev('22.0.0')).toBe(false);
    expect(lacksMaglev('24.21.0')).toBe(false);
  });
});
