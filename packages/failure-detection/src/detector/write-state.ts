import { addComment, closeIssue, createIssue, type RepoRef, updateIssue } from '@nightshift/github-ops';
import { renderStateBody } from '../render/state-body';
import { type SourceState, STATE_LABEL, STATE_TITLE } from '../tracking/detector-state';
import type { Octokit } from '../tracking/octokit';
import { type LoadedState, loadStateIssue } from '../tracking/state-issue';
import { checkAuthor } from './apply-plans';
import type { PlannedOperation } from './detector-types';

export interface StateWriteContext {
  octokit: Octokit;
  repo: RepoRef;
  trusted: string;
  dryRun: boolean;
  log: (line: string) => void;
}

/**
 * Write the detector state last, so a cycle that crashes earlier is simply done again. Nothing is
 * written when the body would not change. A state issue created concurrently by another detector
 * is resolved like failure issues: the oldest stays, ours is closed.
 */
export async function writeState(
  loaded: LoadedState,
  states: readonly SourceState[],
  ctx: StateWriteContext,
): Promise<PlannedOperation | null> {
  const body = renderStateBody(states);
  if (loaded.issue?.body === body) return null;
  if (!loaded.issue && states.every((s) => s.cursor === null && s.runs.length === 0)) return null;
  const planned: PlannedOperation = { action: 'write-state', number: loaded.issue?.number ?? null, body };
  if (ctx.dryRun) return planned;
  if (loaded.issue) {
    await updateIssue(ctx.octokit, ctx.repo, loaded.issue.number, { body });
    return planned;
  }
  const issue = await createIssue(ctx.octokit, ctx.repo, { title: STATE_TITLE, body, labels: [STATE_LABEL] });
  await checkAuthor(issue, ctx);
  const again = await loadStateIssue(ctx.octokit, ctx.repo, ctx.trusted);
  const oldest = again.issue;
  if (oldest && oldest.number !== issue.number) {
    ctx.log(`state issue #${issue.number} duplicates #${oldest.number}: closing it`);
    await addComment(
      ctx.octokit,
      ctx.repo,
      issue.number,
      `Duplicate of #${oldest.number} (two detectors ran at once).`,
    );
    await closeIssue(ctx.octokit, ctx.repo, issue.number, 'not_planned');
    if (oldest.body !== body) await updateIssue(ctx.octokit, ctx.repo, oldest.number, { body });
  }
  return { ...planned, number: oldest?.number ?? issue.number };
}
