import { describe, expect, it } from 'vitest';
import { testClient, useTestEmulator } from '../__fixtures__/harness';
import { PolicyViolationError } from '../errors/policy-violation-error';
import { getIssue } from '../issues/issues';
import { createWritePolicy } from '../policy/default-policy';
import { createPullRequest, getPullRequest } from './create-pull-request';
import { linkIssues, parseIssueLink, renderIssueLinks, withLinksSection } from './link-issues';

const policy = createWritePolicy({ repos: ['acme/widgets'], branchPrefix: 'ci-fix-' });
const emulator = await useTestEmulator(({ state }) => {
  state.addRepo({
    owner: 'acme',
    name: 'widgets',
    files: { 'a.txt': 'a\n' },
    branches: { 'ci-fix-1': { 'a.txt': 'b\n' } },
  });
  state.addIssue('acme/widgets', { title: 'CI failure' });
});

describe('createPullRequest', () => {
  it('opens a draft pull request', async () => {
    const client = testClient(emulator);
    const result = await createPullRequest(
      client,
      { repo: 'acme/widgets', head: 'ci-fix-1', base: 'main', title: 'Fix CI', body: 'Refs #1' },
      { policy },
    );
    if (result.dryRun) throw new Error('unexpected dry run');
    expect(result.pullRequest.draft).toBe(true);
    expect((await getPullRequest(client, 'acme/widgets', result.pullRequest.number)).title).toBe('Fix CI');
  });

  it('refuses ready PRs, closing keywords and protected heads before calling the API', async () => {
    const client = testClient(emulator);
    const attempt = (extra: object) =>
      createPullRequest(
        client,
        { repo: 'acme/widgets', head: 'ci-fix-1', base: 'main', title: 'Fix', body: 'Refs #1', ...extra },
        { policy },
      ).catch((e: unknown) => e);
    for (const [extra, rule] of [
      [{ draft: false }, 'pr-not-draft'],
      [{ body: 'Fixes #1' }, 'closing-keyword'],
      [{ head: 'main' }, 'branch-protected'],
      [{ repo: 'other/repo' }, 'repo-not-allowed'],
    ] as const) {
      const error = await attempt(extra);
      expect(PolicyViolationError.isInstance(error)).toBe(true);
      expect((error as PolicyViolationError).violations.map((v) => v.rule)).toContain(rule);
    }
    expect(emulator.requests()).toEqual([]);
  });

  it('dry-run plans the PR without calling the API', async () => {
    const result = await createPullRequest(
      testClient(emulator),
      { repo: 'acme/widgets', head: 'ci-fix-1', base: 'main', title: 'Fix', body: 'Refs #1' },
      { policy: createWritePolicy({ ...policy, dryRun: true }) },
    );
    expect(result).toMatchObject({
      dryRun: true,
      operations: [{ op: 'create-pull-request', head: 'ci-fix-1', draft: true }],
    });
    expect(emulator.requests()).toEqual([]);
  });
});

describe('linking issues', () => {
  it('parses and renders references with Refs, never Fixes unless configured', () => {
    expect(parseIssueLink('#3')).toEqual({ number: 3 });
    expect(parseIssueLink('other/repo#4')).toEqual({ repo: 'other/repo', number: 4 });
    expect(() => parseIssueLink('fixes #3')).toThrow(/not "#N"/);
    const links = [{ number: 3 }, { repo: 'acme/widgets', number: 3 }, { repo: 'other/repo', number: 4 }];
    expect(renderIssueLinks(links, { currentRepo: 'acme/widgets' })).toBe('Refs #3\nRefs other/repo#4');
    expect(renderIssueLinks(links, { currentRepo: 'acme/widgets', closing: true })).toBe(
      'Fixes #3\nFixes other/repo#4',
    );
  });

  it('keeps one managed links section', () => {
    const once = withLinksSection('Body', 'Refs #1');
    expect(withLinksSection(once, 'Refs #1')).toBe(once);
    expect(withLinksSection(once, 'Refs #2')).toContain('Refs #2');
    expect(withLinksSection(once, 'Refs #2')).not.toContain('Refs #1');
  });

  it('writes the links into the PR body, idempotently', async () => {
    const client = testClient(emulator);
    const created = await createPullRequest(
      client,
      { repo: 'acme/widgets', head: 'ci-fix-1', base: 'main', title: 'Fix', body: 'Proposed fix.' },
      { policy },
    );
    if (created.dryRun) throw new Error('unexpected dry run');
    const number = created.pullRequest.number;
    const input = {
      repo: 'acme/widgets',
      pullNumber: number,
      issues: [{ number: 1 }, { repo: 'acme/daemon', number: 9 }],
    };
    const first = await linkIssues(client, input, { policy });
    expect(first).toMatchObject({ dryRun: false, changed: true });
    const pr = await getPullRequest(client, 'acme/widgets', number);
    expect(pr.body).toContain('Proposed fix.');
    expect(pr.body).toContain('Refs #1\nRefs acme/daemon#9');
    expect(pr.body).not.toMatch(/fixes/i);
    expect(await linkIssues(client, input, { policy })).toMatchObject({ changed: false });
  });

  it('refuses an issue number that is not a PR, a repo outside the allowlist, and dry-run calls nothing', async () => {
    const client = testClient(emulator);
    await expect(
      linkIssues(client, { repo: 'acme/widgets', pullNumber: 1, issues: [{ number: 1 }] }, { policy }),
    ).rejects.toThrow(/is an issue, not a pull request/);
    await expect(
      linkIssues(client, { repo: 'evil/repo', pullNumber: 1, issues: [{ number: 1 }] }, { policy }),
    ).rejects.toSatisfy(PolicyViolationError.isInstance);
    const before = emulator.requests().length;
    const dry = await linkIssues(
      client,
      { repo: 'acme/widgets', pullNumber: 2, issues: [{ number: 1 }] },
      { policy: createWritePolicy({ ...policy, dryRun: true }) },
    );
    expect(dry).toEqual({ dryRun: true, links: 'Refs #1' });
    expect(emulator.requests().length).toBe(before);
    expect((await getIssue(client, { owner: 'acme', repo: 'widgets' }, 1)).body ?? '').not.toContain('Refs');
  });
});
