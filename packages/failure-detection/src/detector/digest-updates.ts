import type { DigestEntry } from '../render/digest-body';
import type { AppliedPlan } from './apply-plans';
import type { SourceScan } from './scan-source';
import type { DigestUpdate } from './update-digests';

/** Per source that processed runs this cycle: what its digest gains. */
export function digestUpdates(scans: readonly SourceScan[], applied: readonly AppliedPlan[]): DigestUpdate[] {
  const entry = (a: AppliedPlan): DigestEntry => ({ number: a.number, title: a.title });
  return scans
    .filter((scan) => scan.added.length > 0)
    .map((scan) => {
      const seenHere = applied.filter((a) => a.plan.observedSources.includes(scan.source));
      return {
        source: scan.source,
        runs: scan.runsProcessed,
        new: seenHere.filter((a) => a.plan.outcome.created).map(entry),
        failing: seenHere.filter((a) => !a.plan.outcome.created).map(entry),
        recovered: applied
          .filter((a) => a.plan.outcome.recovered && a.plan.failure.sources.includes(scan.source))
          .map(entry),
      };
    });
}
