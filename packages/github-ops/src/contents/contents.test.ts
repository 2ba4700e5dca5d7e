import { describe, expect, it } from 'vitest';
import { testClient, useTestEmulator } from '../__fixtures__/harness';
import { NotFoundError, TooLargeError } from '../errors/github-error';
import { getFileContents } from './file-contents';
import { resolveCommit } from './resolve-ref';
import { getRepositoryTree, renderTree } from './tree';

const REPO = { owner: 'acme', repo: 'widgets' };
const emulator = await useTestEmulator(
  ({ state }) => {
    state.addRepo({
      owner: 'acme',
      name: 'widgets',
      files: {
        'README.md': '# Widgets\n',
        'pkg/daemon/daemon.go': 'package daemon\n\nfunc Offset() int { return 0 }\n',
        'pkg/daemon/daemon_test.go': 'package daemon\n',
        'pkg/util/util.go': 'package util\n',
        'docs/guide.md': 'guide\n',
        'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
        'hack/run.sh': { content: '#!/bin/sh\n', mode: '100755' },
      },
      branches: { feature: { 'pkg/util/util.go': 'package util // feature\n' } },
    });
  },
  { limits: { treeEntries: 5 } },
);

describe('getFileContents', () => {
  it('decodes text files and detects binary ones', async () => {
    const client = testClient(emulator);
    const text = await getFileContents(client, REPO, 'pkg/daemon/daemon.go');
    expect(text).toMatchObject({
      type: 'file',
      binary: false,
      text: 'package daemon\n\nfunc Offset() int { return 0 }\n',
    });
    const binary = await getFileContents(client, REPO, 'assets/logo.png');
    expect(binary).toMatchObject({ type: 'file', binary: true, text: null, size: 7 });
  });

  it('reads at a ref', async () => {
    const feature = await getFileContents(testClient(emulator), REPO, 'pkg/util/util.go', { ref: 'feature' });
    expect(feature.type === 'file' && feature.text).toBe('package util // feature\n');
  });

  it('lists directories', async () => {
    const dir = await getFileContents(testClient(emulator), REPO, 'pkg/daemon');
    expect(dir.type === 'dir' && dir.entries.map((e) => e.name)).toEqual(['daemon.go', 'daemon_test.go']);
  });

  it('refuses files over the cap before reading them, and reads 1-100 MB files through blobs', async () => {
    emulator.state.addFile('acme/widgets', 'big.log', 'x'.repeat(1024 * 1024 + 10));
    const client = testClient(emulator);
    await expect(getFileContents(client, REPO, 'big.log')).rejects.toSatisfy(TooLargeError.isInstance);
    const big = await getFileContents(client, REPO, 'big.log', { maxBytes: 2 * 1024 * 1024 });
    expect(big.type === 'file' && big.size).toBe(1024 * 1024 + 10);
    expect(emulator.requests().some((r) => r.route.includes('git/blobs'))).toBe(true);
  });

  it('reports symlinks without following them', async () => {
    const client = testClient(emulator);
    const head = await resolveCommit(client, REPO);
    const tree = await client.rest.git.createTree({
      ...REPO,
      base_tree: head.treeSha,
      tree: [{ path: 'docs/env', mode: '120000', type: 'blob', content: '/proc/self/environ' }],
    });
    const commit = await client.rest.git.createCommit({
      ...REPO,
      message: 'link',
      tree: tree.data.sha,
      parents: [head.sha],
    });
    await client.rest.git.updateRef({ ...REPO, ref: 'heads/main', sha: commit.data.sha });
    const link = await getFileContents(client, REPO, 'docs/env');
    expect(link).toMatchObject({ type: 'symlink', target: '/proc/self/environ' });
  });

  it('maps a missing path to NotFoundError', async () => {
    await expect(getFileContents(testClient(emulator), REPO, 'nope.txt')).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
  });
});

describe('getRepositoryTree', () => {
  it('walks directory by directory when the recursive listing is truncated', async () => {
    const client = testClient(emulator);
    const tree = await getRepositoryTree(client, REPO);
    expect(tree.method).toBe('walk');
    expect(tree.complete).toBe(true);
    expect(
      tree.entries
        .filter((e) => e.type === 'blob')
        .map((e) => e.path)
        .sort(),
    ).toEqual([
      'README.md',
      'assets/logo.png',
      'docs/guide.md',
      'hack/run.sh',
      'pkg/daemon/daemon.go',
      'pkg/daemon/daemon_test.go',
      'pkg/util/util.go',
    ]);
    expect(tree.entries.find((e) => e.path === 'hack/run.sh')?.mode).toBe('100755');
  });

  it('says when the walk budget ran out', async () => {
    const tree = await getRepositoryTree(testClient(emulator), REPO, { maxRequests: 2 });
    expect(tree.complete).toBe(false);
  });

  it('uses one recursive call for small trees', async () => {
    await emulator.reset();
    emulator.state.addRepo({ owner: 'acme', name: 'widgets', files: { 'a.txt': 'a', 'b/c.txt': 'c' } });
    const tree = await getRepositoryTree(testClient(emulator), REPO, { ref: 'main' });
    expect(tree).toMatchObject({ method: 'recursive', complete: true });
    expect(renderTree(tree.entries).text).toBe('a.txt\nb/\n  c.txt');
  });

  it('fails cleanly on an unknown ref', async () => {
    await expect(getRepositoryTree(testClient(emulator), REPO, { ref: 'no-such-branch' })).rejects.toThrow(
      /ref "no-such-branch" not found/,
    );
  });
});
