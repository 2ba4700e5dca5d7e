import { intParam, ok, type RequestContext } from '../context';
import { HttpError } from '../http-error';
import { paginate } from '../paginate';
import { runShape, workflowShape } from '../shapes/actions';
import { findWorkflow, inRepo } from '../state/actions';
import type { RepoRecord, RunRecord } from '../state/world';
import { github, type Routes, repoOf } from './common';

const CONCLUSIONS = new Set([
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'skipped',
  'stale',
  'success',
  'timed_out',
  'startup_failure',
]);

/** GitHub's `created` filter: `>=D`, `<=D`, `>D`, `<D`, `D..D` (`*` open-ended) or a bare day. */
export function createdFilter(raw: string | null): ((iso: string) => boolean) | undefined {
  if (!raw) return undefined;
  // Dates are parsed now, so a malformed filter is a 422 even when there is nothing to filter.
  const time = (value: string, endOfDay: boolean): number => {
    if (value === '*') return endOfDay ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    const parsed = Date.parse(/^\d{4}-\d\d-\d\d$/.test(value) && endOfDay ? `${value}T23:59:59.999Z` : value);
    if (Number.isNaN(parsed)) throw new HttpError(422, `Invalid created filter: ${raw}`);
    return parsed;
  };
  const between = (from: number, to: number) => (iso: string) =>
    Date.parse(iso) >= from && Date.parse(iso) <= to;
  const range = /^(.+)\.\.(.+)$/.exec(raw);
  if (range) return between(time(range[1]!, false), time(range[2]!, true));
  const [, op = '', value = ''] = /^(>=|<=|>|<)?(.+)$/.exec(raw) ?? [];
  if (op === '>=') return between(time(value, false), Number.POSITIVE_INFINITY);
  if (op === '<=') return between(Number.NEGATIVE_INFINITY, time(value, true));
  if (op === '>') {
    const after = time(value, true);
    return (iso) => Date.parse(iso) > after;
  }
  if (op === '<') {
    const before = time(value, false);
    return (iso) => Date.parse(iso) < before;
  }
  return between(time(value, false), time(value, true));
}

function listRuns(ctx: RequestContext, repo: RepoRecord, workflowId?: number) {
  const key = `${repo.owner}/${repo.name}`.toLowerCase();
  const q = ctx.query;
  const status = q.get('status');
  const created = createdFilter(q.get('created'));
  const runs = [...ctx.world.runs.values()].filter((run) => {
    const latest = run.attempts[run.attempts.length - 1]!;
    if (run.repo !== key || (workflowId !== undefined && run.workflowId !== workflowId)) return false;
    if (q.get('branch') && run.headBranch !== q.get('branch')) return false;
    if (q.get('event') && run.event !== q.get('event')) return false;
    if (q.get('head_sha') && run.headSha !== q.get('head_sha')) return false;
    if (q.get('actor') && run.actor.toLowerCase() !== q.get('actor')!.toLowerCase()) return false;
    if (status && (CONCLUSIONS.has(status) ? latest.conclusion !== status : latest.status !== status))
      return false;
    return created === undefined || created(latest.createdAt);
  });
  runs.sort((a, b) => b.attempts[0]!.createdAt.localeCompare(a.attempts[0]!.createdAt) || b.id - a.id);
  const page = paginate(ctx, runs);
  return ok(
    {
      total_count: runs.length,
      workflow_runs: page.items.map((run) => runShape(ctx.world, ctx.urls, repo, run)),
    },
    page.headers,
  );
}

export function runOf(ctx: RequestContext, repo: RepoRecord): RunRecord {
  return inRepo(ctx.world.runs.get(intParam(ctx, 'run_id')), repo);
}

export function attemptOf(ctx: RequestContext, run: RunRecord) {
  const attempt = run.attempts[intParam(ctx, 'attempt_number') - 1];
  if (!attempt) throw new HttpError(404, 'Not Found');
  return attempt;
}

export function registerRunRoutes(router: Routes): void {
  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/workflows',
    github((ctx) => {
      const repo = repoOf(ctx);
      const key = `${repo.owner}/${repo.name}`.toLowerCase();
      const workflows = [...ctx.world.workflows.values()].filter((workflow) => workflow.repo === key);
      const page = paginate(ctx, workflows);
      return ok(
        { total_count: workflows.length, workflows: page.items.map((w) => workflowShape(ctx.urls, repo, w)) },
        page.headers,
      );
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/workflows/{workflow_id}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const workflow = findWorkflow(ctx.world, repo, ctx.params.workflow_id ?? '');
      if (!workflow) throw new HttpError(404, 'Not Found');
      return ok(workflowShape(ctx.urls, repo, workflow));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    github((ctx) => {
      const repo = repoOf(ctx);
      const workflow = findWorkflow(ctx.world, repo, ctx.params.workflow_id ?? '');
      if (!workflow) throw new HttpError(404, 'Not Found');
      return listRuns(ctx, repo, workflow.id);
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/runs',
    github((ctx) => listRuns(ctx, repoOf(ctx))),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/runs/{run_id}',
    github((ctx) => {
      const repo = repoOf(ctx);
      return ok(runShape(ctx.world, ctx.urls, repo, runOf(ctx, repo)));
    }),
  );

  router.add(
    'GET',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}',
    github((ctx) => {
      const repo = repoOf(ctx);
      const run = runOf(ctx, repo);
      return ok(runShape(ctx.world, ctx.urls, repo, run, attemptOf(ctx, run)));
    }),
  );
}
