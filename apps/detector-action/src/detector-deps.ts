import {
  type CreateSourcesDeps,
  createSources,
  type DetectorDeps,
  type NightshiftConfig,
} from '@nightshift/failure-detection';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '@nightshift/github-ops';
import { builtinRules, type Classifier, createClassifier, loadRules } from '@nightshift/log-parsing';

/** Profile name → the text of its `rules.yaml` (the action bundles them; the CLI reads prompts/). */
export type ProfileRules = Readonly<Record<string, string>>;

export interface DetectorDepsOptions {
  config: NightshiftConfig;
  /** GitHub token (workflow token, App installation token or PAT). */
  token?: string;
  /** GitHub REST base URL; default https://api.github.com (GHES, or the emulator in tests/demo). */
  apiUrl?: string;
  /** Replaces every Prow source's `gcsBaseUrl` (the emulator in tests and the demo, a mirror). */
  gcsUrl?: string;
  profileRules: ProfileRules;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  log?: (line: string) => void;
  /** Request-level chatter (Octokit's debug/info/error lines, e.g. every 304); default: dropped. */
  debug?: (line: string) => void;
  /** Login Nightshift's issues are written by, when the config does not say (`github-actions[bot]`). */
  botLogin?: string;
  /** Retry policy of log/artifact downloads and GCS reads (tests shrink the backoff). */
  sourceRetry?: CreateSourcesDeps['retry'];
  /** Client tuning beyond token/baseUrl/fetch (tests shrink waits with `retryAfterBaseMs: 1`). */
  client?: Omit<GitHubClientOptions, 'token' | 'baseUrl' | 'fetch'>;
}

export interface BuiltDetectorDeps extends DetectorDeps {
  octokit: GitHubClient;
  /** The config actually used (Prow URLs replaced when `gcsUrl` was given). */
  config: NightshiftConfig;
}

/**
 * The one place the detector's dependencies are wired, shared by the action, `nightshift detect`
 * and `nightshift demo`, so all three run the same code path: a github-ops client (retry,
 * throttling, ETag cache), one CiSource per configured source, and the profile's classifier.
 */
export function buildDetectorDeps(options: DetectorDepsOptions): BuiltDetectorDeps {
  const config = options.gcsUrl ? withGcsUrl(options.config, options.gcsUrl) : options.config;
  const debug = options.debug ?? (() => {});
  const octokit = createGitHubClient({
    // Octokit logs every non-2xx (each 304 included) as an error; the typed errors already carry
    // what matters, so those lines are debug output. Warnings (deprecations) stay visible.
    log: { debug, info: debug, warn: (m) => (options.log ?? debug)(m), error: debug },
    ...options.client,
    ...(options.token ? { token: options.token } : {}),
    ...(options.apiUrl ? { baseUrl: options.apiUrl.replace(/\/+$/, '') } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const sources = createSources(config, {
    octokit,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.sourceRetry ? { retry: options.sourceRetry } : {}),
  });
  return {
    octokit,
    config,
    sources,
    classifier: buildClassifier(config.profile, options.profileRules),
    ...(options.now ? { now: options.now } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.botLogin ? { botLogin: options.botLogin } : {}),
  };
}

/** Profile rules first (more specific), then log-parsing's generic built-in rules. */
export function buildClassifier(profile: string, profileRules: ProfileRules): Classifier {
  if (profile === 'none') return createClassifier(builtinRules);
  const text = profileRules[profile];
  if (text === undefined) {
    const known = ['none', ...Object.keys(profileRules)].join(', ');
    throw new TypeError(`profile "${profile}" has no rules here (known profiles: ${known})`);
  }
  return createClassifier([...loadRules(text, `prompts/${profile}/rules.yaml`), ...builtinRules]);
}

function withGcsUrl(config: NightshiftConfig, gcsUrl: string): NightshiftConfig {
  return {
    ...config,
    sources: config.sources.map((source) =>
      source.type === 'prow' ? { ...source, gcsBaseUrl: gcsUrl } : source,
    ),
  };
}
