import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '@nightshift/ci-emulator';
import { READ_TOOL_NAMES, WRITE_TOOL_NAMES } from '@nightshift/github-ops';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { runCli } from '../program';
import { testIo } from '../test-io';

const SCENARIO = fileURLToPath(new URL('../../../../scenarios/ptp-nightly/', import.meta.url));
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ scenario: SCENARIO });
});
afterAll(() => emulator.close());

/** Runs `nightshift mcp` in-process and speaks newline-delimited JSON-RPC to it over its stdin/stdout. */
function startMcp(args: string[], apiUrl?: string) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const pending = new Map<number, (message: Record<string, unknown>) => void>();
  let buffer = '';
  stdout.on('data', (b: Buffer) => {
    buffer += b.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const message = JSON.parse(buffer.slice(0, nl)) as { id?: number };
      buffer = buffer.slice(nl + 1);
      if (typeof message.id === 'number') pending.get(message.id)?.(message);
    }
  });
  const io: CliIo = {
    stdin,
    stdout,
    stderr,
    cwd: process.cwd(),
    env: { GITHUB_TOKEN: 'demo-token' },
    isTTY: false,
  };
  const exit = runCli(['mcp', '--api-url', apiUrl ?? emulator.githubApiUrl, ...args], io);
  let nextId = 1;
  const request = (method: string, params: unknown = {}) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  const notify = (method: string) => stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method })}\n`);
  return { request, notify, close: () => stdin.end(), exit, stderr: () => err };
}

async function initialize(mcp: ReturnType<typeof startMcp>) {
  const init = await mcp.request('initialize', {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'test', version: '1' },
  });
  mcp.notify('notifications/initialized');
  return init;
}

describe('nightshift mcp', () => {
  it('serves the read tools over stdio, scoped to --repos, until stdin closes', async () => {
    const mcp = startMcp([
      '--repos',
      'k8snetworkplumbingwg/ptp-operator, k8snetworkplumbingwg/linuxptp-daemon',
    ]);
    const init = (await initialize(mcp)) as { result: { serverInfo: { name: string } } };
    expect(init.result.serverInfo.name).toBe('nightshift');
    const list = (await mcp.request('tools/list')) as { result: { tools: { name: string }[] } };
    expect(list.result.tools.map((t) => t.name).sort()).toEqual([...READ_TOOL_NAMES].sort());

    const file = (await mcp.request('tools/call', {
      name: 'get_file_contents',
      arguments: { owner: 'k8snetworkplumbingwg', repo: 'linuxptp-daemon', path: 'pkg/daemon/daemon.go' },
    })) as { result: { isError?: boolean; content: { text: string }[] } };
    expect(file.result.isError).toBeFalsy();
    expect(file.result.content[0]?.text).toContain('func (d *Daemon) addProfileConfig');

    const outside = (await mcp.request('tools/call', {
      name: 'get_file_contents',
      arguments: { owner: 'redhat-cne', repo: 'cloud-event-proxy', path: 'cmd/main.go' },
    })) as { result: { isError?: boolean } };
    expect(outside.result.isError).toBe(true);

    expect(mcp.stderr()).toContain('read-only');
    mcp.close();
    expect(await mcp.exit).toBe(0);
  });

  it('registers the write tools only with --write', async () => {
    const mcp = startMcp(['--repos', 'k8snetworkplumbingwg/ptp-operator', '--write']);
    await initialize(mcp);
    const list = (await mcp.request('tools/list')) as { result: { tools: { name: string }[] } };
    expect(list.result.tools.map((t) => t.name).sort()).toEqual(
      [...READ_TOOL_NAMES, ...WRITE_TOOL_NAMES].sort(),
    );
    mcp.close();
    expect(await mcp.exit).toBe(0);
  });

  it("redacts what Octokit's warnings quote from a server (a deprecation link)", async () => {
    // A server that marks every answer deprecated, with a link Octokit quotes in its warning.
    const secret = `ghp_${'Zq7'.repeat(12)}`;
    const server = createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        deprecation: 'true',
        sunset: 'Wed, 31 Dec 2036 00:00:00 GMT',
        link: `<https://example.test/notice?token=${secret}>; rel="deprecation"`,
      });
      res.end(JSON.stringify({ type: 'file', encoding: 'base64', content: '', path: 'a', size: 0 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const mcp = startMcp(['--repos', 'o/r'], `http://127.0.0.1:${port}`);
      await initialize(mcp);
      await mcp.request('tools/call', {
        name: 'get_file_contents',
        arguments: { owner: 'o', repo: 'r', path: 'a' },
      });
      mcp.close();
      await mcp.exit;
      expect(mcp.stderr()).toContain('is deprecated');
      expect(mcp.stderr()).not.toContain(secret);
      expect(mcp.stderr()).toContain('[REDACTED:github-token]');
    } finally {
      server.close();
    }
  });

  it('exits 2 for bad --repos or --api-url', async () => {
    for (const args of [
      ['--repos', 'nope'],
      ['--repos', ' , '],
      ['--repos', 'o/r', '--api-url', 'localhost'],
    ]) {
      const t = testIo({ cwd: process.cwd() });
      expect(await runCli(['mcp', ...args], t.io)).toBe(2);
    }
  });
});
