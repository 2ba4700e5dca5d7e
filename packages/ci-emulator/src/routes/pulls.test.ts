import { describe, expect, it } from 'vitest';
import { octokitFor, useEmulator } from '../test-helpers';

const start = useEmulator();
const repo = { owner: 'octo', repo: 'demo' };

async function seeded() {
  const emulator = await start();
  emulator.state.addRepo({ owner: 'octo', name: 'demo', files: { 'a.txt': 'one\ntwo\n' } });
  emulator.state.addIssue('octo/demo', { title: 'CI failure' });
  emulator.state.addFiles(
    'octo/demo',
    { 'a.txt': 'one\n2\n', 'b.txt': 'new\n' },
    { branch: 'ci-fix-issue-1-1' },
  );
  return { emulator, octokit: octokitFor(emulator) };
}

describe('pulls', () => {
  it('opens draft PRs numbered after issues, with diff stats', async () => {
    const { emulator, octokit } = await seeded();
    const pr = await octokit.rest.pulls.create({
      ...repo,
      title: 'Fix CI',
      head: 'ci-fix-issue-1-1',
      base: 'main',
      body: 'Refs #1',
      draft: true,
    });
    expect(pr.status).toBe(201);
    expect(pr.data).toMatchObject({
      number: 2,
      draft: true,
      state: 'open',
      commits: 1,
      changed_files: 2,
      additions: 2,
      deletions: 1,
    });
    expect(pr.data.head.ref).toBe('ci-fix-issue-1-1');
    const fetched = await octokit.rest.pulls.get({ ...repo, pull_number: 2 });
    expect(fetched.data.body).toBe('Refs #1');
    const listed = await octokit.rest.pulls.list({ ...repo, head: 'octo:ci-fix-issue-1-1' });
    expect(listed.data.map((p) => p.number)).toEqual([2]);
    expect((await octokit.rest.pulls.list({ ...repo, head: 'octo:other' })).data).toEqual([]);
    // A PR is also an issue, as on GitHub.
    const asIssue = await octokit.rest.issues.get({ ...repo, issue_number: 2 });
    expect(asIssue.data.pull_request).toBeDefined();
    expect(emulator.state.snapshot().repos[0]?.pulls).toMatchObject([
      { number: 2, head: 'ci-fix-issue-1-1', draft: true },
    ]);
    await expect(octokit.rest.pulls.get({ ...repo, pull_number: 1 })).rejects.toMatchObject({ status: 404 });
  });

  it('answers 422 for a missing head branch or a duplicate PR', async () => {
    const { octokit } = await seeded();
    await expect(
      octokit.rest.pulls.create({ ...repo, title: 'x', head: 'nope', base: 'main' }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }] } },
    });
    await octokit.rest.pulls.create({ ...repo, title: 'x', head: 'ci-fix-issue-1-1', base: 'main' });
    await expect(
      octokit.rest.pulls.create({ ...repo, title: 'y', head: 'octo:ci-fix-issue-1-1', base: 'main' }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: { errors: [{ message: 'A pull request already exists for octo:ci-fix-issue-1-1.' }] },
      },
    });
  });
});
