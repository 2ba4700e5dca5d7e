import type { Emulator } from '@nightshift/ci-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT, startTestEmulator, testClient } from '../detector/__fixtures__/harness';
import { resolveBotLogin } from './bot-identity';
import { TrackingError } from './tracking-error';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('resolveBotLogin', () => {
  it('takes the configured login without asking GitHub', async () => {
    const before = emulator.requests().length;
    expect(await resolveBotLogin(testClient(emulator), 'github-actions[bot]')).toBe('github-actions[bot]');
    expect(emulator.requests()).toHaveLength(before);
  });

  it("asks GitHub otherwise: GET /user for a user's token, the GraphQL viewer for an app's", async () => {
    emulator.state.addUser('octo-admin');
    emulator.state.addToken('user-token', 'octo-admin');
    expect(await resolveBotLogin(testClient(emulator, { token: 'user-token' }), undefined)).toBe(
      'octo-admin',
    );
    // The harness's own token belongs to a Bot: GET /user is refused, the viewer query answers.
    expect(await resolveBotLogin(testClient(emulator), undefined)).toBe(BOT);
  });

  it('says what to configure when GitHub cannot tell', async () => {
    emulator.faults.add({ route: 'POST /graphql', status: 500, times: 5 });
    const error = await resolveBotLogin(testClient(emulator, { retries: 0 }), undefined).catch(
      (e: unknown) => e,
    );
    expect(TrackingError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/set issues\.botLogin .*<app-slug>\[bot\]/);
  });
});
