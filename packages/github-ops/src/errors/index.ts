export * from './github-error';
export * from './policy-violation-error';
export { describeRequest, isRequestErrorLike, toGitHubError } from './to-github-error';
