import {
  addComment,
  closeIssue,
  createIssue,
  type Issue,
  isTrustedAuthor,
  type RepoRef,
  updateIssue,
} from '@nightshift/github-ops';
import { duplicateComment } from '../render/comments';
import type { Octokit } from '../tracking/octokit';
import type { IssuePlan } from '../tracking/plan-issue';
import { canonicalIssue, loadTrackedIssues, type TrackedIssue } from '../tracking/tracked-issues';
import { TrackingError } from '../tracking/tracking-error';
import type { PlannedOperation } from './detector-types';

export interface ApplyContext {
  octokit: Octokit;
  repo: RepoRef;
  trusted: string;
  /** The label failure issues are listed by (see loadTrackedIssues). */
  identityLabel: string | undefined;
  log: (line: string) => void;
  /** Plan a key again against the issue that won a creation race. */
  replan: (plan: IssuePlan, kept: TrackedIssue) => IssuePlan;
}

/** A plan as carried out: the issue it ended up in. */
export interface AppliedPlan {
  plan: IssuePlan;
  number: number;
  url: string;
  title: string;
  /** The issue was ours to create but another detector's older issue won: ours was closed. */
  lostRace: boolean;
}

/** What a plan would write, for a dry run. */
export function describePlan(plan: IssuePlan): PlannedOperation[] {
  if (!plan.changed) return [];
  if (plan.number === null) {
    return [
      { action: 'create-issue', key: plan.key, title: plan.title, labels: plan.labels, body: plan.body },
    ];
  }
  const update: PlannedOperation = {
    action: 'update-issue',
    number: plan.number,
    key: plan.key,
    labels: plan.labels,
    body: plan.body,
    ...(plan.setState ? { state: plan.setState.state } : {}),
  };
  const comments = plan.comments.map(
    (body): PlannedOperation => ({ action: 'comment', number: plan.number, key: plan.key, body }),
  );
  return plan.setState?.state === 'closed' ? [...comments, update] : [update, ...comments];
}

/**
 * Carry out the plans: updates first, then creations, then the duplicate check. After creating,
 * the issues are listed again by marker; where two carry one key, the oldest is kept and the
 * newer one — always ours, since only the detector that created the newer issue can see both —
 * is closed with a link, and our observations are folded into the kept issue instead.
 */
export async function applyPlans(plans: readonly IssuePlan[], ctx: ApplyContext): Promise<AppliedPlan[]> {
  const applied: AppliedPlan[] = [];
  for (const plan of plans) {
    if (plan.number === null) continue;
    if (plan.changed) await applyUpdate(plan, plan.number, ctx);
    applied.push({ plan, number: plan.number, url: plan.url, title: plan.title, lostRace: false });
  }
  const created: AppliedPlan[] = [];
  for (const plan of plans) {
    if (plan.number !== null) continue;
    const issue = await createIssue(ctx.octokit, ctx.repo, {
      title: plan.title,
      body: plan.body,
      labels: plan.labels,
    });
    await checkAuthor(issue, ctx);
    ctx.log(`created #${issue.number}: ${plan.title}`);
    created.push({ plan, number: issue.number, url: issue.html_url, title: issue.title, lostRace: false });
  }
  if (created.length === 0) return applied;

  const tracked = await loadTrackedIssues(ctx.octokit, ctx.repo, {
    trusted: ctx.trusted,
    label: ctx.identityLabel,
  });
  for (const mine of created) {
    const kept = canonicalIssue(tracked.get(mine.plan.key));
    if (!kept || kept.number === mine.number) {
      applied.push(mine);
      continue;
    }
    ctx.log(`#${mine.number} duplicates #${kept.number} (${mine.plan.key}): closing it`);
    await addComment(ctx.octokit, ctx.repo, mine.number, duplicateComment(kept));
    await closeIssue(ctx.octokit, ctx.repo, mine.number, 'not_planned');
    const replanned = ctx.replan(mine.plan, kept);
    if (replanned.changed) await applyUpdate(replanned, kept.number, ctx);
    applied.push({ plan: replanned, number: kept.number, url: kept.url, title: kept.title, lostRace: true });
  }
  return applied;
}

async function applyUpdate(plan: IssuePlan, number: number, ctx: ApplyContext): Promise<void> {
  const closing = plan.setState?.state === 'closed';
  if (closing) for (const body of plan.comments) await addComment(ctx.octokit, ctx.repo, number, body);
  await updateIssue(ctx.octokit, ctx.repo, number, {
    body: plan.body,
    labels: plan.labels,
    ...(plan.setState ? { state: plan.setState.state, stateReason: plan.setState.reason } : {}),
  });
  if (!closing) for (const body of plan.comments) await addComment(ctx.octokit, ctx.repo, number, body);
  ctx.log(`updated #${number} (${plan.key})`);
}

/**
 * Markers are trusted only from the configured bot. If the token writes as someone else, every
 * later cycle would miss this issue and open another: stop at the first write, say how to fix it.
 */
export async function checkAuthor(
  issue: Issue,
  ctx: Pick<ApplyContext, 'octokit' | 'repo' | 'trusted'>,
): Promise<void> {
  const author = issue.user?.login;
  if (isTrustedAuthor(author, ctx.trusted)) return;
  await closeIssue(ctx.octokit, ctx.repo, issue.number, 'not_planned').catch(() => undefined);
  throw new TrackingError(
    `issues are written as "${author}" but issues.botLogin is "${ctx.trusted}": Nightshift would not recognise its own issues. Set issues.botLogin to "${author}" (closed #${issue.number}).`,
  );
}
