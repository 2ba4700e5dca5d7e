import { describe, expect, it } from 'vitest';
import { formatThroughput, type Spread, type ThroughputRow, throughputTargets } from './throughput-report';

const spread = (median: number, min = median, max = median): Spread => ({ median, min, max });
const row = (file: string, mb: number, sec: number, pinned: number | null, rss: number): ThroughputRow => ({
  file,
  mb,
  analyzeSec: spread(sec),
  pinnedSec: pinned === null ? null : spread(pinned),
  cpuSec: spread(sec * 1.2),
  peakRssMB: spread(rss),
  grepSec: 0.1,
  wcSec: 0.02,
  failures: 2,
});

describe('throughputTargets', () => {
  it('judges the unpinned and the pinned rate and the peak RSS on 1 GB', () => {
    const line = throughputTargets([
      row('startup (1 line)', 0, 0.13, 0.14, 60),
      row('ptp-100mb.log', 100, 0.8, 1, 100),
      row('ptp-1024mb.log', 1024, 4, 5, 140),
    ]);
    expect(line).toBe(
      'Targets (>= 150 MB/s median wall; peak RSS <= 150 MB on 1 GB): ' +
        'ptp-100mb.log 125 MB/s NOT met, pinned 100 MB/s NOT met; ' +
        'ptp-1024mb.log 256 MB/s met, pinned 205 MB/s met, peak RSS 140 MB met; ' +
        'peak RSS 100 → 140 MB for 10x the input (+40 MB).',
    );
  });

  it('leaves the pinned verdict out where the run could not be pinned', () => {
    expect(throughputTargets([row('ptp-100mb.log', 100, 0.5, null, 90)])).toBe(
      'Targets (>= 150 MB/s median wall; peak RSS <= 150 MB on 1 GB): ptp-100mb.log 200 MB/s met.',
    );
  });
});

describe('formatThroughput', () => {
  it('prints a pinned column, a dash where there is none', () => {
    const table = formatThroughput([
      row('startup (1 line)', 0, 0.13, null, 60),
      row('ptp-100mb.log', 100, 0.8, 1, 100),
    ]);
    const lines = table.split('\n');
    expect(lines[2]).toContain('| pinned to 1 CPU: s | pinned MB/s |');
    expect(lines[4]).toBe(
      '| startup (1 line) | 0 | 0.13 | – | – | – | 0.16 | – | 60 | 0.10 | 0.02 | 1.3× | 6.5× | 2 |',
    );
    expect(lines[5]).toBe(
      '| ptp-100mb.log | 100 | 0.80 | 125 | 1.00 | 100 | 0.96 | 104 | 100 | 0.10 | 0.02 | 8.0× | 40.0× | 2 |',
    );
  });
});
