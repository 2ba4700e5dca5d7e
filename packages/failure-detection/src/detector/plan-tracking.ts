import type { RunRecord, SourceState } from '../tracking/detector-state';
import { flakyCounts } from '../tracking/flakiness';
import type { Observation } from '../tracking/merge-observations';
import { type IssuePlanInput, type IssueSettings, planIssue } from '../tracking/plan-issue';
import { isRecovered } from '../tracking/recovery';
import { canonicalIssue, type TrackedIssue } from '../tracking/tracked-issues';

export interface TrackingInputs {
  /** This cycle's observations, every source. */
  observations: readonly Observation[];
  /** Sources that processed at least one run this cycle. */
  touchedSources: ReadonlySet<string>;
  /** Every configured source's state after this cycle. */
  states: ReadonlyMap<string, SourceState>;
  tracked: ReadonlyMap<string, TrackedIssue[]>;
  settings: IssueSettings;
  recoveryRuns: number;
}

/**
 * The plan inputs for every key this cycle can say something new about: keys observed now, and
 * tracked issues of sources that processed runs (their flakiness or recovery may have changed).
 * Issues of sources with nothing new are left alone, which is what keeps a quiet cycle free.
 */
export function trackingInputs(inputs: TrackingInputs): IssuePlanInput[] {
  const byKey = new Map<string, Observation[]>();
  for (const observation of inputs.observations) {
    const list = byKey.get(observation.group.key);
    if (list) list.push(observation);
    else byKey.set(observation.group.key, [observation]);
  }
  const keys = new Set(byKey.keys());
  for (const [key, issues] of inputs.tracked) {
    const issue = canonicalIssue(issues);
    if (issue?.failure.sources.some((s) => inputs.touchedSources.has(s))) keys.add(key);
  }
  const allHistories = [...inputs.states.values()].map((s) => s.runs);
  const out: IssuePlanInput[] = [];
  for (const key of [...keys].sort()) {
    const existing = canonicalIssue(inputs.tracked.get(key));
    const observations = byKey.get(key) ?? [];
    if (!existing && observations.length === 0) continue;
    let recovered: IssuePlanInput['recovered'] = null;
    if (existing && observations.length === 0 && existing.state === 'open' && !existing.failure.recovered) {
      const histories = existing.failure.sources.flatMap((s) => {
        const state = inputs.states.get(s);
        return state ? [state.runs] : [];
      });
      const result = isRecovered(key, histories, inputs.recoveryRuns);
      if (result) recovered = { runs: result.runs, at: newestRun(histories) };
    }
    out.push({
      key,
      existing,
      observations,
      flaky: flakyCounts(key, allHistories),
      recovered,
      settings: inputs.settings,
    });
  }
  return out;
}

export function planTracking(inputs: TrackingInputs) {
  const planInputs = trackingInputs(inputs);
  const byKey = new Map(planInputs.map((input) => [input.key, input]));
  return {
    plans: planInputs.map(planIssue),
    /** Plan a key again against another issue (the winner of a creation race). */
    replan: (key: string, existing: TrackedIssue) => planIssue({ ...byKey.get(key)!, existing }),
  };
}

/** Recovery is dated by the newest run that proved it, never by the clock: re-runs stay identical. */
function newestRun(histories: readonly (readonly RunRecord[])[]): string {
  let newest = '';
  for (const runs of histories) for (const run of runs) if (run.t > newest) newest = run.t;
  return newest;
}
