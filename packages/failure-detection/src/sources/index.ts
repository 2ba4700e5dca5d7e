export { type ArtifactEntryOptions, artifactEntryInputs } from './artifact-entries';
export { type CreateSourcesDeps, createSources } from './create-sources';
export type { DownloadRetryOptions } from './download-retry';
export {
  createGcsClient,
  type GcsClient,
  type GcsClientOptions,
  type GcsObjectInfo,
  type GcsRetryOptions,
} from './gcs-client';
export { GcsError } from './gcs-error';
export { createGithubActionsSource, type GithubActionsSourceDeps } from './github-actions-source';
export type { GithubInputLimits } from './github-run-inputs';
export { mapConclusion, toCiRun } from './github-run-mapping';
export { compareNumericIds, isNumericId } from './numeric-id';
export type { GithubOctokit } from './octokit';
export { createProwSource, type ProwSourceDeps } from './prow-source';
export { versionFromJobName } from './prow-version';
export { isFailedConclusion } from './run-outcome';
