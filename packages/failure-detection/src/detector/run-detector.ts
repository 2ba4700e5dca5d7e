import { ensureLabels } from '@nightshift/github-ops';
import { resolveBotLogin } from '../tracking/bot-identity';
import type { SourceState } from '../tracking/detector-state';
import { labelSpecs } from '../tracking/labels';
import { loadStateIssue } from '../tracking/state-issue';
import { loadTrackedIssues } from '../tracking/tracked-issues';
import { type AppliedPlan, applyPlans, describePlan } from './apply-plans';
import type {
  DetectorDeps,
  DetectorInputs,
  DetectorResult,
  IssueRef,
  PlannedOperation,
} from './detector-types';
import { digestUpdates } from './digest-updates';
import { windowStart } from './lookback';
import { planTracking } from './plan-tracking';
import { type SourceScan, scanSource } from './scan-source';
import { updateDigests } from './update-digests';
import { writeState } from './write-state';

/**
 * One detector cycle: read every source's new runs, keep one issue per failure up to date
 * (occurrences, flakiness, recovery, regressions), optionally the daily digests, then the state.
 *
 * A source that fails is recorded in `sourceErrors` and the others still run; a run that cannot be
 * read is recorded in `runErrors` and its source's other runs still count. A cycle with no new
 * completed run writes nothing and reads only the state issue and the sources' listings; a second
 * cycle over the same data writes nothing at all.
 */
export async function runDetector(deps: DetectorDeps, inputs: DetectorInputs): Promise<DetectorResult> {
  const log = deps.log ?? (() => {});
  const now = deps.now?.() ?? new Date();
  const { config } = inputs;
  const result: DetectorResult = {
    created: [],
    updated: [],
    reopened: [],
    recovered: [],
    flaky: [],
    unchanged: 0,
    runsProcessed: 0,
    runsSkippedInProgress: 0,
    sourceErrors: [],
    runErrors: [],
  };
  const dryRun = inputs.dryRun ?? config.dryRun;
  if (dryRun) result.plannedOperations = [];
  if (config.killSwitch) {
    log('kill switch is on: doing nothing');
    return result;
  }
  const repo = inputs.issueRepo;
  const { octokit } = deps;
  const trusted = await resolveBotLogin(octokit, config.issues.botLogin ?? deps.botLogin);
  const loaded = await loadStateIssue(octokit, repo, trusted);
  const createdAfter = windowStart(now, inputs.since ?? config.lookback);

  const scans: SourceScan[] = [];
  for (const source of deps.sources) {
    try {
      const scan = await scanSource(source, loaded.sources.get(source.name) ?? null, {
        classifier: deps.classifier,
        createdAfter,
        now,
        log,
      });
      scans.push(scan);
      result.runsProcessed += scan.runsProcessed;
      result.runsSkippedInProgress += scan.runsSkippedInProgress;
      for (const e of scan.runErrors) result.runErrors.push({ source: source.name, ...e });
      log(
        `${source.name}: ${scan.runsProcessed} new run(s), ${scan.observations.length} failure(s), ${scan.runsSkippedInProgress} in progress`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.sourceErrors.push({ source: source.name, message });
      log(`${source.name}: could not be read: ${message}`);
    }
  }

  const states = new Map<string, SourceState>();
  for (const source of deps.sources) {
    const state = scans.find((s) => s.source === source.name)?.state ?? loaded.sources.get(source.name);
    if (state) states.set(source.name, state);
  }
  const touched = new Set(scans.filter((s) => s.added.length > 0).map((s) => s.source));
  const planned: PlannedOperation[] = [];
  let applied: AppliedPlan[] = [];

  if (touched.size > 0) {
    const identityLabel = config.issues.labels[0];
    const tracked = await loadTrackedIssues(octokit, repo, { trusted, label: identityLabel });
    const { plans, replan } = planTracking({
      observations: scans.flatMap((s) => s.observations),
      touchedSources: touched,
      states,
      tracked,
      settings: config.issues,
      recoveryRuns: config.issues.recoveryRuns,
    });
    const writing = plans.filter((p) => p.changed);
    const labels = labelSpecs([
      ...writing.flatMap((p) => p.labels),
      ...(config.issues.digest ? ['nightshift-digest'] : []),
      ...(loaded.issue ? [] : ['nightshift-state']),
    ]);
    if (writing.length > 0) planned.push({ action: 'ensure-labels', labels: labels.map((l) => l.name) });
    if (dryRun) {
      for (const plan of plans) planned.push(...describePlan(plan));
      applied = plans.map((plan) => ({
        plan,
        number: plan.number ?? 0,
        url: plan.url,
        title: plan.title,
        lostRace: false,
      }));
    } else {
      if (writing.length > 0) await ensureLabels(octokit, repo, labels);
      applied = await applyPlans(plans, {
        octokit,
        repo,
        trusted,
        identityLabel,
        log,
        replan: (plan, kept) => replan(plan.key, kept),
      });
    }
    collect(result, applied);
    if (config.issues.digest) {
      const day = now.toISOString().slice(0, 10);
      planned.push(
        ...(await updateDigests(digestUpdates(scans, applied), { octokit, repo, trusted, dryRun, day, log })),
      );
    }
  }

  const stateOperation = await writeState(loaded, [...states.values()], {
    octokit,
    repo,
    trusted,
    dryRun,
    log,
  });
  if (stateOperation) planned.push(stateOperation);
  if (dryRun) result.plannedOperations = planned;
  return result;
}

function collect(result: DetectorResult, applied: readonly AppliedPlan[]): void {
  for (const a of applied) {
    const ref: IssueRef = { number: a.number, url: a.url, title: a.title, key: a.plan.key };
    const { outcome } = a.plan;
    if (outcome.created && !a.lostRace) result.created.push(ref);
    if (outcome.updated) result.updated.push(ref);
    if (outcome.reopened) result.reopened.push(ref);
    if (outcome.recovered) result.recovered.push(ref);
    if (outcome.flaky) result.flaky.push(ref);
    if (!a.plan.changed && a.plan.observedSources.length > 0) result.unchanged++;
  }
}
