import { type Emulator, type StartEmulatorOptions, startEmulator } from '@nightshift/ci-emulator';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '@nightshift/github-ops';
import { afterEach } from 'vitest';

export const TOKEN = 'test-token-for-failure-detection';
export const REPO = 'k8snetworkplumbingwg/ptp-operator';
/** The emulator's clock: runs default to this time. */
export const NOW = '2026-08-11T12:00:00Z';

/** Starts emulators that are closed after each test. */
export function useEmulator(): (options?: StartEmulatorOptions) => Promise<Emulator> {
  const running: Emulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  });
  return async (options = {}) => {
    const emulator = await startEmulator({ now: () => new Date(NOW), ...options });
    emulator.state.addToken(TOKEN, 'nightshift-bot');
    running.push(emulator);
    return emulator;
  };
}

/** A real github-ops client against the emulator, every wait shrunk to milliseconds. */
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

/** Download retries without real waits. */
export const FAST_RETRY = { retries: 2, baseDelayMs: 1 };

/** Requests the emulator saw as `METHOD /path?query status`, optionally filtered by a substring. */
export function seen(emulator: Emulator, contains = ''): string[] {
  return emulator
    .requests()
    .map((r) => `${r.method} ${r.path} ${r.status}`)
    .filter((r) => r.includes(contains));
}

/** Drains an async iterable of inputs into `{ path, text | error }` records (reading each input). */
export async function collectInputs(
  items: AsyncIterable<{ path: string; open(): AsyncIterable<Uint8Array | string> } | { path: string; error: Error }>,
): Promise<Array<{ path: string; text?: string; error?: string }>> {
  const out: Array<{ path: string; text?: string; error?: string }> = [];
  for await (const item of items) {
    if ('error' in item) {
      out.push({ path: item.path, error: item.error.message });
      continue;
    }
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of item.open()) chunks.push(Buffer.from(chunk));
      out.push({ path: item.path, text: Buffer.concat(chunks).toString('utf8') });
    } catch (error) {
      out.push({ path: item.path, error: `read failed: ${(error as Error).message}` });
    }
  }
  return out;
}
