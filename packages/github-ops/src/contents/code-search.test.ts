import { describe, expect, it } from 'vitest';
import { seen, testClient, useTestEmulator } from '../__fixtures__/harness';
import { RateLimitedError } from '../errors/github-error';
import { searchCode, searchWords } from './code-search';

const REPO = { owner: 'acme', repo: 'widgets' };
const emulator = await useTestEmulator(
  ({ state }) => {
    state.addRepo({
      owner: 'acme',
      name: 'widgets',
      files: {
        'pkg/daemon/daemon.go':
          'package daemon\n\n// ClockClass reports the clock class\nfunc ClockClass() int { return 6 }\n',
        'pkg/daemon/offset.go': 'package daemon\n\nfunc Offset() int { return 0 }\n',
        'docs/clock.md': 'ClockClass explained\n',
        'assets/logo.png': Buffer.from([0x89, 0x50, 0x00, 0x43, 0x6c, 0x6f, 0x63, 0x6b]),
      },
    });
    state.addRepo({ owner: 'other', name: 'private', files: { 'secret.go': 'ClockClass secret\n' } });
  },
  { limits: { codeSearch: 1 } },
);

describe('searchCode', () => {
  it('drops qualifiers a caller (or a model) slipped into the query', () => {
    expect(searchWords('ClockClass repo:other/private org:evil -user:x "daemon" OR')).toEqual([
      'ClockClass',
      'daemon',
    ]);
  });

  it('uses code search scoped to the one repository', async () => {
    const result = await searchCode(testClient(emulator), REPO, 'ClockClass repo:other/private', {
      extension: 'go',
    });
    expect(result.source).toBe('search');
    expect(result.items.map((i) => i.path)).toEqual(['pkg/daemon/daemon.go']);
    const [query] = seen(emulator, '/search/code');
    expect(decodeURIComponent(query!.replace(/\+/g, ' '))).toContain(
      'q=ClockClass repo:acme/widgets extension:go',
    );
    expect(query).not.toContain('other');
  });

  it('remembers a spent quota from response headers and goes straight to grep', async () => {
    const client = testClient(emulator);
    expect((await searchCode(client, REPO, 'Offset')).source).toBe('search');
    const second = await searchCode(client, REPO, 'ClockClass');
    expect(second.source).toBe('grep');
    expect(second.fallbackReason).toMatch(/quota spent until/);
    expect(seen(emulator, '/search/code')).toHaveLength(1);
  });

  it('falls back to tree + fetch + grep when search is rate-limited, then skips search until reset', async () => {
    await searchCode(testClient(emulator), REPO, 'Offset');
    const client = testClient(emulator); // knows nothing about the spent quota yet
    const fallback = await searchCode(client, REPO, 'ClockClass');
    expect(fallback.source).toBe('grep');
    expect(fallback.fallbackReason).toMatch(/code search failed/);
    expect(fallback.items).toEqual([
      { path: 'docs/clock.md', sha: expect.any(String), lines: [{ no: 1, text: 'ClockClass explained' }] },
      {
        path: 'pkg/daemon/daemon.go',
        sha: expect.any(String),
        lines: [
          { no: 3, text: '// ClockClass reports the clock class' },
          { no: 4, text: 'func ClockClass() int { return 6 }' },
        ],
      },
    ]);
    const searchesBefore = seen(emulator, '/search/code').length;
    const third = await searchCode(client, REPO, 'Offset', { path: 'pkg/' });
    expect(third.source).toBe('grep');
    expect(third.fallbackReason).toMatch(/quota spent until/);
    expect(third.items.map((i) => i.path)).toEqual(['pkg/daemon/offset.go']);
    expect(seen(emulator, '/search/code')).toHaveLength(searchesBefore);
  });

  it('refuses to grep a repository with too many files, and honours fallback: false', async () => {
    const client = testClient(emulator);
    await searchCode(client, REPO, 'Offset');
    await expect(searchCode(client, REPO, 'ClockClass', { fallback: { maxFiles: 2 } })).rejects.toThrow(
      /too large to grep/,
    );
    await expect(searchCode(testClient(emulator), REPO, 'ClockClass', { fallback: false })).rejects.toSatisfy(
      RateLimitedError.isInstance,
    );
  });

  it('rejects a query with no words', async () => {
    await expect(searchCode(testClient(emulator), REPO, 'repo:x/y path:z')).rejects.toThrow(
      /has no search words/,
    );
  });
});
