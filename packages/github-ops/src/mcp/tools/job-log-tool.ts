import { readLines } from '@nightshift/log-parsing';
import { z } from 'zod';
import { listJobsForRun } from '../../actions/jobs';
import { viewLog } from '../../actions/log-view';
import { openJobLog } from '../../actions/logs';
import type { RepoRef } from '../../client/repo-ref';
import { ExpiredError } from '../../errors/github-error';
import { allowedRepo, defineTool, type ToolContext } from '../tool-context';
import { repoInput } from './common-input';

const MAX_FAILED_JOBS = 5;

async function oneJob(
  ctx: ToolContext,
  repo: RepoRef,
  jobId: number,
  options: { tail: number; grep?: string; context?: number },
): Promise<string> {
  try {
    const log = await openJobLog(ctx.octokit, repo, jobId);
    const view = await viewLog(readLines(log.body), {
      tailLines: options.tail,
      ...(options.grep ? { grep: options.grep } : {}),
      ...(options.context !== undefined ? { context: options.context } : {}),
    });
    const what = options.grep
      ? `${view.matches} match(es) for "${options.grep}"`
      : `last ${Math.min(options.tail, view.totalLines)} lines`;
    return [
      `job ${jobId}: ${view.totalLines} lines, ${what}${view.truncated ? ' (truncated)' : ''}`,
      ...view.lines,
    ].join('\n');
  } catch (error) {
    if (ExpiredError.isInstance(error))
      return `job ${jobId}: the log has expired (past retention) and can no longer be downloaded.`;
    throw error;
  }
}

export const getJobLogsTool = defineTool({
  name: 'get_job_logs',
  description:
    'Read a GitHub Actions job log: the last tail_lines lines, or lines matching grep (literal, case-insensitive, "|" separates alternatives) with context. Give job_id, or run_id to read the failed jobs of a run.',
  write: false,
  input: {
    ...repoInput,
    job_id: z.number().int().positive().optional(),
    run_id: z.number().int().positive().optional(),
    failed_only: z.boolean().optional().describe('With run_id: only failed jobs (default true)'),
    tail_lines: z.number().int().min(1).max(5000).optional().describe('Default 200'),
    grep: z.string().min(1).max(200).optional(),
    context: z.number().int().min(0).max(20).optional(),
  },
  async run(args, ctx) {
    const repo = allowedRepo(ctx, args.owner, args.repo);
    const options = {
      tail: args.tail_lines ?? 200,
      ...(args.grep ? { grep: args.grep } : {}),
      ...(args.context !== undefined ? { context: args.context } : {}),
    };
    if (args.job_id !== undefined) return oneJob(ctx, repo, args.job_id, options);
    if (args.run_id === undefined) throw new TypeError('give job_id or run_id');
    const jobs = await listJobsForRun(ctx.octokit, repo, args.run_id);
    const wanted =
      args.failed_only === false
        ? jobs
        : jobs.filter((j) => j.conclusion === 'failure' || j.conclusion === 'timed_out');
    if (wanted.length === 0)
      return `run ${args.run_id}: no ${args.failed_only === false ? '' : 'failed '}jobs`;
    const parts: string[] = [];
    for (const job of wanted.slice(0, MAX_FAILED_JOBS)) {
      parts.push(
        `=== ${job.name} (${job.conclusion ?? job.status})`,
        await oneJob(ctx, repo, job.id, options),
      );
    }
    if (wanted.length > MAX_FAILED_JOBS)
      parts.push(`[${wanted.length - MAX_FAILED_JOBS} more jobs not shown; ask by job_id]`);
    return parts.join('\n');
  },
});
