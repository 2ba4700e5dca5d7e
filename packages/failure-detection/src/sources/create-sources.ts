import type { NightshiftConfig } from '../config/index';
import type { CiSource } from '../types';
import { createGithubActionsSource, type GithubActionsSourceDeps } from './github-actions-source';
import type { GithubOctokit } from './octokit';
import { createProwSource, type ProwSourceDeps } from './prow-source';

export interface CreateSourcesDeps
  extends Omit<GithubActionsSourceDeps, 'octokit' | 'retry'>,
    Omit<ProwSourceDeps, 'retry'> {
  octokit: GithubOctokit;
  fetch?: typeof globalThis.fetch;
  retry?: { github?: GithubActionsSourceDeps['retry']; prow?: ProwSourceDeps['retry'] };
}

/** One CiSource per configured source, in config order. Source names must be unique (issue titles and detector state use them). */
export function createSources(config: NightshiftConfig, deps: CreateSourcesDeps): CiSource[] {
  const seen = new Set<string>();
  for (const source of config.sources) {
    if (seen.has(source.name))
      throw new TypeError(`sources: the name "${source.name}" is used twice; source names must be unique`);
    seen.add(source.name);
  }
  return config.sources.map((source) =>
    source.type === 'prow'
      ? createProwSource(source, { fetch: deps.fetch, retry: deps.retry?.prow, now: deps.now })
      : createGithubActionsSource(source, {
          octokit: deps.octokit,
          retry: deps.retry?.github,
          limits: deps.limits,
        }),
  );
}
