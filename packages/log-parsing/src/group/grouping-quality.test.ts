import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runGroupingBench, TARGETS } from '../../bench/grouping';

const DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

describe('grouping quality on the labelled PTP nightly failures', () => {
  it.skipIf(!existsSync(`${DATA}ptp-nightly/labels.dev.jsonl`))(
    'meets the B-cubed targets and beats exact text',
    () => {
      const r = runGroupingBench(DATA);
      const [fingerprint, signature] = r.rows;
      expect(r.labelled).toBe(304);
      expect(fingerprint!.precision).toBeGreaterThanOrEqual(TARGETS.precision);
      expect(fingerprint!.f1).toBeGreaterThanOrEqual(TARGETS.fingerprintF1);
      expect(signature!.precision).toBeGreaterThanOrEqual(TARGETS.precision);
      expect(signature!.f1).toBeGreaterThanOrEqual(TARGETS.signatureF1);
      const exact = r.rows.find((x) => x.name === 'exact text hash(test+message)')!;
      expect(fingerprint!.f1).toBeGreaterThan(exact.f1);
      expect(r.category.acceptable).toBeGreaterThan(0.9);
    },
  );
});
