import { describe, expect, it } from 'vitest';
import { fixedClock, octokitFor, useEmulator } from '../test-helpers';

const start = useEmulator();
const repo = { owner: 'octo', repo: 'demo' };

async function seeded(limits = {}) {
  const emulator = await start({ now: fixedClock().now, limits });
  emulator.state.addRepo({
    owner: 'octo',
    name: 'demo',
    files: { 'README.md': 'hello\n', 'src/main.go': 'package main\n', 'src/util/x.go': 'package util\n' },
  });
  return { emulator, octokit: octokitFor(emulator) };
}

describe('git data', () => {
  it('stores blobs under their git object id', async () => {
    const { octokit } = await seeded();
    const blob = await octokit.rest.git.createBlob({ ...repo, content: 'hello\n', encoding: 'utf-8' });
    expect(blob.status).toBe(201);
    expect(blob.data.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    const b64 = await octokit.rest.git.createBlob({
      ...repo,
      content: Buffer.from('hello\n').toString('base64'),
      encoding: 'base64',
    });
    expect(b64.data.sha).toBe(blob.data.sha);
    const read = await octokit.rest.git.getBlob({ ...repo, file_sha: blob.data.sha });
    expect(Buffer.from(read.data.content, 'base64').toString()).toBe('hello\n');
    expect(read.data.size).toBe(6);
  });

  it('builds a commit through trees and refs, enforcing fast-forward updates', async () => {
    const { emulator, octokit } = await seeded();
    const main = await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' });
    const parent = await octokit.rest.git.getCommit({ ...repo, commit_sha: main.data.object.sha });
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: parent.data.tree.sha,
      tree: [
        { path: 'src/util/x.go', mode: '100644', type: 'blob', content: 'package util // fixed\n' },
        { path: 'README.md', mode: '100644', type: 'blob', sha: null },
        { path: 'scripts/run.sh', mode: '100755', type: 'blob', content: '#!/bin/sh\n' },
      ],
    });
    expect(tree.status).toBe(201);
    expect(tree.data.tree.map((entry) => `${entry.mode} ${entry.path}`)).toEqual([
      '040000 scripts',
      '040000 src',
    ]);
    const commit = await octokit.rest.git.createCommit({
      ...repo,
      message: 'Fix util',
      tree: tree.data.sha,
      parents: [parent.data.sha],
      author: { name: 'Bot', email: 'bot@example.com', date: '2024-05-01T12:00:00Z' },
    });
    expect(commit.data.parents.map((p) => p.sha)).toEqual([parent.data.sha]);

    const branch = await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/fix', sha: parent.data.sha });
    expect(branch.status).toBe(201);
    await expect(
      octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/fix', sha: parent.data.sha }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Reference already exists' } },
    });
    const updated = await octokit.rest.git.updateRef({ ...repo, ref: 'heads/fix', sha: commit.data.sha });
    expect(updated.data.object.sha).toBe(commit.data.sha);
    // Going back to the parent is not a fast-forward unless forced.
    await expect(
      octokit.rest.git.updateRef({ ...repo, ref: 'heads/fix', sha: parent.data.sha }),
    ).rejects.toMatchObject({ status: 422 });
    await octokit.rest.git.updateRef({ ...repo, ref: 'heads/fix', sha: parent.data.sha, force: true });
    await octokit.rest.git.updateRef({ ...repo, ref: 'heads/fix', sha: commit.data.sha });

    const refs = await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'heads/' });
    expect(refs.data.map((ref) => ref.ref)).toEqual(['refs/heads/fix', 'refs/heads/main']);
    const recursive = await octokit.rest.git.getTree({ ...repo, tree_sha: 'fix', recursive: '1' });
    expect(recursive.data.tree.map((entry) => entry.path)).toEqual([
      'scripts',
      'scripts/run.sh',
      'src',
      'src/main.go',
      'src/util',
      'src/util/x.go',
    ]);
    const file = await octokit.rest.repos.getContent({ ...repo, path: 'src/util/x.go', ref: 'fix' });
    expect(Buffer.from((file.data as { content: string }).content, 'base64').toString()).toBe(
      'package util // fixed\n',
    );
    const branchInfo = await octokit.rest.repos.getBranch({ ...repo, branch: 'fix' });
    expect(branchInfo.data.commit.sha).toBe(commit.data.sha);
    const viaCommits = await octokit.rest.repos.getCommit({ ...repo, ref: commit.data.sha });
    expect(viaCommits.data.commit.message).toBe('Fix util');
    expect(emulator.state.snapshot().repos[0]?.branches.fix).toBe(commit.data.sha);
  });

  it('rejects trees pointing at missing objects and commits on missing trees', async () => {
    const { octokit } = await seeded();
    await expect(
      octokit.rest.git.createTree({
        ...repo,
        tree: [{ path: 'a', mode: '100644', type: 'blob', sha: 'f'.repeat(40) }],
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.git.createCommit({ ...repo, message: 'x', tree: 'e'.repeat(40) }),
    ).rejects.toMatchObject({
      status: 422,
    });
    await expect(octokit.rest.git.getRef({ ...repo, ref: 'heads/nope' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('truncates recursive trees at the configured limit', async () => {
    const { octokit } = await seeded({ treeEntries: 3 });
    const tree = await octokit.rest.git.getTree({ ...repo, tree_sha: 'main', recursive: 'true' });
    expect(tree.data.truncated).toBe(true);
    expect(tree.data.tree).toHaveLength(3);
    const flat = await octokit.rest.git.getTree({ ...repo, tree_sha: 'main' });
    expect(flat.data.truncated).toBe(false);
    expect(flat.data.tree.map((entry) => entry.path)).toEqual(['README.md', 'src']);
  });
});

describe('special tree modes', () => {
  it('stores symlinks (120000) and submodules (160000) and shows them through contents', async () => {
    const { octokit } = await seeded();
    const main = await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' });
    const base = await octokit.rest.git.getCommit({ ...repo, commit_sha: main.data.object.sha });
    const submodule = 'd'.repeat(40);
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: base.data.tree.sha,
      tree: [
        { path: 'link', mode: '120000', type: 'blob', content: 'README.md' },
        { path: 'vendor/lib', mode: '160000', type: 'commit', sha: submodule },
      ],
    });
    const commit = await octokit.rest.git.createCommit({
      ...repo,
      message: 'modes',
      tree: tree.data.sha,
      parents: [base.data.sha],
    });
    await octokit.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: commit.data.sha });
    const link = await octokit.rest.repos.getContent({ ...repo, path: 'link' });
    expect(link.data).toMatchObject({ type: 'symlink', target: 'README.md' });
    const vendor = await octokit.rest.repos.getContent({ ...repo, path: 'vendor' });
    expect(vendor.data).toMatchObject([{ type: 'submodule', sha: submodule }]);
    const listing = await octokit.rest.git.getTree({ ...repo, tree_sha: 'main', recursive: '1' });
    expect(listing.data.tree.find((entry) => entry.path === 'vendor/lib')).toMatchObject({
      mode: '160000',
      type: 'commit',
    });
    await expect(
      octokit.rest.git.createTree({
        ...repo,
        tree: [{ path: 'x', mode: '040000', type: 'blob', sha: submodule }],
      }),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe('contents', () => {
  it('lists directories, serves files and raw bytes, and 404s on missing paths', async () => {
    const { emulator, octokit } = await seeded();
    const dir = await octokit.rest.repos.getContent({ ...repo, path: 'src' });
    expect((dir.data as Array<{ name: string; type: string }>).map((e) => `${e.type}:${e.name}`)).toEqual([
      'file:main.go',
      'dir:util',
    ]);
    const file = await octokit.rest.repos.getContent({ ...repo, path: 'README.md' });
    const data = file.data as {
      content: string;
      encoding: string;
      size: number;
      sha: string;
      download_url: string;
    };
    expect(data.encoding).toBe('base64');
    expect(data.size).toBe(6);
    expect(data.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(await (await fetch(data.download_url)).text()).toBe('hello\n');
    const raw = await octokit.rest.repos.getContent({
      ...repo,
      path: 'README.md',
      mediaType: { format: 'raw' },
    });
    expect(raw.data).toBe('hello\n');
    await expect(octokit.rest.repos.getContent({ ...repo, path: 'nope.txt' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      octokit.rest.repos.getContent({ ...repo, path: 'README.md', ref: 'no-branch' }),
    ).rejects.toMatchObject({ status: 404 });
    void emulator;
  });

  it('creates and updates files, requiring the current sha (409 on mismatch)', async () => {
    const { octokit } = await seeded();
    const content = (text: string) => Buffer.from(text).toString('base64');
    const createdFile = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: 'docs/new.md',
      message: 'add',
      content: content('one\n'),
    });
    expect(createdFile.status).toBe(201);
    const sha = createdFile.data.content?.sha ?? '';
    await expect(
      octokit.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: 'docs/new.md',
        message: 'no sha',
        content: content('two\n'),
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: 'docs/new.md',
        message: 'stale',
        content: content('two\n'),
        sha: 'a'.repeat(40),
      }),
    ).rejects.toMatchObject({ status: 409 });
    const updated = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: 'docs/new.md',
      message: 'update',
      content: content('two\n'),
      sha,
    });
    expect(updated.status).toBe(200);
    expect(updated.data.commit.parents).toHaveLength(1);
    expect(updated.data.commit.message).toBe('update');
  });
});
