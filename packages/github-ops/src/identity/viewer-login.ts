import type { Octokit } from '@octokit/rest';
import { GitHubError, RateLimitedError } from '../errors/github-error';
import { isRequestErrorLike, toGitHubError } from '../errors/to-github-error';

/** The login a token acts as, and how it was found. */
export interface ViewerLogin {
  login: string;
  /** `rest`: `GET /user` (a user's token); `graphql`: the `viewer` query (an installation token). */
  via: 'rest' | 'graphql';
}

/**
 * Who the token is. `GET /user` answers a user's token; GitHub refuses it to installation tokens
 * (a GitHub App's, a workflow's GITHUB_TOKEN: 403 "Resource not accessible by integration"),
 * which may still ask the GraphQL `viewer` query: it answers `<app-slug>[bot]`. So a refusal
 * there is asked again that way. Other failures (401, a 403 that is a rate limit, network) are
 * thrown as they are, as `GitHubError`s; when GraphQL fails too, the error has its kind.
 */
export async function getViewerLogin(octokit: Octokit): Promise<ViewerLogin> {
  let restError: GitHubError;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (typeof data.login === 'string' && data.login !== '') return { login: data.login, via: 'rest' };
    throw new GitHubError('unknown', 'GET /user returned no login', { request: 'GET /user' });
  } catch (error) {
    restError = toGitHubError(error, 'GET /user');
    // A refusal only: a 403 that is a rate limit is thrown as it is.
    if (restError.kind !== 'forbidden') throw restError;
  }
  try {
    const data = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }');
    const login = data.viewer?.login;
    if (typeof login === 'string' && login !== '') return { login, via: 'graphql' };
    throw new Error('the viewer query returned no login');
  } catch (error) {
    // Out of GraphQL points (the client has typed it): retryable once the window resets.
    if (RateLimitedError.isInstance(error)) throw error;
    const why = error instanceof Error ? error.message : String(error);
    const message = `cannot tell who the token is: GET /user was refused (${restError.message}) and the GraphQL viewer query failed (${why})`;
    // An HTTP failure keeps its kind (a 5xx or a rate limit may pass); an answer with other
    // GraphQL errors, or without a login, is a refusal.
    const http = isRequestErrorLike(error) ? toGitHubError(error, 'POST /graphql') : null;
    if (http) {
      throw new GitHubError(http.kind, message, {
        status: http.status,
        request: 'POST /graphql',
        isRetryable: http.isRetryable,
        cause: error,
      });
    }
    throw new GitHubError('forbidden', message, { request: 'POST /graphql', cause: error });
  }
}
