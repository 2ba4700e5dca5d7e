import { describe, expect, it } from 'vitest';
import { testClient, useTestEmulator } from '../__fixtures__/harness';
import { getFileContents } from '../contents/file-contents';
import { getRepositoryTree } from '../contents/tree';
import { ConflictError } from '../errors/github-error';
import { PolicyViolationError } from '../errors/policy-violation-error';
import { createWritePolicy } from '../policy/default-policy';
import { commitFiles } from './commit-files';
import { createBranch } from './create-branch';

const REPO = { owner: 'acme', repo: 'widgets' };
const policy = createWritePolicy({ repos: ['acme/widgets'], branchPrefix: 'ci-fix-' });
let mainSha: string;

const emulator = await useTestEmulator(({ state }) => {
  state.addRepo({
    owner: 'acme',
    name: 'widgets',
    files: { 'pkg/a.go': 'package a\n', 'pkg/old.go': 'package old\n', 'docs/x.md': 'x\n' },
  });
  mainSha = state.repo('acme/widgets').refs.get('refs/heads/main')!;
});

function writes(): string[] {
  return emulator
    .requests()
    .filter((r) => r.method !== 'GET')
    .map((r) => r.route);
}

describe('commitFiles', () => {
  it('makes one atomic commit of many files on a new branch from a base SHA', async () => {
    const client = testClient(emulator);
    const allow = createWritePolicy({ ...policy, allowDeletes: true });
    const result = await commitFiles(
      client,
      {
        repo: 'acme/widgets',
        branch: 'ci-fix-issue-7-1',
        baseSha: mainSha,
        createBranch: true,
        message: 'Fix offsets\n\nRefs #7',
        files: [
          { path: 'pkg/a.go', content: 'package a // fixed\n' },
          { path: 'pkg/new/b.go', content: 'package b\n' },
          { path: 'pkg/old.go', delete: true },
        ],
      },
      { policy: allow },
    );
    if (result.dryRun) throw new Error('unexpected dry run');
    expect(result.parentSha).toBe(mainSha);
    expect(writes()).toEqual([
      'POST /repos/{owner}/{repo}/git/blobs',
      'POST /repos/{owner}/{repo}/git/blobs',
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      'POST /repos/{owner}/{repo}/git/refs',
    ]);
    const tree = await getRepositoryTree(client, REPO, { ref: 'ci-fix-issue-7-1' });
    expect(
      tree.entries
        .filter((e) => e.type === 'blob')
        .map((e) => e.path)
        .sort(),
    ).toEqual(['docs/x.md', 'pkg/a.go', 'pkg/new/b.go']);
    const a = await getFileContents(client, REPO, 'pkg/a.go', { ref: 'ci-fix-issue-7-1' });
    expect(a.type === 'file' && a.text).toBe('package a // fixed\n');
    const commit = await client.rest.git.getCommit({ ...REPO, commit_sha: result.commitSha });
    expect(commit.data.parents.map((p) => p.sha)).toEqual([mainSha]);
    // main untouched
    expect(emulator.state.repo('acme/widgets').refs.get('refs/heads/main')).toBe(mainSha);
  });

  it('fast-forwards an existing branch and refuses when it moved', async () => {
    const client = testClient(emulator);
    await createBranch(client, { repo: 'acme/widgets', branch: 'ci-fix-2', fromSha: mainSha }, { policy });
    const first = await commitFiles(
      client,
      {
        repo: 'acme/widgets',
        branch: 'ci-fix-2',
        message: 'one',
        files: [{ path: 'pkg/a.go', content: 'one\n' }],
      },
      { policy },
    );
    expect(first.dryRun).toBe(false);
    const stale = commitFiles(
      client,
      {
        repo: 'acme/widgets',
        branch: 'ci-fix-2',
        baseSha: mainSha,
        message: 'two',
        files: [{ path: 'pkg/a.go', content: 'two\n' }],
      },
      { policy },
    );
    await expect(stale).rejects.toSatisfy(ConflictError.isInstance);
    await expect(stale).rejects.toThrow(/moved: expected/);
  });

  it('never overwrites an existing branch', async () => {
    const client = testClient(emulator);
    await createBranch(client, { repo: 'acme/widgets', branch: 'ci-fix-3', fromSha: mainSha }, { policy });
    const again = createBranch(
      client,
      { repo: 'acme/widgets', branch: 'ci-fix-3', fromSha: mainSha },
      { policy },
    );
    await expect(again).rejects.toSatisfy(ConflictError.isInstance);
    const commitOnExisting = commitFiles(
      client,
      {
        repo: 'acme/widgets',
        branch: 'ci-fix-3',
        baseSha: mainSha,
        createBranch: true,
        message: 'm',
        files: [{ path: 'pkg/a.go', content: 'x\n' }],
      },
      { policy },
    );
    await expect(commitOnExisting).rejects.toThrow(/already exists; nothing was pushed/);
  });

  it('refuses a plan the policy rejects, before any API call', async () => {
    const client = testClient(emulator);
    const error = await commitFiles(
      client,
      {
        repo: 'acme/widgets',
        branch: 'ci-fix-4',
        baseSha: mainSha,
        createBranch: true,
        message: 'm',
        files: [
          { path: '.github/workflows/ci.yml', content: 'on: push\n' },
          { path: 'docs/env', content: '/proc/self/environ', mode: '120000' },
        ],
      },
      { policy },
    ).catch((e: unknown) => e);
    expect(PolicyViolationError.isInstance(error)).toBe(true);
    expect((error as PolicyViolationError).violations.map((v) => v.rule).sort()).toEqual([
      'mode-symlink',
      'path-denied',
    ]);
    expect(emulator.requests()).toEqual([]);
  });

  it('dry-run returns the planned operations and calls nothing', async () => {
    const client = testClient(emulator);
    const result = await commitFiles(
      client,
      {
        repo: 'acme/widgets',
        branch: 'ci-fix-5',
        baseSha: mainSha,
        createBranch: true,
        message: 'm',
        files: [{ path: 'pkg/a.go', content: 'x\n' }],
      },
      { policy: createWritePolicy({ ...policy, dryRun: true }) },
    );
    expect(result).toMatchObject({
      dryRun: true,
      decision: { allowed: true, violations: [] },
      operations: [
        { op: 'create-blob', path: 'pkg/a.go', bytes: 2 },
        { op: 'create-tree' },
        { op: 'create-commit', parent: mainSha },
        { op: 'create-ref', ref: 'refs/heads/ci-fix-5' },
      ],
    });
    const branchDry = await createBranch(
      client,
      { repo: 'acme/widgets', branch: 'ci-fix-6', fromSha: mainSha },
      { policy: createWritePolicy({ ...policy, dryRun: true }) },
    );
    expect(branchDry).toMatchObject({
      dryRun: true,
      operations: [{ op: 'create-ref', ref: 'refs/heads/ci-fix-6', sha: mainSha }],
    });
    expect(emulator.requests()).toEqual([]);
  });

  it('commits binary content as base64 when the policy allows it', async () => {
    const client = testClient(emulator);
    const bytes = new Uint8Array([0, 1, 2, 255]);
    await commitFiles(
      client,
      {
        repo: 'acme/widgets',
        branch: 'ci-fix-7',
        baseSha: mainSha,
        createBranch: true,
        message: 'bin',
        files: [{ path: 'pkg/x.bin', content: bytes }],
      },
      { policy: createWritePolicy({ ...policy, allowBinary: true }) },
    );
    const file = await getFileContents(client, REPO, 'pkg/x.bin', { ref: 'ci-fix-7' });
    expect(file.type === 'file' && [...file.bytes]).toEqual([0, 1, 2, 255]);
  });

  it('rejects bad input clearly', async () => {
    const client = testClient(emulator);
    await expect(
      commitFiles(client, { repo: 'acme/widgets', branch: 'ci-fix-8', message: 'm', files: [] }, { policy }),
    ).rejects.toThrow(/no files/);
    await expect(
      commitFiles(
        client,
        {
          repo: 'acme/widgets',
          branch: 'ci-fix-8',
          createBranch: true,
          message: 'm',
          files: [{ path: 'a', content: 'a' }],
        },
        { policy },
      ),
    ).rejects.toThrow(/needs baseSha/);
    await expect(
      createBranch(client, { repo: 'acme/widgets', branch: 'ci-fix-8', fromSha: 'main' }, { policy }),
    ).rejects.toThrow(/not a 40-hex/);
  });
});
