import { describe, expect, it } from 'vitest';
import { fixedClock, octokitFor, useEmulator } from '../test-helpers';

const start = useEmulator();
const repo = { owner: 'octo', repo: 'demo' };

async function seeded() {
  const emulator = await start({ now: fixedClock().now });
  emulator.state.addRepo({ owner: 'octo', name: 'demo', files: { 'README.md': 'hello\n' } });
  const octokit = octokitFor(emulator);
  const head = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
  return { emulator, octokit, head };
}

describe('annotated tags', () => {
  it('creates a tag object, tags it with a ref, and resolves the ref through it', async () => {
    const { octokit, head } = await seeded();
    const tagger = { name: 'Release Bot', email: 'release@example.com', date: '2024-05-01T12:00:00Z' };
    const tag = await octokit.rest.git.createTag({
      ...repo,
      tag: 'v1.0',
      message: 'release 1.0\n',
      object: head,
      type: 'commit',
      tagger,
    });
    expect(tag.status).toBe(201);
    expect(tag.data).toMatchObject({ tag: 'v1.0', object: { sha: head, type: 'commit' }, tagger });
    expect(tag.data.sha).not.toBe(head);
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/v1.0', sha: tag.data.sha });

    const ref = await octokit.rest.git.getRef({ ...repo, ref: 'tags/v1.0' });
    expect(ref.data.object).toMatchObject({ sha: tag.data.sha, type: 'tag' });
    expect((await octokit.rest.git.getTag({ ...repo, tag_sha: tag.data.sha })).data.message).toBe(
      'release 1.0\n',
    );
    // Endpoints that take a ref name peel the tag to its commit, as GitHub's do.
    expect((await octokit.rest.repos.getCommit({ ...repo, ref: 'v1.0' })).data.sha).toBe(head);
  });

  it('refuses a tag of an object that is not there or not of the type named', async () => {
    const { octokit, head } = await seeded();
    await expect(
      octokit.rest.git.createTag({ ...repo, tag: 'x', message: 'm', object: 'f'.repeat(40), type: 'commit' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.git.createTag({ ...repo, tag: 'x', message: 'm', object: head, type: 'tree' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.git.getTag({ ...repo, tag_sha: head })).rejects.toMatchObject({ status: 404 });
  });

  it('answers "no commit" where a commit is wanted for a tag of a tree, and refuses a second tag of a name', async () => {
    const { emulator, octokit, head } = await seeded();
    const tree = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data.tree.sha;
    const tag = await octokit.rest.git.createTag({
      ...repo,
      tag: 'tt',
      message: 'm',
      object: tree,
      type: 'tree',
    });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/tt', sha: tag.data.sha });
    await expect(octokit.rest.repos.getCommit({ ...repo, ref: 'tt' })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('No commit found'),
    });
    expect(() => emulator.state.addAnnotatedTag('octo/demo', 'tt', head)).toThrow(/already exists/);
    emulator.state.addAnnotatedTag('octo/demo', 'v2', head);
    expect((await octokit.rest.repos.getCommit({ ...repo, ref: 'v2' })).data.sha).toBe(head);
  });
});
