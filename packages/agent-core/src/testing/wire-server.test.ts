import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from './wire-server';

let server: WireServer;
beforeEach(async () => {
  server = await startWireServer();
});
afterEach(async () => {
  await server.close();
});

describe('startWireServer', () => {
  it('records each request and answers with the queued replies in order', async () => {
    server.reply({ status: 201, headers: { 'x-id': 'a' }, body: { n: 1 } }, { body: 'raw text' });
    const first = await fetch(`${server.url}/v1/x?q=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test': 'yes' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('x-id')).toBe('a');
    expect(await first.json()).toEqual({ n: 1 });
    const second = await fetch(`${server.url}/plain`, { method: 'POST', body: 'not json' });
    expect(await second.text()).toBe('raw text');

    expect(server.requests).toMatchObject([
      { method: 'POST', path: '/v1/x?q=1', body: { hello: 'world' }, headers: { 'x-test': 'yes' } },
      { method: 'POST', path: '/plain', body: 'not json' },
    ]);
  });

  it('answers 418 with a clear message when nothing is queued', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({ error: { message: 'wire-server: no reply queued' } });
    expect(server.requests[0]?.body).toBeUndefined();
  });

  it('received() resolves once the request arrives, and hang never answers', async () => {
    server.reply({ hang: true });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/slow`, { signal: controller.signal }).catch((e: unknown) => e);
    const seen = await server.received(0);
    expect(seen.path).toBe('/slow');
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
  });
});
