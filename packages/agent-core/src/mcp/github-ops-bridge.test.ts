import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { type Emulator, startEmulator } from '@nightshift/ci-emulator';
import { createGitHubClient, createGitHubMcpServer } from '@nightshift/github-ops';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineFinalTool } from '../loop/final-answer';
import { runAgent } from '../loop/run-agent';
import { ScriptedModel } from '../testing/index';
import { connectMcpServer, type McpBridge } from './mcp-bridge';

// The real github-ops MCP server, talking to the real CI emulator over loopback HTTP.
const token = 'ghp_' + 'Q7w8'.repeat(9);
const repo = 'k8snetworkplumbingwg/ptp-operator';
const scenario = {
  repos: [
    {
      owner: 'k8snetworkplumbingwg',
      name: 'ptp-operator',
      files: { 'pkg/daemon/holdover.go': 'package daemon\n\nconst holdoverTimeout = 60 // seconds\n' },
      issues: [
        { number: 12, title: 'Nightly e2e failed', body: `ptp4l lost lock\nleaked: GITHUB_TOKEN=${token}\n` },
      ],
    },
  ],
};
const finalTool = defineFinalTool({ description: 'Answer.', schema: z.object({ cause: z.string() }) });

let emulator: Emulator;
const open: McpBridge[] = [];
beforeEach(async () => {
  emulator = await startEmulator({ scenario });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
  await emulator.close();
});

async function bridgeInMemory(allow: readonly string[]) {
  const octokit = createGitHubClient({
    baseUrl: emulator.githubApiUrl,
    token: 'emulator-token',
    retryAfterBaseMs: 1,
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createGitHubMcpServer({ octokit, repos: [repo] }).connect(serverSide);
  const bridge = await connectMcpServer({
    server: { type: 'transport', transport: clientSide },
    prefix: 'gh_',
    allow,
  });
  open.push(bridge);
  return bridge;
}

describe('MCP bridge × github-ops MCP server (in-memory)', () => {
  it('exposes only the allowlisted read tools and drives them from the agent loop, redacted', async () => {
    const bridge = await bridgeInMemory(['get_issue', 'get_file_contents', 'create_pull_request']);
    // The server was started read-only, so the write tool is missing, not exposed.
    expect(bridge.tools.map((t) => t.name).sort()).toEqual(['gh_get_file_contents', 'gh_get_issue']);
    expect(bridge.missing).toEqual(['create_pull_request']);
    expect(bridge.skipped.length).toBeGreaterThan(0);

    const [owner, name] = repo.split('/');
    const model = new ScriptedModel([
      {
        toolCalls: [
          { name: 'gh_get_issue', input: { owner, repo: name, issue_number: 12 } },
          { name: 'gh_get_file_contents', input: { owner, repo: name, path: 'pkg/daemon/holdover.go' } },
          { name: 'gh_get_issue', input: { owner: 'evil', repo: 'elsewhere', issue_number: 1 } },
        ],
      },
      { final: { cause: 'holdover timeout too short' } },
    ]);
    const result = await runAgent({
      model,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Triage issue 12.' }] }],
      tools: bridge.tools,
      finalTool,
    });
    expect(result.status).toBe('complete');
    const [issue, file, outside] = result.steps[0]!.toolCalls;
    expect(issue!.isError).toBe(false);
    expect(issue!.output).toContain('Nightly e2e failed');
    expect(issue!.output).toContain('ptp4l lost lock');
    expect(issue!.output).not.toContain(token);
    expect(file!.output).toMatch(/3\s+const holdoverTimeout = 60/);
    expect(outside!.isError).toBe(true);
    expect(JSON.stringify(model.calls[1]!.options.messages)).not.toContain(token);
    expect(emulator.requests().length).toBeGreaterThanOrEqual(2);
  });
});

describe('MCP bridge × github-ops MCP server (stdio child process)', () => {
  it('spawns the github-ops server and reads an issue through it', async () => {
    const entry = new URL('../__fixtures__/github-mcp-stdio.ts', import.meta.url).pathname;
    const repoRoot = new URL('../../../../', import.meta.url).pathname;
    const bridge = await connectMcpServer({
      server: {
        type: 'stdio',
        command: process.execPath,
        args: ['--conditions=@nightshift/source', '--import', 'tsx', entry, emulator.githubApiUrl, repo],
        cwd: repoRoot,
      },
      prefix: 'gh_',
      allow: ['get_issue'],
    });
    open.push(bridge);
    expect(bridge.tools.map((t) => t.name)).toEqual(['gh_get_issue']);
    const text = await bridge.tools[0]!.run(
      { owner: 'k8snetworkplumbingwg', repo: 'ptp-operator', issue_number: 12 },
      { toolCallId: 't', abortSignal: new AbortController().signal, turn: 1 },
    );
    expect(text).toContain('#12 Nightly e2e failed');
  }, 60_000);
});
