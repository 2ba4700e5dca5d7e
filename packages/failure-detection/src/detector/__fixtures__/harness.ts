import { type Emulator, startEmulator } from '@nightshift/ci-emulator';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions, parseMarkers } from '@nightshift/github-ops';
import { builtinRules, createClassifier } from '@nightshift/log-parsing';
import { configSchema, type NightshiftConfig } from '../../config/index';
import type { CiSource } from '../../types';
import { runDetector } from '../run-detector';
import type { DetectorInputs, DetectorResult } from '../detector-types';

/** The login the emulator gives our token: the bot Nightshift writes as. */
export const BOT = 'nightshift-bot';
export const TOKEN = 'test-token-for-detector';
export const REPO = { owner: 'acme', repo: 'ci' };

export async function startTestEmulator(): Promise<Emulator> {
  return startEmulator({
    scenario: {
      defaultUser: 'someone-else',
      tokens: [{ token: TOKEN, user: BOT }],
      users: [{ login: BOT, type: 'Bot' }],
      repos: [{ owner: REPO.owner, name: REPO.repo }],
    },
  });
}

/** A real github-ops client against the emulator, with every wait shrunk to milliseconds. */
export function testClient(emulator: Emulator, overrides: Partial<GitHubClientOptions> = {}): GitHubClient {
  return createGitHubClient({
    token: TOKEN,
    baseUrl: emulator.githubApiUrl,
    retryAfterBaseMs: 1,
    throttle: { writeIntervalMs: 0, searchIntervalMs: 0, notificationIntervalMs: 0 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    ...overrides,
  });
}

export const classifier = createClassifier(builtinRules);

export function testConfig(issues: Partial<NightshiftConfig['issues']> = {}, extra: Record<string, unknown> = {}): NightshiftConfig {
  return configSchema.parse({
    version: 1,
    sources: [{ type: 'prow', name: 'placeholder', job: 'periodic-placeholder' }],
    issues: { botLogin: BOT, ...issues },
    lookback: '30d',
    ...extra,
  });
}

/** A clock fixed after every scripted run (runs are dated in May 2024). */
export const NOW = () => new Date('2024-05-20T12:00:00Z');

export function detect(
  emulator: Emulator,
  sources: CiSource[],
  options: {
    config?: NightshiftConfig;
    dryRun?: boolean;
    client?: GitHubClient;
    log?: string[];
    since?: string;
    now?: () => Date;
  } = {},
): Promise<DetectorResult> {
  const inputs: DetectorInputs = { config: options.config ?? testConfig(), issueRepo: REPO };
  if (options.dryRun !== undefined) inputs.dryRun = options.dryRun;
  if (options.since !== undefined) inputs.since = options.since;
  return runDetector(
    {
      octokit: options.client ?? testClient(emulator),
      sources,
      classifier,
      now: options.now ?? NOW,
      log: (line) => options.log?.push(line),
    },
    inputs,
  );
}

export interface SeenIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  user: string;
  comments: string[];
  key: string | null;
}

/** Every issue of the test repo, straight from the emulator's state (not through the API). */
export function issues(emulator: Emulator): SeenIssue[] {
  const repo = emulator.state.repo(`${REPO.owner}/${REPO.repo}`);
  const comments = [...emulator.state.world.comments.values()];
  return [...repo.issues.values()]
    .filter((i) => !i.pull)
    .map((i) => ({
      number: i.number,
      title: i.title,
      body: i.body ?? '',
      state: i.state,
      stateReason: i.stateReason,
      labels: [...i.labels],
      user: i.user,
      comments: comments.filter((c) => c.issueNumber === i.number).map((c) => c.body),
      key: (parseMarkers<{ key?: string }>(i.body ?? '', 'failure')[0]?.data.key as string | undefined) ?? null,
    }))
    .sort((a, b) => a.number - b.number);
}

/** Failure issues only (not the state issue or digests). */
export function failureIssues(emulator: Emulator): SeenIssue[] {
  return issues(emulator).filter((i) => i.key !== null);
}

/** Writes the emulator saw (POST/PATCH/PUT/DELETE), as `METHOD path`. */
export function writes(emulator: Emulator): string[] {
  return emulator
    .requests()
    .filter((r) => r.method !== 'GET' && r.method !== 'HEAD')
    .map((r) => `${r.method} ${r.path}`);
}

export const at = (day: number, hour = 0) => `2024-05-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
