import { checkBranch } from './check-branch';
import {
  contentAsText,
  contentBytes,
  countLines,
  hasClosingKeyword,
  hasHiddenCharacters,
  secretKinds,
} from './check-content';
import { canonicalForMatching, checkPathShape, displayPath } from './check-path';
import { checkPullRequest } from './check-pull-request';
import { matchesAnyGlob } from './match-paths';
import type { FileChange, PolicyDecision, PolicyViolation, WritePlan, WritePolicy } from './types';

export function isRepoAllowed(repo: string, policy: WritePolicy): boolean {
  const wanted = repo.toLowerCase();
  return policy.repos.some((r) => r.toLowerCase() === wanted);
}

export function checkRepo(repo: string, policy: WritePolicy): PolicyViolation[] {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
    return [
      { path: null, rule: 'repo-invalid', message: `repository ${JSON.stringify(repo)} is not "owner/name"` },
    ];
  }
  if (!isRepoAllowed(repo, policy)) {
    return [
      { path: null, rule: 'repo-not-allowed', message: `repository ${repo} is not in the write allowlist` },
    ];
  }
  return [];
}

/** Path rules for one file: shape, deny list (wins), exclusive allow list. */
export function checkPath(path: string, policy: WritePolicy): PolicyViolation[] {
  const out = checkPathShape(path);
  if (path.length === 0) return out;
  const shown = displayPath(path);
  const denied = matchesAnyGlob(path, policy.denyPaths);
  if (denied) out.push({ path, rule: 'path-denied', message: `path ${shown} is denied by "${denied}"` });
  if (policy.allowPaths.length > 0 && !matchesAnyGlob(path, policy.allowPaths)) {
    out.push({ path, rule: 'path-not-allowed', message: `path ${shown} is outside the allowed paths` });
  }
  return out;
}

function checkFile(
  file: FileChange,
  policy: WritePolicy,
): { violations: PolicyViolation[]; bytes: number; lines: number } {
  const { path } = file;
  const out = checkPath(path, policy);
  const shown = displayPath(path);
  const mode = file.mode ?? '100644';
  if (mode === '120000')
    out.push({
      path,
      rule: 'mode-symlink',
      message: `path ${shown}: symlinks (mode 120000) are never written`,
    });
  else if (mode === '160000')
    out.push({
      path,
      rule: 'mode-submodule',
      message: `path ${shown}: submodules (mode 160000) are never written`,
    });
  else if (!policy.allowedModes.includes(mode)) {
    out.push({ path, rule: 'mode-not-allowed', message: `path ${shown}: mode ${mode} is not allowed` });
  }
  if (file.delete) {
    if (!policy.allowDeletes)
      out.push({ path, rule: 'delete-not-allowed', message: `path ${shown}: deleting files is not allowed` });
    return { violations: out, bytes: 0, lines: 0 };
  }
  if (file.content === undefined) {
    out.push({ path, rule: 'content-missing', message: `path ${shown}: no content and not a delete` });
    return { violations: out, bytes: 0, lines: 0 };
  }
  const bytes = contentBytes(file.content);
  if (bytes > policy.maxFileBytes) {
    out.push({
      path,
      rule: 'file-too-large',
      message: `path ${shown}: ${bytes} bytes exceeds the ${policy.maxFileBytes}-byte cap`,
    });
  }
  const text = contentAsText(file.content);
  if (text === null) {
    if (!policy.allowBinary)
      out.push({ path, rule: 'content-binary', message: `path ${shown}: binary content is not allowed` });
    return { violations: out, bytes, lines: 0 };
  }
  if (hasHiddenCharacters(text)) {
    out.push({
      path,
      rule: 'content-hidden-characters',
      message: `path ${shown}: contains bidi or tag characters`,
    });
  }
  const secrets = secretKinds(text);
  if (secrets.length > 0) {
    out.push({
      path,
      rule: 'content-secret',
      message: `path ${shown}: looks like it contains a secret (${[...new Set(secrets)].join(', ')})`,
    });
  }
  return { violations: out, bytes, lines: countLines(text) };
}

/**
 * The write policy, as one pure function: the MCP tools, the write functions and the applier all
 * call this with the same plan, so a plan refused in one place is refused everywhere.
 */
export function evaluateWritePlan(plan: WritePlan, policy: WritePolicy): PolicyDecision {
  const violations: PolicyViolation[] = [...checkRepo(plan.repo, policy)];
  const files = plan.files ?? [];
  if (files.length > 0 || plan.branch !== undefined || plan.createBranch) {
    violations.push(...checkBranch(plan.branch, policy));
  }
  if (files.length > 0) {
    if (!plan.message || plan.message.trim().length === 0) {
      violations.push({ path: null, rule: 'message-missing', message: 'the commit has no message' });
    } else if (!policy.allowClosingKeywords && hasClosingKeyword(plan.message)) {
      violations.push({
        path: null,
        rule: 'closing-keyword',
        message: 'commit message uses a closing keyword ("fixes #N")',
      });
    }
  }
  if (files.length > policy.maxFiles) {
    violations.push({
      path: null,
      rule: 'too-many-files',
      message: `${files.length} files exceeds the cap of ${policy.maxFiles}`,
    });
  }
  const seen = new Set<string>();
  let totalBytes = 0;
  let totalLines = 0;
  for (const file of files) {
    const key = canonicalForMatching(file.path);
    if (seen.has(key)) {
      violations.push({
        path: file.path,
        rule: 'path-duplicate',
        message: `path ${displayPath(file.path)} appears more than once`,
      });
    }
    seen.add(key);
    const result = checkFile(file, policy);
    violations.push(...result.violations);
    totalBytes += result.bytes;
    totalLines += result.lines;
  }
  if (totalBytes > policy.maxTotalBytes) {
    violations.push({
      path: null,
      rule: 'total-too-large',
      message: `${totalBytes} bytes in total exceeds the cap of ${policy.maxTotalBytes}`,
    });
  }
  if (totalLines > policy.maxLines) {
    violations.push({
      path: null,
      rule: 'too-many-lines',
      message: `${totalLines} lines in total exceeds the cap of ${policy.maxLines}`,
    });
  }
  violations.push(...checkPullRequest(plan, policy));
  return { allowed: violations.length === 0, violations };
}
