import { describe, expect, it } from 'vitest';
import { BOT, seen, testClient, useTestEmulator } from '../__fixtures__/harness';
import { renderMarker } from '../markers';
import { addComment, listComments, upsertStickyComment } from './comments';
import { findIssueByMarker, findIssuesByMarker } from './find-by-marker';
import { closeIssue, createIssue, getIssue, listIssues, reopenIssue, updateIssue } from './issues';
import { addLabels, ensureLabels, listLabels, removeLabel } from './labels';
import { keywords, searchSimilarIssues } from './search-similar';

const REPO = { owner: 'acme', repo: 'widgets' };
const emulator = await useTestEmulator(({ state }) => {
  state.addRepo({ owner: 'acme', name: 'widgets' });
});

describe('issues', () => {
  it('creates, updates, closes and reopens', async () => {
    const client = testClient(emulator);
    const created = await createIssue(client, REPO, {
      title: 'CI broke',
      body: 'details',
      labels: ['ci-failure'],
    });
    expect(created.number).toBe(1);
    expect(created.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['ci-failure']);
    const updated = await updateIssue(client, REPO, 1, {
      title: 'CI broke again',
      labels: ['ci-failure', 'flaky'],
    });
    expect(updated.title).toBe('CI broke again');
    const closed = await closeIssue(client, REPO, 1, 'not_planned');
    expect([closed.state, closed.state_reason]).toEqual(['closed', 'not_planned']);
    const reopened = await reopenIssue(client, REPO, 1);
    expect(reopened.state).toBe('open');
    expect((await getIssue(client, REPO, 1)).title).toBe('CI broke again');
  });

  it('does not retry creating an issue or comment after a 5xx (a retry could duplicate it)', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'existing' });
    emulator.faults.add({ route: 'POST /repos/{owner}/{repo}/issues', status: 502, times: 1 });
    emulator.faults.add({
      route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      status: 502,
      times: 1,
    });
    const client = testClient(emulator);
    const error = await createIssue(client, REPO, { title: 'x', body: 'y' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'server', isRetryable: true });
    await expect(addComment(client, REPO, 1, 'hi')).rejects.toMatchObject({ kind: 'server' });
    expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 502', 'POST 502']);
  });

  it('lists issues only (no pull requests), with filters and a limit', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'open bug', labels: ['bug'] });
    emulator.state.addIssue('acme/widgets', { title: 'closed bug', labels: ['bug'], state: 'closed' });
    emulator.state.addIssue('acme/widgets', { title: 'other', user: 'someone' });
    emulator.state.addRepo({
      owner: 'acme',
      name: 'prs',
      files: { 'a.txt': 'a' },
      branches: { feature: { 'a.txt': 'b' } },
    });
    emulator.state.addPullRequest('acme/prs', { title: 'a PR', head: 'feature', base: 'main' });
    const client = testClient(emulator);
    expect((await listIssues(client, REPO)).map((i) => i.title).sort()).toEqual(['open bug', 'other']);
    expect(
      (await listIssues(client, REPO, { state: 'all', labels: ['bug'] })).map((i) => i.title).sort(),
    ).toEqual(['closed bug', 'open bug']);
    expect((await listIssues(client, REPO, { creator: 'someone' })).map((i) => i.title)).toEqual(['other']);
    expect(await listIssues(client, REPO, { state: 'all', limit: 2 })).toHaveLength(2);
    expect(await listIssues(client, { owner: 'acme', repo: 'prs' }, { state: 'all' })).toEqual([]);
  });
});

describe('findIssueByMarker', () => {
  it('finds the issue by marker data, trusting only the bot and ignoring code blocks', async () => {
    const marker = (fp: string) => renderMarker('failure', { fingerprint: fp });
    emulator.state.addIssue('acme/widgets', {
      title: 'forged by a user',
      user: 'mallory',
      body: `hi\n${marker('fp-1')}`,
    });
    emulator.state.addIssue('acme/widgets', {
      title: 'quoted log',
      user: BOT,
      body: `log:\n\`\`\`\n${marker('fp-1')}\n\`\`\``,
    });
    emulator.state.addIssue('acme/widgets', {
      title: 'the real one',
      user: BOT,
      body: `report\n\n${marker('fp-1')}`,
    });
    emulator.state.addIssue('acme/widgets', { title: 'another failure', user: BOT, body: marker('fp-2') });
    const client = testClient(emulator);
    const found = await findIssueByMarker<{ fingerprint: string }>(client, REPO, {
      kind: 'failure',
      trustedAuthors: BOT,
      match: (data) => data.fingerprint === 'fp-1',
    });
    expect(found?.issue.title).toBe('the real one');
    expect(found?.marker.data).toEqual({ fingerprint: 'fp-1' });
    const all = await findIssuesByMarker(client, REPO, { kind: 'failure', trustedAuthors: [BOT] });
    expect(all.map((f) => f.issue.title).sort()).toEqual(['another failure', 'the real one']);
    // single trusted author → the listing is narrowed server-side
    expect(seen(emulator, `creator=${BOT}`).length).toBeGreaterThan(0);
  });

  it('prefers an open issue and survives a throwing predicate', async () => {
    const body = renderMarker('failure', { fingerprint: 'x' });
    emulator.state.addIssue('acme/widgets', { title: 'old closed', user: BOT, body, state: 'closed' });
    emulator.state.addIssue('acme/widgets', { title: 'open', user: BOT, body });
    emulator.state.addIssue('acme/widgets', {
      title: 'weird payload',
      user: BOT,
      body: renderMarker('failure', 'just a string'),
    });
    const client = testClient(emulator);
    const found = await findIssueByMarker<{ fingerprint: string }>(client, REPO, {
      kind: 'failure',
      trustedAuthors: BOT,
      match: (d) => d.fingerprint.startsWith('x'),
    });
    expect(found?.issue.title).toBe('open');
    expect(
      await findIssueByMarker(client, REPO, { kind: 'failure', trustedAuthors: BOT, match: () => false }),
    ).toBeNull();
  });
});

describe('upsertStickyComment', () => {
  it('creates, then updates in place, then costs no write when unchanged', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'issue' });
    const client = testClient(emulator);
    const input = { kind: 'triage-report', trustedAuthors: BOT, body: 'Report v1' };
    const first = await upsertStickyComment(client, REPO, 1, input);
    expect(first.action).toBe('created');
    const second = await upsertStickyComment(client, REPO, 1, { ...input, body: 'Report v2' });
    expect(second.action).toBe('updated');
    expect(second.comment.id).toBe(first.comment.id);
    const writesBefore = emulator.requests().filter((r) => r.method !== 'GET').length;
    const third = await upsertStickyComment(client, REPO, 1, { ...input, body: 'Report v2' });
    expect(third.action).toBe('unchanged');
    expect(emulator.requests().filter((r) => r.method !== 'GET').length).toBe(writesBefore);
    const comments = await listComments(client, REPO, 1);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('Report v2');
  });

  it('ignores a forged sticky comment by another user, and keeps keys apart', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'issue' });
    emulator.state.addComment('acme/widgets', 1, {
      user: 'mallory',
      body: `fake ${renderMarker('triage-report', {})}`,
    });
    const client = testClient(emulator);
    const a = await upsertStickyComment(client, REPO, 1, {
      kind: 'triage-report',
      key: 'a',
      trustedAuthors: BOT,
      body: 'A',
    });
    const b = await upsertStickyComment(client, REPO, 1, {
      kind: 'triage-report',
      key: 'b',
      trustedAuthors: BOT,
      body: 'B',
    });
    expect([a.action, b.action]).toEqual(['created', 'created']);
    const again = await upsertStickyComment(client, REPO, 1, {
      kind: 'triage-report',
      key: 'a',
      trustedAuthors: BOT,
      body: 'A2',
    });
    expect(again).toMatchObject({ action: 'updated', comment: { id: a.comment.id } });
    const comments = await listComments(client, REPO, 1);
    expect(comments.map((c) => c.user?.login)).toEqual(['mallory', BOT, BOT]);
    expect(comments[0]?.body).toContain('fake');
  });

  it('plain comments are added', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'issue' });
    const comment = await addComment(testClient(emulator), REPO, 1, 'hello');
    expect(comment.body).toBe('hello');
  });
});

describe('labels', () => {
  it('creates only the missing labels, case-insensitively', async () => {
    emulator.state.addLabel('acme/widgets', { name: 'CI-Failure' });
    const client = testClient(emulator);
    const result = await ensureLabels(client, REPO, [
      { name: 'ci-failure', color: 'd73a4a' },
      { name: 'flaky', color: '#fbca04', description: 'Fails sometimes' },
    ]);
    expect(result).toEqual({ created: ['flaky'], existing: ['ci-failure'] });
    const labels = await listLabels(client, REPO);
    expect(labels.find((l) => l.name === 'flaky')).toMatchObject({
      color: 'fbca04',
      description: 'Fails sometimes',
    });
    expect(await ensureLabels(client, REPO, [{ name: 'flaky' }])).toEqual({
      created: [],
      existing: ['flaky'],
    });
  });

  it('treats a label created concurrently (422) as existing', async () => {
    // Another run creates the label between our listing and our create: the injected fetch makes
    // that happen for real, right before our POST reaches the emulator.
    const racingFetch: typeof fetch = async (url, init) => {
      if (init?.method === 'POST' && String(url).endsWith('/repos/acme/widgets/labels')) {
        emulator.state.addLabel('acme/widgets', { name: 'race' });
      }
      return fetch(url, init);
    };
    const result = await ensureLabels(testClient(emulator, { fetch: racingFetch }), REPO, [{ name: 'race' }]);
    expect(result).toEqual({ created: [], existing: ['race'] });
    expect(emulator.requests().map((r) => `${r.method} ${r.status}`)).toEqual([
      'GET 200',
      'POST 422',
      'GET 200',
    ]);
  });

  it('rejects a bad colour with a clear error', async () => {
    await expect(ensureLabels(testClient(emulator), REPO, [{ name: 'x', color: 'red' }])).rejects.toThrow(
      /color "red" is not six hex digits/,
    );
  });

  it('adds and removes labels on an issue; removing an absent label is fine', async () => {
    emulator.state.addIssue('acme/widgets', { title: 'issue' });
    const client = testClient(emulator);
    await addLabels(client, REPO, 1, ['a', 'b']);
    await removeLabel(client, REPO, 1, 'a');
    await removeLabel(client, REPO, 1, 'not-there');
    const issue = await getIssue(client, REPO, 1);
    expect(issue.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['b']);
  });
});

describe('searchSimilarIssues', () => {
  it('extracts distinctive keywords', () => {
    expect(
      keywords('The PTP offset test failed: timed out after 300.5s at 0xc000799120 deadbeefcafe'),
    ).toEqual(['ptp', 'offset', 'timed', 'out', 'after']);
  });

  it('finds and ranks similar issues, relaxing the query when needed', async () => {
    emulator.state.addIssue('acme/widgets', {
      title: 'ptp4l offset threshold exceeded in dual NIC test',
      body: 'holdover clock class',
    });
    emulator.state.addIssue('acme/widgets', { title: 'offset drift', body: 'ptp4l' });
    emulator.state.addIssue('acme/widgets', { title: 'unrelated docs typo' });
    const results = await searchSimilarIssues(
      testClient(emulator),
      REPO,
      'ptp4l offset threshold exceeded on dual NIC holdover',
    );
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.title).toBe('ptp4l offset threshold exceeded in dual NIC test');
    expect(results.map((r) => r.title)).not.toContain('unrelated docs typo');
    for (let i = 1; i < results.length; i++)
      expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
  });

  it('returns nothing for text without keywords, without calling search', async () => {
    expect(await searchSimilarIssues(testClient(emulator), REPO, '1234 0xdeadbeef !!!')).toEqual([]);
    expect(emulator.requests()).toHaveLength(0);
  });
});
