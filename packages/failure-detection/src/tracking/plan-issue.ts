import type { NightshiftConfig } from '../config/index';
import {
  backAfterRecoveryComment,
  newlyAffectedComment,
  recoveredComment,
  regressionComment,
} from '../render/comments';
import { extractReportSection, renderFailureBody } from '../render/failure-body';
import { renderTitle } from '../render/render-title';
import type { FailureState } from './failure-state';
import type { FlakyCounts } from './flakiness';
import { mergeObservations, type Observation } from './merge-observations';
import type { TrackedIssue } from './tracked-issues';

export type IssueSettings = Pick<
  NightshiftConfig['issues'],
  'labels' | 'flakyLabel' | 'recoveredLabel' | 'regressionLabel' | 'closeOnRecovery'
>;

export interface IssuePlanInput {
  key: string;
  existing: TrackedIssue | null;
  /** This cycle's observations of the key (empty when only flakiness or recovery is evaluated). */
  observations: readonly Observation[];
  /** Flakiness within the history window; null keeps what the issue already says. */
  flaky: FlakyCounts | null;
  /** Recovery, evaluated only for open issues not seen this cycle. */
  recovered: { runs: number; at: string } | null;
  settings: IssueSettings;
}

export interface IssuePlan {
  key: string;
  /** null: create a new issue. */
  number: number | null;
  url: string;
  title: string;
  body: string;
  labels: string[];
  /** Open or close the issue in the same update. */
  setState: { state: 'open' | 'closed'; reason: 'completed' | 'reopened' } | null;
  comments: string[];
  outcome: { created: boolean; updated: boolean; reopened: boolean; recovered: boolean; flaky: boolean };
  /** Something must be written (false: the issue already says all of this). */
  changed: boolean;
  /** Sources whose runs showed this failure this cycle (empty: only re-evaluated). */
  observedSources: string[];
  failure: FailureState;
}

/**
 * Decide what one failure issue should look like after this cycle, and which comments it earns.
 * Pure: the same inputs always give the same plan, which is what makes a repeated cycle a no-op.
 * Comments only for news a reader wants: a new version/branch/source, back after recovery, a
 * regression (reopen), recovery. A new occurrence on its own only updates the body.
 */
export function planIssue(input: IssuePlanInput): IssuePlan {
  const { existing, observations, settings } = input;
  const previous = existing?.failure ?? null;
  let state: FailureState;
  let added: ReturnType<typeof mergeObservations>['added'] = [];
  let newAffected: string[] = [];
  let newSources: string[] = [];
  if (observations.length > 0) {
    ({ state, added, newAffected, newSources } = mergeObservations(previous, observations));
  } else if (previous) {
    state = structuredClone(previous);
  } else {
    throw new TypeError(`planIssue(${input.key}): no issue and nothing observed`);
  }

  const labels = new LabelSet(existing?.labels ?? []);
  for (const label of settings.labels) labels.add(label);
  const comments: string[] = [];
  const outcome = { created: !existing, updated: false, reopened: false, recovered: false, flaky: false };
  let setState: IssuePlan['setState'] = null;
  const latest = added.at(-1);

  if (existing && latest) {
    if (existing.state === 'closed') {
      // Closed as "not planned" means people chose to ignore it: keep recording, do not reopen.
      if (existing.stateReason !== 'not_planned') {
        setState = { state: 'open', reason: 'reopened' };
        state.regressions++;
        state.recovered = null;
        labels.delete(settings.recoveredLabel);
        labels.add(settings.regressionLabel);
        comments.push(regressionComment(latest));
        outcome.reopened = true;
      }
    } else if (previous?.recovered) {
      state.recovered = null;
      labels.delete(settings.recoveredLabel);
      comments.push(backAfterRecoveryComment(latest));
    } else if (newAffected.length > 0 || newSources.length > 0) {
      comments.push(newlyAffectedComment(latest, newAffected, newSources));
    }
  } else if (existing && input.recovered && existing.state === 'open' && !previous?.recovered) {
    state.recovered = { at: input.recovered.at, runs: input.recovered.runs };
    labels.add(settings.recoveredLabel);
    comments.push(recoveredComment(input.recovered.runs, settings.closeOnRecovery));
    if (settings.closeOnRecovery) setState = { state: 'closed', reason: 'completed' };
    outcome.recovered = true;
  }

  if (
    input.flaky &&
    (state.flaky?.passes !== input.flaky.passes || state.flaky?.fails !== input.flaky.fails)
  ) {
    outcome.flaky = !state.flaky;
    state.flaky = { ...input.flaky };
  }
  if (state.flaky) labels.add(settings.flakyLabel);

  const latestObservation = [...observations]
    .sort((a, b) =>
      (a.run.completedAt ?? a.run.createdAt) < (b.run.completedAt ?? b.run.createdAt) ? -1 : 1,
    )
    .at(-1);
  const body = renderFailureBody(
    state,
    latestObservation
      ? { input: latestObservation }
      : existing
        ? { existing: extractReportSection(existing.body) ?? '' }
        : null,
  );
  const first = observations[0];
  const title = existing?.title ?? renderTitle(first!.run.source, first!.group);
  const changed =
    !existing ||
    body !== existing.body ||
    !labels.equals(existing.labels) ||
    setState !== null ||
    comments.length > 0;
  outcome.updated = Boolean(existing && changed && !outcome.reopened && !outcome.recovered);
  return {
    key: input.key,
    number: existing?.number ?? null,
    url: existing?.url ?? '',
    title,
    body,
    labels: labels.values(),
    setState,
    comments,
    outcome,
    changed,
    observedSources: [...new Set(observations.map((o) => o.run.source))].sort(),
    failure: state,
  };
}

/** Labels compare case-insensitively on GitHub; keep the first spelling seen. */
class LabelSet {
  #byLower = new Map<string, string>();

  constructor(initial: readonly string[]) {
    for (const label of initial) this.add(label);
  }

  add(label: string): void {
    if (!this.#byLower.has(label.toLowerCase())) this.#byLower.set(label.toLowerCase(), label);
  }

  delete(label: string): void {
    this.#byLower.delete(label.toLowerCase());
  }

  values(): string[] {
    return [...this.#byLower.values()];
  }

  equals(other: readonly string[]): boolean {
    const lower = new Set(other.map((l) => l.toLowerCase()));
    return lower.size === this.#byLower.size && [...lower].every((l) => this.#byLower.has(l));
  }
}
