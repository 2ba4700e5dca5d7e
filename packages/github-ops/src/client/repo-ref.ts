/** A repository as every github-ops function takes it (same field names as Octokit's parameters). */
export interface RepoRef {
  owner: string;
  repo: string;
}

const REPO = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

/** `owner/name` → RepoRef; a clear error for anything else. */
export function parseRepo(fullName: string): RepoRef {
  const match = REPO.exec(fullName.trim());
  if (!match) throw new TypeError(`repository ${JSON.stringify(fullName)} is not in "owner/name" form`);
  return { owner: match[1]!, repo: match[2]! };
}

export function repoName(ref: RepoRef): string {
  return `${ref.owner}/${ref.repo}`;
}
