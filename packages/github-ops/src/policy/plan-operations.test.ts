import { describe, expect, it } from 'vitest';
import { planOperations } from './plan-operations';

describe('planOperations', () => {
  it('lists blobs, one tree, one commit, a new ref and a draft PR, in order', () => {
    const ops = planOperations({
      repo: 'o/r',
      branch: 'ci-fix-1',
      baseSha: 'a'.repeat(40),
      createBranch: true,
      message: 'Fix',
      files: [
        { path: 'pkg/a.go', content: 'package a\n' },
        { path: 'pkg/b.bin', content: new Uint8Array([0, 1, 2]) },
        { path: 'pkg/old.go', delete: true },
      ],
      pullRequest: { title: 'Fix', body: 'Refs #1', base: 'main' },
    });
    expect(ops).toEqual([
      { op: 'create-blob', path: 'pkg/a.go', bytes: 10, encoding: 'utf-8' },
      { op: 'create-blob', path: 'pkg/b.bin', bytes: 3, encoding: 'base64' },
      {
        op: 'create-tree',
        baseTree: `<tree of ${'a'.repeat(40)}>`,
        entries: [
          { path: 'pkg/a.go', mode: '100644', action: 'write' },
          { path: 'pkg/b.bin', mode: '100644', action: 'write' },
          { path: 'pkg/old.go', mode: '100644', action: 'delete' },
        ],
      },
      { op: 'create-commit', message: 'Fix', parent: 'a'.repeat(40) },
      { op: 'create-ref', ref: 'refs/heads/ci-fix-1', sha: '<new commit>' },
      { op: 'create-pull-request', head: 'ci-fix-1', base: 'main', title: 'Fix', draft: true, bodyChars: 7 },
    ]);
  });

  it('updates an existing branch as a fast-forward only', () => {
    const ops = planOperations({
      repo: 'o/r',
      branch: 'ci-fix-1',
      message: 'm',
      files: [{ path: 'a', content: 'x' }],
    });
    expect(ops.at(-1)).toEqual({
      op: 'update-ref',
      ref: 'heads/ci-fix-1',
      sha: '<new commit>',
      force: false,
    });
    expect(ops.find((o) => o.op === 'create-commit')).toEqual({
      op: 'create-commit',
      message: 'm',
      parent: '<head of ci-fix-1>',
    });
  });
});
