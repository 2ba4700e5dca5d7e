import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createFixtureMcpServer } from '../__fixtures__/fixture-mcp-server';
import { AgentError } from '../agent-error';
import { defineFinalTool } from '../loop/final-answer';
import { runAgent } from '../loop/run-agent';
import { ScriptedModel } from '../testing/index';
import { connectMcpServer, type McpBridge } from './mcp-bridge';

const token = 'ghp_' + 'A1b2'.repeat(9);
const finalTool = defineFinalTool({ description: 'Answer.', schema: z.object({ answer: z.string() }) });
const ctx = { toolCallId: 't', abortSignal: new AbortController().signal, turn: 1 };
const open: McpBridge[] = [];
let httpServer: Server | undefined;

afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
  await new Promise<void>((resolve) => (httpServer ? httpServer.close(() => resolve()) : resolve()));
  httpServer = undefined;
});

async function inMemoryBridge(allow: readonly string[] | '*' = ['echo', 'add', 'fail', 'leak', 'pixel']) {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createFixtureMcpServer().connect(serverSide);
  const bridge = await connectMcpServer({
    server: { type: 'transport', transport: clientSide },
    prefix: 'fx_',
    allow,
  });
  open.push(bridge);
  return bridge;
}

describe('connectMcpServer (in-memory)', () => {
  it('exposes allowlisted tools with a prefix, and reports skipped and missing ones', async () => {
    const bridge = await inMemoryBridge(['echo', 'add', 'not_there']);
    expect(bridge.tools.map((t) => t.name)).toEqual(['fx_echo', 'fx_add']);
    expect(bridge.skipped).toEqual(expect.arrayContaining(['fail', 'leak', 'pixel', 'delete_everything']));
    expect(bridge.missing).toEqual(['not_there']);
    expect(bridge.serverInfo).toEqual({ name: 'fixture-mcp', version: '1.2.3' });
    const add = bridge.tools[1]!;
    expect(add.inputJsonSchema).toMatchObject({ type: 'object', properties: { a: { type: 'integer' } } });
    expect(add.inputJsonSchema).not.toHaveProperty('$schema');
    expect(await add.run({ a: 2, b: 40 }, ctx)).toBe('42');
    expect(add.input.safeParse({ a: 'two', b: 1 }).success).toBe(false);
  });

  it('exposes everything only when asked for explicitly, with sanitized descriptions', async () => {
    const bridge = await inMemoryBridge('*');
    expect(bridge.tools).toHaveLength(6);
    const dangerous = bridge.tools.find((t) => t.name === 'fx_delete_everything')!;
    expect(dangerous.description).not.toContain('ignore previous instructions');
  });

  it('runs MCP tools inside the agent loop: errors, invalid args, binary parts and redaction', async () => {
    const bridge = await inMemoryBridge();
    const model = new ScriptedModel([
      {
        toolCalls: [
          { name: 'fx_echo', input: { text: 'hi' } },
          { name: 'fx_fail', input: {} },
          { name: 'fx_add', input: { a: 1 } },
          { name: 'fx_leak', input: {} },
          { name: 'fx_pixel', input: {} },
        ],
      },
      { final: { answer: 'ok' } },
    ]);
    const result = await runAgent({
      model,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'go' }] }],
      tools: bridge.tools,
      finalTool,
    });
    expect(result.status).toBe('complete');
    const [echo, fail, add, leak, pixel] = result.steps[0]!.toolCalls;
    expect(echo).toMatchObject({ isError: false, output: 'echo: hi' });
    expect(fail).toMatchObject({ isError: true, output: 'Tool fx_fail failed: database unreachable' });
    expect(add!.isError).toBe(true);
    expect(add!.output).toMatch(/Invalid arguments for fx_add[\s\S]*"required":\["a","b"\]/);
    expect(leak!.output).toMatch(/^config: token=.*region=eu$/);
    expect(leak!.output).not.toContain(token);
    expect(leak!.redactions).toBe(1);
    expect(pixel!.output).toBe('[image (image/png, 12 base64 characters) omitted]');
    expect(JSON.stringify(model.calls[1]!.options.messages)).not.toContain(token);
  });

  it('rejects a bad prefix', async () => {
    await expect(
      connectMcpServer({
        server: { type: 'transport', transport: InMemoryTransport.createLinkedPair()[0] },
        prefix: 'a b',
        allow: [],
      }),
    ).rejects.toThrow(/prefix/);
  });
});

describe('connectMcpServer (stdio child process)', () => {
  const entry = new URL('../__fixtures__/fixture-mcp-server-stdio.ts', import.meta.url).pathname;
  const repoRoot = new URL('../../../../', import.meta.url).pathname;

  it('spawns the server, lists and calls its tools, and keeps its stderr redacted', async () => {
    const bridge = await connectMcpServer({
      server: { type: 'stdio', command: process.execPath, args: ['--import', 'tsx', entry], cwd: repoRoot },
      prefix: 'fx_',
      allow: ['echo', 'leak'],
    });
    open.push(bridge);
    expect(bridge.tools.map((t) => t.name)).toEqual(['fx_echo', 'fx_leak']);
    expect(await bridge.tools[0]!.run({ text: 'over stdio' }, ctx)).toBe('echo: over stdio');
    // stderr is a separate pipe: wait for it rather than assume ordering with stdout.
    await vi.waitFor(() => expect(bridge.stderr()).toContain('fixture server starting'));
    expect(bridge.stderr()).not.toContain('ghp_Z9y8');
  });

  it('fails with a clear error naming the command when the server cannot start', async () => {
    const error = await connectMcpServer({
      server: { type: 'stdio', command: process.execPath, args: ['-e', 'process.exit(3)'] },
      prefix: 'x_',
      allow: [],
    }).catch((e: unknown) => e);
    expect(AgentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/Cannot connect to MCP server \(stdio: .*node/);
  });
});

describe('connectMcpServer (streamable HTTP on loopback)', () => {
  it('connects over HTTP and calls a tool', async () => {
    httpServer = createServer(async (req, res) => {
      // Stateless mode: a fresh server and transport per request, as the SDK documents.
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      res.on('close', () => void transport.close());
      await createFixtureMcpServer().connect(transport);
      await transport.handleRequest(req, res);
    });
    await new Promise<void>((resolve) => httpServer!.listen(0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as AddressInfo;
    const bridge = await connectMcpServer({
      server: {
        type: 'http',
        url: `http://127.0.0.1:${port}/mcp`,
        headers: { authorization: 'Bearer test' },
      },
      prefix: 'web_',
      allow: ['add'],
    });
    open.push(bridge);
    expect(bridge.tools.map((t) => t.name)).toEqual(['web_add']);
    expect(await bridge.tools[0]!.run({ a: 20, b: 22 }, ctx)).toBe('42');
  });
});
