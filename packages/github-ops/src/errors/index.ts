export * from './github-error';
export * from './policy-violation-error';
export { describeRequest, toGitHubError } from './to-github-error';
