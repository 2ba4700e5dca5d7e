import { describe, expect, it } from 'vitest';
import {
  compareTreeEntries,
  encodeCommit,
  encodeTag,
  encodeTree,
  hashObject,
  isValidEntryName,
  type TreeEntry,
} from './git-objects';

// Expected ids below were produced by git 2.x (`git hash-object`, `git write-tree`, `git commit-tree`,
// `git mktag`)
// on the same content, so they pin byte-exact compatibility with git.
describe('git object ids', () => {
  it('hashes a blob like git hash-object', () => {
    expect(hashObject('blob', Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(hashObject('blob', Buffer.from('x'))).toBe('c1b0730e0133447badcfd47fd144e254807b06e1');
  });

  it('hashes the empty tree', () => {
    expect(hashObject('tree', encodeTree([]))).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  });

  it('orders entries git-style (directories compare as name + "/") whatever the input order', () => {
    const entries: TreeEntry[] = [
      { mode: '100755', name: 'a0', sha: 'e25f1814e51579d5f55c0f1fe0135ddb28a47f4a' },
      { mode: '040000', name: 'a', sha: 'da981995a0f17908b3f6795c1e0c28a7e96b8a11' },
      { mode: '100644', name: 'a.txt', sha: 'ce013625030ba8dba906f756967f9e9ca394464a' },
    ];
    expect([...entries].sort(compareTreeEntries).map((entry) => entry.name)).toEqual(['a.txt', 'a', 'a0']);
    expect(hashObject('tree', encodeTree(entries))).toBe('f292dc5fcb1f8d777d0d6ce94828155d77234d72');
    expect(hashObject('tree', encodeTree([...entries].reverse()))).toBe(
      'f292dc5fcb1f8d777d0d6ce94828155d77234d72',
    );
  });

  it('hashes a commit like git commit-tree', () => {
    const ada = { name: 'Ada', email: 'ada@example.com', date: '2024-05-01T12:00:00Z' };
    const body = encodeCommit({
      tree: 'f292dc5fcb1f8d777d0d6ce94828155d77234d72',
      parents: [],
      author: ada,
      committer: ada,
      message: 'first\n',
    });
    expect(hashObject('commit', body)).toBe('3362cb493d601229f18d1f39746f81cb3758affe');
  });

  it('hashes annotated tags, and tags of tags, like git mktag', () => {
    const tagger = { name: 'Nightshift', email: 'nightshift@example.com', date: '2024-05-01T12:00:00Z' };
    const tag = {
      object: '52fd4510ad054cc07fe00eb321903b12ebe87344',
      objectType: 'commit' as const,
      tag: 'v1.0',
      tagger,
      message: 'release 1.0\n',
    };
    const sha = hashObject('tag', encodeTag(tag));
    expect(sha).toBe('9e9b7ff49be6ad7cc504812a54d8f1e6d06ab265');
    const nested = {
      object: sha,
      objectType: 'tag' as const,
      tag: 'v1.0-signed-off',
      tagger,
      message: 'nested\n',
    };
    expect(hashObject('tag', encodeTag(nested))).toBe('d47f91324306a0a759e33886d2dd894899b98b18');
  });

  it('rejects entry names git would refuse', () => {
    for (const bad of ['', '.', '..', '.git', 'a/b', 'nul\0']) expect(isValidEntryName(bad)).toBe(false);
    expect(isValidEntryName('.github')).toBe(true);
  });
});
