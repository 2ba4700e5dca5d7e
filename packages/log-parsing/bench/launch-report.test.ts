import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLaunchReport, shebangFlags } from './launch-report';

describe('launch-report', () => {
  it("reads a bundle's launch flags from its shebang, and refuses a file without one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'launch-report-'));
    const bin = join(dir, 'bin.js');
    writeFileSync(bin, '#!/usr/bin/env -S node --max-semi-space-size=4 --max-opt=2\nimport "./x.js";\n');
    expect(shebangFlags(bin)).toEqual(['--max-semi-space-size=4', '--max-opt=2']);
    writeFileSync(bin, '#!/usr/bin/env -S node\n');
    expect(shebangFlags(bin)).toEqual([]);
    writeFileSync(bin, 'import "./x.js";\n');
    expect(() => shebangFlags(bin)).toThrow(/no "#!\/usr\/bin\/env -S node …" shebang/);
  });

  it('sums the CPU time of every process of a run and takes the largest peak RSS', () => {
    const stderr = [
      'progress…',
      'NIGHTSHIFT_BENCH_MAXRSS_KB=204800',
      'NIGHTSHIFT_BENCH_CPU_US=3500000',
      'NIGHTSHIFT_BENCH_MAXRSS_KB=61440',
      'NIGHTSHIFT_BENCH_CPU_US=120000',
    ].join('\n');
    expect(readLaunchReport(stderr)).toEqual({ cpuSec: 3.62, peakRssMB: 200 });
    expect(readLaunchReport('nothing')).toEqual({ cpuSec: Number.NaN, peakRssMB: Number.NaN });
  });
});
