export {
  createGitHubClient,
  defaultRateLimitPolicy,
  type GitHubClient,
  type GitHubClientOptions,
  type RateLimitEvent,
} from './create-client';
export { type EtagCacheStats, installEtagCache } from './etag-cache';
export { type EtagEntry, type EtagStore, MemoryEtagStore } from './etag-store';
export { parseRepo, type RepoRef, repoName } from './repo-ref';
