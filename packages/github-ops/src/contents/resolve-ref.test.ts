import { describe, expect, it } from 'vitest';
import { testClient, useTestEmulator } from '../__fixtures__/harness';
import { GitHubError, NotFoundError } from '../errors/github-error';
import { resolveCommit } from './resolve-ref';

const REPO = { owner: 'acme', repo: 'widgets' };
const emulator = await useTestEmulator(({ state }) => {
  state.addRepo({
    owner: 'acme',
    name: 'widgets',
    files: { 'README.md': '# Widgets\n' },
    branches: { feature: { 'README.md': '# Widgets (feature)\n' } },
  });
});

/** An annotated tag `name` of `object`, made through the REST API (a tag object, then its ref). */
async function annotate(name: string, object: string, type: 'commit' | 'tree') {
  const client = testClient(emulator);
  const tag = await client.rest.git.createTag({ ...REPO, tag: name, message: `${name}\n`, object, type });
  await client.rest.git.createRef({ ...REPO, ref: `refs/tags/${name}`, sha: tag.data.sha });
  return tag.data.sha;
}

describe('resolveCommit', () => {
  it('resolves the default branch, a branch, a SHA and a lightweight tag', async () => {
    const client = testClient(emulator);
    const main = await resolveCommit(client, REPO);
    const feature = await resolveCommit(client, REPO, 'feature');
    expect(feature.sha).not.toBe(main.sha);
    expect(await resolveCommit(client, REPO, main.sha)).toEqual(main);
    await client.rest.git.createRef({ ...REPO, ref: 'refs/tags/light', sha: feature.sha });
    expect(await resolveCommit(client, REPO, 'light')).toEqual(feature);
    expect(await resolveCommit(client, REPO, 'refs/heads/feature')).toEqual(feature);
  });

  it('peels annotated tags, and tags of tags, to their commit', async () => {
    const client = testClient(emulator);
    const main = await resolveCommit(client, REPO);
    const v1 = await annotate('v1.0', main.sha, 'commit');
    expect(await resolveCommit(client, REPO, 'v1.0')).toEqual(main);
    expect(await resolveCommit(client, REPO, 'refs/tags/v1.0')).toEqual(main);
    // A tag of a tag: only a git push makes one, so the emulator's state API seeds it.
    emulator.state.addAnnotatedTag('acme/widgets', 'v1.0-signed', v1, { type: 'tag' });
    expect(await resolveCommit(client, REPO, 'v1.0-signed')).toEqual(main);
  });

  it('finds the tag, not the branch, for a full tag name when a branch has the same name', async () => {
    const client = testClient(emulator);
    const main = await resolveCommit(client, REPO);
    const feature = await resolveCommit(client, REPO, 'feature');
    await client.rest.git.createRef({ ...REPO, ref: 'refs/heads/same', sha: feature.sha });
    await annotate('same', main.sha, 'commit');
    expect(await resolveCommit(client, REPO, 'refs/tags/same')).toEqual(main);
    expect(await resolveCommit(client, REPO, 'refs/heads/same')).toEqual(feature);
    // A short name is looked up as a branch first (resolve-ref.ts says why a full name is safer).
    expect(await resolveCommit(client, REPO, 'same')).toEqual(feature);
  });

  it('says so when a tag names no commit, or the ref does not exist', async () => {
    const client = testClient(emulator);
    const main = await resolveCommit(client, REPO);
    await annotate('tree-tag', main.treeSha, 'tree');
    const error = await resolveCommit(client, REPO, 'tree-tag').catch((e: unknown) => e);
    expect(GitHubError.isInstance(error) && error.kind).toBe('validation');
    expect((error as Error).message).toMatch(/"tree-tag" in acme\/widgets tags a tree, not a commit/);
    const missing = await resolveCommit(client, REPO, 'nope').catch((e: unknown) => e);
    expect(NotFoundError.isInstance(missing)).toBe(true);
  });
});
