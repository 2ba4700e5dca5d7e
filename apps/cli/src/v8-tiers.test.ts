import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_TIERS_BYTES, lacksMaglev, MAGLEV_INVOCATIONS, v8Tiers } from './v8-tiers';

describe('v8Tiers', () => {
  it('turns TurboFan off for less input than ALL_TIERS_BYTES, on a Node that has Maglev', () => {
    const set: string[] = [];
    const tiers = v8Tiers('24.21.0', (flags) => set.push(flags));
    expect(set).toEqual([]);
    tiers!.forInput(ALL_TIERS_BYTES);
    expect(set).toEqual([]);
    tiers!.forInput(ALL_TIERS_BYTES - 1);
    expect(set).toEqual([`--no-turbofan --invocation-count-for-maglev=${MAGLEV_INVOCATIONS}`]);
  });

  it('changes nothing before Node 22, where TurboFan is the only optimising tier', () => {
    const set: string[] = [];
    expect(v8Tiers('20.20.2', (flags) => set.push(flags))).toBeUndefined();
    expect(set).toEqual([]);
    expect(lacksMaglev('21.7.3')).toBe(true);
    expect(lacksMaglev('22.0.0')).toBe(false);
  });

  it.skipIf(lacksMaglev(process.versions.node))(
    "is obeyed by this Node's V8: hot code reaches TurboFan, then stops at Maglev, which waits for more calls",
    () => {
      // A real process with V8's optimisation trace: the module itself, loaded with Node's type
      // stripping, and two functions kept hot for 300 ms each, before and after forInput(0); two
      // more called 800 times each (more than V8's 400, fewer than MAGLEV_INVOCATIONS), through
      // one call site that sees both, so neither is inlined into its caller.
      const dir = mkdtempSync(join(tmpdir(), 'nightshift-tiers-'));
      const script = join(dir, 'hot.mjs');
      writeFileSync(
        script,
        [
          `import { v8Tiers } from ${JSON.stringify(join(import.meta.dirname, 'v8-tiers.ts'))};`,
          'function hotBefore(n) { let s = 0; for (let i = 0; i < n; i++) s = (s * 31 + i) | 0; return s; }',
          'function hotAfter(n) { let s = 0; for (let i = 0; i < n; i++) s = (s * 31 + i) | 0; return s; }',
          'const busy = (f) => { let s = 0; const end = Date.now() + 300; while (Date.now() < end) s ^= f(200); return s; };',
          'function warmBefore(x) { return (x * 3 + 1) | 0; }',
          'function warmAfter(x) { return (x * 5 + 2) | 0; }',
          'const calls = (f) => { let s = 0; for (let i = 0; i < 800; i++) s ^= f(i); return s; };',
          // Each warm one first: the busy loop after it gives its compile time to finish.
          'calls(warmBefore);',
          'busy(hotBefore);',
          'v8Tiers().forInput(0);',
          'calls(warmAfter);',
          'busy(hotAfter);',
        ].join('\n'),
      );
      const r = spawnSync(process.execPath, ['--trace-opt', script], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const tiersOf = (name: string) =>
        new Set(
          r.stdout
            .split('\n')
            .filter((line) => line.startsWith('[completed') && line.includes(`<JSFunction ${name} `))
            .map((line) => /\(target (\w+)\)/.exec(line)?.[1]),
        );
      expect(tiersOf('hotBefore').has('TURBOFAN_JS')).toBe(true);
      expect(tiersOf('hotAfter')).toEqual(new Set(['MAGLEV']));
      expect(MAGLEV_INVOCATIONS).toBeGreaterThan(800);
      expect(tiersOf('warmBefore').size).toBeGreaterThan(0);
      expect(tiersOf('warmAfter')).toEqual(new Set());
    },
  );
});
