import { describe, expect, it } from 'vitest';
import { Router } from './router';

describe('Router', () => {
  const router = new Router<string>()
    .add('GET', '/repos/{owner}/{repo}/issues/{issue_number}', 'issue')
    .add('GET', '/repos/{owner}/{repo}/issues/comments', 'repo-comments')
    .add('GET', '/repos/{owner}/{repo}/contents/{path+}', 'contents')
    .add('GET', '/b/{bucket}/o/{object}', 'object');

  it('prefers literal segments over parameters, whatever the registration order', () => {
    expect(router.match('GET', '/repos/o/r/issues/comments')?.handler).toBe('repo-comments');
    expect(router.match('GET', '/repos/o/r/issues/12')).toMatchObject({
      handler: 'issue',
      params: { issue_number: '12' },
    });
  });

  it('captures the rest of the path and decodes each segment', () => {
    expect(router.match('GET', '/repos/o/r/contents/a/b%20c.txt')?.params.path).toBe('a/b c.txt');
    expect(router.match('GET', '/b/bkt/o/logs%2Fjob%2F1%2Fbuild-log.txt')?.params.object).toBe(
      'logs/job/1/build-log.txt',
    );
  });

  it('reports the template as the route key and misses on method, length or bad encoding', () => {
    expect(router.match('get', '/repos/o/r/issues/1')?.route).toBe(
      'GET /repos/{owner}/{repo}/issues/{issue_number}',
    );
    expect(router.match('POST', '/repos/o/r/issues/1')).toBeUndefined();
    expect(router.match('GET', '/repos/o/r/issues/1/extra')).toBeUndefined();
    expect(router.match('GET', '/repos/o/r/contents')).toBeUndefined();
    expect(router.match('GET', '/repos/o/%E0%A4%A/issues/1')).toBeUndefined();
  });
});
