import { checkBranch } from './check-branch';
import { hasClosingKeyword } from './check-content';
import type { PolicyViolation, WritePlan, WritePolicy } from './types';

const MAX_PR_TITLE = 256;
// GitHub rejects bodies over 65,536 characters; keep room for markers and footers.
const MAX_PR_BODY = 60_000;

/** Pull-request rules: draft, title, body size, closing keywords, a valid base branch. */
export function checkPullRequest(plan: WritePlan, policy: WritePolicy): PolicyViolation[] {
  const pr = plan.pullRequest;
  if (!pr) return [];
  const out: PolicyViolation[] = [];
  if (pr.draft === false && !policy.allowReadyPullRequests) {
    out.push({ path: null, rule: 'pr-not-draft', message: 'pull requests must be drafts' });
  }
  if (pr.title.trim().length === 0 || pr.title.length > MAX_PR_TITLE || /[\r\n]/.test(pr.title)) {
    out.push({
      path: null,
      rule: 'pr-title-invalid',
      message: `pull request title must be one line of 1-${MAX_PR_TITLE} characters`,
    });
  }
  if (pr.body.length > MAX_PR_BODY) {
    out.push({
      path: null,
      rule: 'pr-body-too-long',
      message: `pull request body is ${pr.body.length} characters (cap ${MAX_PR_BODY})`,
    });
  }
  if (!policy.allowClosingKeywords && hasClosingKeyword(`${pr.title}\n${pr.body}`)) {
    out.push({
      path: null,
      rule: 'closing-keyword',
      message: 'pull request text uses a closing keyword ("fixes #N"); link with "Refs #N"',
    });
  }
  const baseProblem = checkBranch(pr.base, { ...policy, protectedBranches: [], branchPrefix: null });
  for (const v of baseProblem) out.push({ ...v, message: `base ${v.message}` });
  return out;
}
