import { GitHubError } from '@nightshift/github-ops';
import type { Octokit } from './octokit';
import { TrackingError } from './tracking-error';

/**
 * The login Nightshift's issues are authored by: markers are trusted only in bodies it wrote.
 * Configured (`issues.botLogin`) wins; otherwise the token's user (`GET /user`). Installation
 * tokens (the workflow's GITHUB_TOKEN, GitHub Apps) cannot call `GET /user`: those must be
 * configured (`github-actions[bot]`, `<app-slug>[bot]`), and the error says so.
 */
export async function resolveBotLogin(octokit: Octokit, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (data.login) return data.login;
  } catch (error) {
    const why = GitHubError.isInstance(error) ? `${error.status ?? error.kind}` : String(error);
    throw new TrackingError(
      `cannot tell which login Nightshift's issues are written by (GET /user failed: ${why}); set issues.botLogin in the configuration (with a workflow's GITHUB_TOKEN it is "github-actions[bot]")`,
      { cause: error },
    );
  }
  throw new TrackingError('GET /user returned no login; set issues.botLogin in the configuration');
}
