import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { testClient, useTestEmulator } from '../__fixtures__/harness';
import { createWritePolicy } from '../policy/default-policy';
import type { WritePolicy } from '../policy/types';
import { createGitHubMcpServer } from './server';
import { READ_TOOL_NAMES, WRITE_TOOL_NAMES } from './tools/index';

const emulator = await useTestEmulator(({ state }) => {
  state.addRepo({
    owner: 'acme',
    name: 'widgets',
    files: { 'pkg/a.go': 'package a\n\nfunc A() {}\n', 'README.md': '# Widgets\n' },
  });
  state.addRepo({ owner: 'other', name: 'private', files: { 'secret.txt': 'no\n' } });
  state.addIssue('acme/widgets', {
    title: 'PTP offset failure',
    body: 'offset exceeded',
    user: 'alice',
  });
  state.addComment('acme/widgets', 1, { user: 'bob', body: 'seen again' });
});

async function connect(options: { write?: boolean; policy?: WritePolicy } = {}) {
  const server = createGitHubMcpServer({
    octokit: testClient(emulator),
    repos: ['acme/widgets'],
    ...options,
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const call = async (name: string, args: Record<string, unknown>) => {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
    return { text, isError: result.isError === true };
  };
  return { client, call, close: () => client.close() };
}

const repo = { owner: 'acme', repo: 'widgets' };

describe('MCP server (in-memory transport)', () => {
  it('exposes the read-only tool set by default and the write set only when asked', async () => {
    const ro = await connect();
    expect((await ro.client.listTools()).tools.map((t) => t.name).sort()).toEqual(
      [...READ_TOOL_NAMES].sort(),
    );
    await ro.close();
    const rw = await connect({ write: true });
    const tools = (await rw.client.listTools()).tools;
    expect(tools.map((t) => t.name).sort()).toEqual([...READ_TOOL_NAMES, ...WRITE_TOOL_NAMES].sort());
    expect(tools.find((t) => t.name === 'get_issue')?.annotations?.readOnlyHint).toBe(true);
    expect(tools.find((t) => t.name === 'create_branch')?.annotations?.readOnlyHint).toBe(false);
    expect(tools.find((t) => t.name === 'get_job_logs')?.inputSchema.properties).toHaveProperty('tail_lines');
    await rw.close();
  });

  it('reads issues and comments', async () => {
    const { call, close } = await connect();
    const issue = await call('get_issue', { ...repo, issue_number: 1, comments: 5 });
    expect(issue.isError).toBe(false);
    expect(issue.text).toContain('#1 PTP offset failure');
    expect(issue.text).toContain('author: alice');
    expect(issue.text).toContain('seen again');
    const list = await call('list_issues', { ...repo, state: 'all' });
    expect(list.text).toMatch(/^#1 \[open\] PTP offset failure/);
    await close();
  });

  it('refuses repositories it was not started with, and bad arguments', async () => {
    const { call, close } = await connect();
    const other = await call('get_file_contents', { owner: 'other', repo: 'private', path: 'secret.txt' });
    expect(other).toEqual({ isError: true, text: expect.stringContaining('not one of the repositories') });
    const bad = await call('get_issue', { ...repo, issue_number: -1 });
    expect(bad.isError).toBe(true);
    const missing = await call('get_issue', { ...repo, issue_number: 99 });
    expect(missing).toEqual({ isError: true, text: expect.stringContaining('GitHub error (not-found)') });
    await close();
  });

  it('reads files with line numbers, the repository structure and code', async () => {
    const { call, close } = await connect();
    const file = await call('get_file_contents', { ...repo, path: 'pkg/a.go', start_line: 3 });
    expect(file.text).toMatch(
      /^pkg\/a\.go \(23 bytes, sha [0-9a-f]{40}, lines 3-4 of 4\)\n3 {2}func A\(\) \{\}\n4 {2}$/,
    );
    const dir = await call('get_file_contents', { ...repo, path: '' });
    expect(dir.text).toBe('README.md (10 bytes)\npkg/');
    const structure = await call('get_repository_structure', { ...repo });
    expect(structure.text).toMatch(/^acme\/widgets at [0-9a-f]{40}\nREADME\.md\npkg\/\n {2}a\.go$/);
    const search = await call('search_code', { ...repo, query: 'func' });
    expect(search.text).toContain('pkg/a.go');
    await close();
  });

  it('tails and greps job logs, and reports expired logs plainly', async () => {
    const run = emulator.state.addWorkflowRun('acme/widgets', { workflow: 'ci.yml', conclusion: 'failure' });
    const job = emulator.state.addJob(run.id, {
      name: 'e2e',
      conclusion: 'failure',
      log: 'a\nb\nFAIL: TestOffset\nc\nd\n',
    });
    emulator.state.addJob(run.id, { name: 'lint', conclusion: 'success', log: 'fine\n' });
    const old = emulator.state.addJob(run.id, {
      name: 'old',
      conclusion: 'failure',
      log: 'x',
      logExpired: true,
    });
    const { call, close } = await connect();
    const tail = await call('get_job_logs', { ...repo, job_id: job.id, tail_lines: 2 });
    expect(tail.text).toBe(`job ${job.id}: 5 lines, last 2 lines (truncated)\n4: c\n5: d`);
    const grep = await call('get_job_logs', { ...repo, job_id: job.id, grep: 'fail:', context: 0 });
    expect(grep.text).toBe(`job ${job.id}: 5 lines, 1 match(es) for "fail:"\n3: FAIL: TestOffset`);
    const failed = await call('get_job_logs', { ...repo, run_id: run.id, tail_lines: 1 });
    expect(failed.text).toContain('=== e2e (failure)');
    expect(failed.text).toContain(`job ${old.id}: the log has expired`);
    expect(failed.text).not.toContain('lint');
    await close();
  });

  it('redacts secrets in what it returns', async () => {
    const token = `ghp_${'A1b2'.repeat(9)}`;
    emulator.state.addIssue('acme/widgets', { title: 'leak', body: `token=${token}` });
    const { call, close } = await connect();
    const issue = await call('get_issue', { ...repo, issue_number: 2 });
    expect(issue.text).not.toContain(token);
    expect(issue.text).toContain('REDACTED');
    await close();
  });
});

describe('MCP write tools', () => {
  const policy = createWritePolicy({ repos: ['acme/widgets'], branchPrefix: 'ci-fix-' });

  it('branches, commits, opens a draft PR and links it', async () => {
    const { call, close } = await connect({ write: true, policy });
    expect((await call('create_branch', { ...repo, branch: 'ci-fix-1-1' })).text).toMatch(
      /^Created refs\/heads\/ci-fix-1-1 at [0-9a-f]{40}$/,
    );
    const commit = await call('create_or_update_file', {
      ...repo,
      path: 'pkg/a.go',
      content: 'package a // fixed\n',
      message: 'Fix A',
      branch: 'ci-fix-1-1',
    });
    expect(commit.text).toMatch(/^Committed pkg\/a.go to ci-fix-1-1: [0-9a-f]{40}$/);
    const pr = await call('create_pull_request', {
      ...repo,
      title: 'Fix A',
      body: 'Refs #1',
      head: 'ci-fix-1-1',
      base: 'main',
    });
    expect(pr.text).toMatch(/^Opened draft pull request #2: /);
    const linked = await call('link_issues', { ...repo, pull_number: 2, issues: ['#1'] });
    expect(linked.text).toContain('Refs #1');
    const comment = await call('add_issue_comment', { ...repo, issue_number: 1, body: 'Draft fix in #2' });
    expect(comment.text).toContain('Commented on acme/widgets#1');
    const pull = await testClient(emulator).rest.pulls.get({ ...repo, pull_number: 2 });
    expect(pull.data).toMatchObject({ draft: true, head: { ref: 'ci-fix-1-1' }, base: { ref: 'main' } });
    expect(pull.data.body).toContain('Refs #1');
    await close();
  });

  it('passes every write through the write policy', async () => {
    const { call, close } = await connect({ write: true, policy });
    const mainBefore = emulator.state.repo('acme/widgets').refs.get('refs/heads/main');
    await call('create_branch', { ...repo, branch: 'ci-fix-2-1' });
    const denied = await call('create_or_update_file', {
      ...repo,
      path: '.github/workflows/ci.yml',
      content: 'on: push\n',
      message: 'x',
      branch: 'ci-fix-2-1',
    });
    expect(denied.isError).toBe(true);
    expect(denied.text).toContain('[path-denied]');
    const protectedBranch = await call('create_or_update_file', {
      ...repo,
      path: 'pkg/a.go',
      content: 'x\n',
      message: 'x',
      branch: 'main',
    });
    expect(protectedBranch.text).toContain('[branch-protected]');
    const ready = await call('create_pull_request', {
      ...repo,
      title: 'x',
      body: 'Fixes #1',
      head: 'ci-fix-2-1',
      base: 'main',
      draft: false,
    });
    expect(ready.text).toContain('[pr-not-draft]');
    expect(ready.text).toContain('[closing-keyword]');
    const outside = await call('add_issue_comment', {
      owner: 'other',
      repo: 'private',
      issue_number: 1,
      body: 'hi',
    });
    expect(outside.text).toContain('[repo-not-allowed]');
    expect(emulator.state.repo('acme/widgets').refs.get('refs/heads/main')).toBe(mainBefore);
    expect(emulator.state.repo('acme/widgets').refs.get('refs/heads/ci-fix-2-1')).toBe(mainBefore);
    await close();
  });

  it('detects a stale sha on update', async () => {
    const { call, close } = await connect({ write: true, policy });
    await call('create_branch', { ...repo, branch: 'ci-fix-3-1' });
    const stale = await call('create_or_update_file', {
      ...repo,
      path: 'pkg/a.go',
      content: 'x\n',
      message: 'x',
      branch: 'ci-fix-3-1',
      sha: 'f'.repeat(40),
    });
    expect(stale).toEqual({ isError: true, text: expect.stringContaining('re-read it first') });
    await close();
  });

  it('in dry-run describes the plan and writes nothing', async () => {
    const { call, close } = await connect({
      write: true,
      policy: createWritePolicy({ ...policy, dryRun: true }),
    });
    const before = emulator.requests().filter((r) => r.method !== 'GET').length;
    const branch = await call('create_branch', { ...repo, branch: 'ci-fix-4-1' });
    expect(branch.text).toContain('dry-run: nothing was written');
    expect(branch.text).toContain('"op": "create-ref"');
    const comment = await call('add_issue_comment', { ...repo, issue_number: 1, body: 'hello' });
    expect(comment.text).toMatch(/^dry-run: would comment/);
    expect(emulator.requests().filter((r) => r.method !== 'GET').length).toBe(before);
    await close();
  });
});
