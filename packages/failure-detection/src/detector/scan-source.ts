import type { Classifier } from '@nightshift/log-parsing';
import { buildFailureReport } from '../report/index';
import { compareIds, type RunRecord, runKey, type SourceState, sortRuns } from '../tracking/detector-state';
import type { Observation } from '../tracking/merge-observations';
import type { CiRun, CiSource, FailureReport, RunConclusion, SourceCursor } from '../types';

/** Key lists longer than this are not remembered (recovery then waits for a run it can judge). */
const MAX_KEYS_PER_RUN = 200;
/** A run "in progress" for longer than this is stuck: stop holding the cursor back for it. */
export const STUCK_RUN_MS = 3 * 24 * 3600 * 1000;

export interface ScanContext {
  classifier: Classifier;
  createdAfter: string;
  now: Date;
  log: (line: string) => void;
  budgetTokens?: number;
}

export interface SourceScan {
  source: string;
  /** The source's state after this cycle (unchanged when the listing failed). */
  state: SourceState;
  observations: Observation[];
  /** History records added this cycle. */
  added: RunRecord[];
  runsProcessed: number;
  runsSkippedInProgress: number;
  /** Runs that could not be read (retried next cycle). */
  runErrors: { run: string; message: string }[];
}

/**
 * Read one source's new runs and turn the completed ones into observations and history records.
 * The cursor advances only over an unbroken prefix of completed, processed runs: a run in progress
 * or one whose report failed holds it back (it is picked up next cycle), while later runs are
 * processed now and remembered so they are not processed twice. Listing errors propagate.
 */
export async function scanSource(
  source: CiSource,
  previous: SourceState | null,
  ctx: ScanContext,
): Promise<SourceScan> {
  const cursor = previous?.cursor ?? null;
  const listed = await source.listRuns({ cursor, createdAfter: ctx.createdAfter });
  const runs = [...listed].sort((a, b) => compareIds(a.id, b.id) || a.attempt - b.attempt);
  const seen = new Set((previous?.runs ?? []).map(runKey));
  const scan: SourceScan = {
    source: source.name,
    state: { source: source.name, cursor, runs: [...(previous?.runs ?? [])] },
    observations: [],
    added: [],
    runsProcessed: 0,
    runsSkippedInProgress: 0,
    runErrors: [],
  };
  let lastRunId = cursor?.lastRunId ?? null;
  let lastCompletedAt = cursor?.lastCompletedAt ?? null;
  let blockedNew = false;
  let blockedAny = false;
  for (const run of runs) {
    const previousId = cursor?.lastRunId ?? null;
    const isNew = previousId === null || compareIds(run.id, previousId) > 0;
    if (run.status !== 'completed') {
      scan.runsSkippedInProgress++;
      // Only new runs can be judged stuck by age: a re-run of an old run carries its old date.
      if (isNew && ctx.now.getTime() - Date.parse(run.createdAt) > STUCK_RUN_MS) {
        ctx.log(
          `${source.name}: run ${run.id} has been ${run.status} for over 3 days; no longer waiting for it`,
        );
      } else {
        blockedAny = true;
        if (isNew) blockedNew = true;
      }
      continue;
    }
    if (!seen.has(runKey({ i: run.id, a: run.attempt }))) {
      try {
        const processed = await processRun(source, run, seen, ctx);
        for (const record of processed.records) seen.add(runKey(record));
        scan.added.push(...processed.records);
        scan.observations.push(...processed.observations);
        scan.runsProcessed++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        scan.runErrors.push({ run: run.id, message });
        ctx.log(
          `${source.name}: run ${run.id} could not be read (${message}); it will be retried next cycle`,
        );
        blockedAny = true;
        if (isNew) blockedNew = true;
        continue;
      }
    }
    if (isNew && !blockedNew) lastRunId = run.id;
    const completed = run.completedAt ?? run.createdAt;
    if (!blockedAny && (lastCompletedAt === null || completed > lastCompletedAt)) lastCompletedAt = completed;
  }
  const nextCursor: SourceCursor | null =
    lastRunId === null && lastCompletedAt === null ? null : { lastRunId, lastCompletedAt };
  const all = sortRuns([...scan.state.runs, ...scan.added]).map((record) => {
    const { p: _, ...rest } = record;
    // Remembered until the cursor passes it: the listing returns it again until then.
    return lastRunId === null || compareIds(record.i, lastRunId) > 0 ? { ...rest, p: 1 as const } : rest;
  });
  scan.state = { source: source.name, cursor: nextCursor, runs: all };
  return scan;
}

interface ProcessedRun {
  records: RunRecord[];
  observations: Observation[];
}

const FAILED = new Set<RunConclusion>(['failure', 'timed_out']);

async function processRun(
  source: CiSource,
  run: CiRun,
  seen: Set<string>,
  ctx: ScanContext,
): Promise<ProcessedRun> {
  const out: ProcessedRun = { records: [], observations: [] };
  const conclusion = run.conclusion;
  if (conclusion !== null && (FAILED.has(conclusion) || conclusion === 'cancelled')) {
    const report = await buildReport(source, run, ctx);
    // A cancelled run counts only for what it really shows: a run stopped early (superseded by a
    // newer push) with nothing recognisable in its logs is not a failure worth an issue.
    const groups =
      conclusion === 'cancelled' &&
      report.analysis.failures.every((f) => f.rule === null && f.test === null && f.category === 'unknown')
        ? []
        : report.groups;
    out.records.push(
      record(
        run,
        FAILED.has(conclusion) ? 'fail' : 'other',
        groups.map((g) => g.key),
      ),
    );
    out.observations.push(...groups.map((group) => ({ run, group, analysis: report.analysis })));
    return out;
  }
  if (conclusion === 'success' && run.attempt > 1 && source.listAttempts) {
    // Passed on a re-run: the failed earlier attempts are what makes a failure flaky.
    for (const attempt of await source.listAttempts(run)) {
      if (attempt.attempt >= run.attempt || seen.has(runKey({ i: run.id, a: attempt.attempt }))) continue;
      if (attempt.conclusion === null || !FAILED.has(attempt.conclusion)) continue;
      const earlier: CiRun = { ...run, attempt: attempt.attempt, conclusion: attempt.conclusion };
      const report = await buildReport(source, earlier, ctx);
      out.records.push(
        record(
          earlier,
          'fail',
          report.groups.map((g) => g.key),
        ),
      );
      out.observations.push(
        ...report.groups.map((group) => ({ run: earlier, group, analysis: report.analysis })),
      );
    }
  }
  out.records.push(record(run, conclusion === 'success' ? 'pass' : 'other', []));
  return out;
}

function buildReport(source: CiSource, run: CiRun, ctx: ScanContext): Promise<FailureReport> {
  return buildFailureReport(run, source, {
    classifier: ctx.classifier,
    ...(ctx.budgetTokens !== undefined ? { budgetTokens: ctx.budgetTokens } : {}),
  });
}

function record(run: CiRun, result: RunRecord['r'], keys: string[]): RunRecord {
  const unique = [...new Set(keys)];
  return {
    i: run.id,
    a: run.attempt,
    s: run.headSha ? run.headSha.slice(0, 12) : null,
    t: run.createdAt,
    r: result,
    k: unique.length > MAX_KEYS_PER_RUN ? null : unique,
  };
}
