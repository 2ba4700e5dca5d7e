import { type Emulator, type StartEmulatorOptions, startEmulator } from '@nightshift/ci-emulator';
import { afterAll, beforeEach } from 'vitest';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../client/create-client';

/** The login the emulator gives an undeclared token, i.e. the identity our client acts as. */
export const BOT = 'nightshift-bot';
export const TOKEN = 'test-token-for-emulator';

/** An empty emulator whose tokens act as BOT; `reset()` keeps that (it is part of the scenario). */
export function startTestEmulator(options: Omit<StartEmulatorOptions, 'scenario'> = {}): Promise<Emulator> {
  return startEmulator({ ...options, scenario: { defaultUser: BOT, tokens: [{ token: TOKEN, user: BOT }] } });
}

/**
 * One emulator for the whole test file, reset and re-seeded before every test. Awaited at the top
 * of the file (`const emulator = await useTestEmulator(...)`) so tests use it as a plain constant
 * instead of each file repeating the same start/close/reset hooks.
 */
export async function useTestEmulator(
  seed: (emulator: Emulator) => void = () => {},
  options: Omit<StartEmulatorOptions, 'scenario'> = {},
): Promise<Emulator> {
  const emulator = await startTestEmulator(options);
  afterAll(() => emulator.close());
  beforeEach(async () => {
    await emulator.reset();
    seed(emulator);
  });
  return emulator;
}

/** A real client against the emulator, with every wait shrunk to milliseconds. */
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

/** Requests the emulator saw, as `METHOD /path?query` strings, optionally filtered by a substring. */
export function seen(emulator: Emulator, contains = ''): string[] {
  return emulator
    .requests()
    .map((r) => `${r.method} ${r.path}`)
    .filter((r) => r.includes(contains));
}
