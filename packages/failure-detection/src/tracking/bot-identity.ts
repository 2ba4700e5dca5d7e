import { GitHubError, getViewerLogin } from '@nightshift/github-ops';
import type { Octokit } from './octokit';
import { TrackingError } from './tracking-error';

/**
 * The login Nightshift's issues are authored by: markers are trusted only in bodies it wrote.
 * Configured (`issues.botLogin`) wins; otherwise the token's own login (`getViewerLogin`:
 * `GET /user` for a user's token, the GraphQL `viewer` for a GitHub App's installation token,
 * which answers `<app-slug>[bot]`). When neither works, the error says what to configure.
 */
export async function resolveBotLogin(octokit: Octokit, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  try {
    return (await getViewerLogin(octokit)).login;
  } catch (error) {
    const why = GitHubError.isInstance(error) ? error.message : String(error);
    throw new TrackingError(
      `cannot tell which login Nightshift's issues are written by (${why}); set issues.botLogin in the configuration (with a workflow's GITHUB_TOKEN it is "github-actions[bot]", with a GitHub App's token "<app-slug>[bot]")`,
      { cause: error },
    );
  }
}
