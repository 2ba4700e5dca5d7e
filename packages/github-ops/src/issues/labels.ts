import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../client/repo-ref';
import { GitHubError } from '../errors/github-error';
import type { Label } from './types';

export interface LabelSpec {
  name: string;
  /** Six hex digits, no `#`. Default `ededed`. */
  color?: string;
  description?: string;
}

export interface EnsureLabelsResult {
  created: string[];
  existing: string[];
}

/** Every label of the repository (paginated). */
export async function listLabels(octokit: Octokit, repo: RepoRef): Promise<Label[]> {
  return octokit.paginate(octokit.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
}

/**
 * Make sure labels exist, creating the missing ones. Names compare case-insensitively, as on
 * GitHub. A 422 "already_exists" (another run created it meanwhile) counts as existing.
 */
export async function ensureLabels(
  octokit: Octokit,
  repo: RepoRef,
  labels: readonly LabelSpec[],
): Promise<EnsureLabelsResult> {
  const present = new Set((await listLabels(octokit, repo)).map((l) => l.name.toLowerCase()));
  const result: EnsureLabelsResult = { created: [], existing: [] };
  for (const label of labels) {
    if (present.has(label.name.toLowerCase())) {
      result.existing.push(label.name);
      continue;
    }
    const color = (label.color ?? 'ededed').replace(/^#/, '');
    if (!/^[0-9a-fA-F]{6}$/.test(color)) {
      throw new TypeError(
        `label ${JSON.stringify(label.name)}: color ${JSON.stringify(label.color)} is not six hex digits`,
      );
    }
    try {
      await octokit.rest.issues.createLabel({
        ...repo,
        name: label.name,
        color,
        ...(label.description !== undefined ? { description: label.description.slice(0, 100) } : {}),
      });
      result.created.push(label.name);
    } catch (error) {
      // 422 is what GitHub answers when another run created the label in between: confirm by reading it.
      if (
        !(GitHubError.isInstance(error) && error.kind === 'validation') ||
        !(await labelExists(octokit, repo, label.name))
      ) {
        throw error;
      }
      result.existing.push(label.name);
    }
    present.add(label.name.toLowerCase());
  }
  return result;
}

async function labelExists(octokit: Octokit, repo: RepoRef, name: string): Promise<boolean> {
  try {
    await octokit.rest.issues.getLabel({ ...repo, name });
    return true;
  } catch {
    return false;
  }
}

/** Add labels to an issue (existing labels are kept). */
export async function addLabels(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  labels: readonly string[],
): Promise<void> {
  if (labels.length === 0) return;
  await octokit.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels: [...labels] });
}

/** Remove one label; a label that is not on the issue is not an error. */
export async function removeLabel(
  octokit: Octokit,
  repo: RepoRef,
  issueNumber: number,
  name: string,
): Promise<void> {
  try {
    await octokit.rest.issues.removeLabel({ ...repo, issue_number: issueNumber, name });
  } catch (error) {
    if (!(GitHubError.isInstance(error) && error.kind === 'not-found')) throw error;
  }
}
