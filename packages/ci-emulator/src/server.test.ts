import { describe, expect, it } from 'vitest';
import { readJson, useEmulator } from './test-helpers';

const start = useEmulator();
const auth = { authorization: 'token t', 'content-type': 'application/json' };

describe('server edge cases', () => {
  it('answers bad input with GitHub-shaped errors instead of failing', async () => {
    const emulator = await start();
    emulator.state.addRepo({ owner: 'octo', name: 'demo' });
    const broken = await fetch(`${emulator.url}/repos/octo/demo/issues`, {
      method: 'POST',
      headers: auth,
      body: '{"title":',
    });
    expect(broken.status).toBe(400);
    expect(await readJson(broken)).toMatchObject({ message: 'Problems parsing JSON' });
    const wrongType = await fetch(`${emulator.url}/repos/octo/demo/issues`, {
      method: 'POST',
      headers: auth,
      body: '[1,2]',
    });
    expect(wrongType.status).toBe(422);
    const unknown = await fetch(`${emulator.url}/repos/octo/demo/wiki`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await readJson(unknown)).toMatchObject({
      message: 'Not Found',
      documentation_url: expect.any(String),
    });
    expect((await fetch(`${emulator.url}/repos/octo/%E0%A4%A/issues`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${emulator.url}/repos/octo/demo/issues/abc`, { headers: auth })).status).toBe(404);
    const badFilter = await fetch(`${emulator.url}/repos/octo/demo/actions/runs?created=yesterday`, {
      headers: auth,
    });
    expect(badFilter.status).toBe(422);
    expect(emulator.requestCounts()).toMatchObject({
      'GET (unmatched)': 2,
      'POST /repos/{owner}/{repo}/issues': 2,
    });
  });

  it('answers HEAD like GET without a body', async () => {
    const emulator = await start();
    emulator.state.addRepo({ owner: 'octo', name: 'demo' });
    const head = await fetch(`${emulator.url}/repos/octo/demo`, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toMatch(/^W\//);
    expect(await head.text()).toBe('');
  });

  it('listens on the requested port and stops accepting connections on close', async () => {
    const probe = await start();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const emulator = await start({ port });
    expect(emulator.url).toBe(`http://127.0.0.1:${port}`);
    await emulator.close();
    await expect(fetch(`${emulator.url}/rate_limit`)).rejects.toThrow();
  });
});
