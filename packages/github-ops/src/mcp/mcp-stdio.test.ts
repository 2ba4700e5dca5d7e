import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Emulator } from '@nightshift/ci-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, TOKEN } from '../__fixtures__/harness';
import { READ_TOOL_NAMES } from './tools/index';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, '..', '__fixtures__', 'mcp-stdio-server.ts');
// tsx's ESM loader, resolved from this package (tsx is a root devDependency).
const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
const tsxLoader = pathToFileURL(join(dirname(tsxPackage), 'dist', 'loader.mjs')).href;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  emulator.state.addRepo({ owner: 'acme', name: 'widgets', files: { 'a.txt': 'a\n' } });
  emulator.state.addIssue('acme/widgets', { title: 'Nightly failed', body: 'see logs' });
});
afterAll(() => emulator.close());

describe('MCP server as a stdio child process', () => {
  it('lists the read tools and answers a call', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [
        '--conditions=@nightshift/source',
        '--import',
        tsxLoader,
        fixture,
        emulator.url,
        TOKEN,
        'acme/widgets',
      ],
      stderr: 'pipe',
    });
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const tools = await client.listTools();
      expect(tools.tools.map((t) => t.name).sort()).toEqual([...READ_TOOL_NAMES].sort());
      const result = (await client.callTool({
        name: 'get_issue',
        arguments: { owner: 'acme', repo: 'widgets', issue_number: 1 },
      })) as CallToolResult;
      expect(result.isError).toBeFalsy();
      expect(result.content[0]).toMatchObject({
        type: 'text',
        text: expect.stringContaining('#1 Nightly failed'),
      });
    } finally {
      await client.close();
    }
  }, 30_000);
});
