import { posix } from 'node:path';
import type { PolicyViolation, WritePolicy } from './types';

/**
 * Branch names we are willing to create or write: `git check-ref-format --branch` rules, plus a
 * conservative character set so a name can never be read as an option, a revision expression or
 * shell syntax (`-u`, `a;id`, `x@{0}`, `$(curl …)`, `foo..bar` are all refused).
 */
export function checkBranchName(branch: string): string | null {
  if (branch.length === 0) return 'branch name is empty';
  if (branch.length > 200) return 'branch name is longer than 200 characters';
  if (!/^[A-Za-z0-9._/-]+$/.test(branch))
    return 'branch name may only contain letters, digits, ".", "_", "-" and "/"';
  if (branch.startsWith('-')) return 'branch name starts with "-"';
  if (branch.startsWith('/') || branch.endsWith('/') || branch.includes('//'))
    return 'branch name has an empty component';
  if (branch.includes('..')) return 'branch name contains ".."';
  if (branch.endsWith('.')) return 'branch name ends with "."';
  if (branch === 'HEAD' || branch.startsWith('refs/'))
    return 'branch name must be a plain branch, not HEAD or a ref path';
  for (const component of branch.split('/')) {
    if (component.startsWith('.')) return 'a branch name component starts with "."';
    if (component.endsWith('.lock')) return 'a branch name component ends with ".lock"';
  }
  return null;
}

export function checkBranch(branch: string | undefined, policy: WritePolicy): PolicyViolation[] {
  if (branch === undefined)
    return [{ path: null, rule: 'branch-missing', message: 'the plan names no branch' }];
  const shown = JSON.stringify(branch);
  const problem = checkBranchName(branch);
  if (problem) return [{ path: null, rule: 'branch-invalid', message: `branch ${shown}: ${problem}` }];
  const out: PolicyViolation[] = [];
  const lower = branch.toLowerCase();
  const hit = policy.protectedBranches.find((glob) => posix.matchesGlob(lower, glob.toLowerCase()));
  if (hit) {
    out.push({
      path: null,
      rule: 'branch-protected',
      message: `branch ${shown} is protected (matches "${hit}")`,
    });
  }
  if (policy.branchPrefix && !branch.startsWith(policy.branchPrefix)) {
    out.push({
      path: null,
      rule: 'branch-prefix',
      message: `branch ${shown} does not start with the required prefix "${policy.branchPrefix}"`,
    });
  }
  return out;
}
