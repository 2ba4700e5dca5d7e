import { describe, expect, it } from 'vitest';
import { fixedClock, octokitFor, useEmulator } from '../test-helpers';

const start = useEmulator();
const repo = { owner: 'octo', repo: 'demo' };

async function seeded() {
  const clock = fixedClock();
  const emulator = await start({ now: clock.now });
  emulator.state.addRepo({ owner: 'octo', name: 'demo' });
  emulator.state.addLabel('octo/demo', { name: 'ci-failure', color: 'd73a4a' });
  emulator.state.addIssue('octo/demo', { title: 'one', labels: ['ci-failure'] });
  return { emulator, clock, octokit: octokitFor(emulator) };
}

describe('comments', () => {
  it('creates, lists (with since), edits and deletes comments', async () => {
    const { emulator, clock, octokit } = await seeded();
    const first = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'first' });
    clock.advance(60);
    await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'second' });
    const since = await octokit.rest.issues.listComments({
      ...repo,
      issue_number: 1,
      since: '2024-05-01T12:00:30Z',
    });
    expect(since.data.map((c) => c.body)).toEqual(['second']);
    clock.advance(60);
    const edited = await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: first.data.id,
      body: 'first (edited)',
    });
    expect(edited.data).toMatchObject({
      body: 'first (edited)',
      updated_at: '2024-05-01T12:02:00Z',
      created_at: '2024-05-01T12:00:00Z',
    });
    expect((await octokit.rest.issues.getComment({ ...repo, comment_id: first.data.id })).data.body).toBe(
      'first (edited)',
    );
    const issue = await octokit.rest.issues.get({ ...repo, issue_number: 1 });
    expect(issue.data.comments).toBe(2);
    expect(issue.data.updated_at).toBe('2024-05-01T12:02:00Z');
    expect((await octokit.rest.issues.deleteComment({ ...repo, comment_id: first.data.id })).status).toBe(
      204,
    );
    await expect(
      octokit.rest.issues.getComment({ ...repo, comment_id: first.data.id }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await octokit.rest.issues.listCommentsForRepo(repo)).data.map((c) => c.body)).toEqual(['second']);
    await expect(
      octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: '' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: 'x' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(emulator.requestCounts()['POST /repos/{owner}/{repo}/issues/{issue_number}/comments']).toBe(4);
  });

  it('does not show comments of one repository through another', async () => {
    const { emulator, octokit } = await seeded();
    emulator.state.addRepo({ owner: 'octo', name: 'other' });
    const comment = emulator.state.addComment('octo/demo', 1, 'private to demo');
    await expect(
      octokit.rest.issues.getComment({ owner: 'octo', repo: 'other', comment_id: comment.id }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('labels', () => {
  it('adds (creating unknown labels), replaces and removes issue labels', async () => {
    const { octokit } = await seeded();
    const names = (labels: Array<{ name?: string } | string>) =>
      labels.map((l) => (typeof l === 'string' ? l : l.name));
    const added = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: 1,
      labels: ['flaky', 'CI-FAILURE'],
    });
    expect(names(added.data)).toEqual(['ci-failure', 'flaky']);
    const created = await octokit.rest.issues.getLabel({ ...repo, name: 'flaky' });
    expect(created.data.color).toBe('ededed');
    const replaced = await octokit.rest.issues.setLabels({ ...repo, issue_number: 1, labels: ['recovered'] });
    expect(names(replaced.data)).toEqual(['recovered']);
    const removed = await octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'recovered' });
    expect(removed.data).toEqual([]);
    await expect(
      octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'recovered' }),
    ).rejects.toMatchObject({ status: 404 });
    const all = await octokit.rest.issues.listLabelsForRepo(repo);
    expect(names(all.data)).toEqual(['ci-failure', 'flaky', 'recovered']);
  });

  it('creates repository labels once (422 already_exists) and 404s unknown ones', async () => {
    const { octokit } = await seeded();
    const label = await octokit.rest.issues.createLabel({
      ...repo,
      name: 'needs triage',
      color: '#fbca04',
      description: 'new',
    });
    expect(label.status).toBe(201);
    expect(label.data).toMatchObject({ name: 'needs triage', color: 'fbca04', description: 'new' });
    expect((await octokit.rest.issues.getLabel({ ...repo, name: 'needs triage' })).data.name).toBe(
      'needs triage',
    );
    await expect(octokit.rest.issues.createLabel({ ...repo, name: 'Needs Triage' })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ code: 'already_exists' }] } },
    });
    await expect(octokit.rest.issues.getLabel({ ...repo, name: 'nope' })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('control endpoints', () => {
  it('expose the request log with per-route counts', async () => {
    const { emulator, octokit } = await seeded();
    await octokit.rest.issues.get({ ...repo, issue_number: 1 });
    await octokit.rest.issues.get({ ...repo, issue_number: 1 });
    await fetch(`${emulator.url}/nope`);
    const log = (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as {
      requests: Array<{ route: string; status: number; login?: string }>;
      counts: Record<string, number>;
    };
    expect(log.counts).toEqual({
      'GET /repos/{owner}/{repo}/issues/{issue_number}': 2,
      'GET (unmatched)': 1,
    });
    expect(log.requests.map((entry) => [entry.status, entry.login])).toEqual([
      [200, 'nightshift-emulator'],
      [200, 'nightshift-emulator'],
      [404, undefined],
    ]);
  });
});
