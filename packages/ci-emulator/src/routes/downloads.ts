import type { Routes } from './common';

/** The storage side of log/artifact redirects: a capability URL that works until it expires. */
export function registerDownloadRoutes(router: Routes): void {
  router.add('GET', '/_downloads/{token}', {
    kind: 'download',
    handler: (ctx) => {
      const link = ctx.world.downloads.get(ctx.params.token ?? '');
      if (!link || link.expiresAt <= ctx.world.now().getTime()) {
        // Azure Blob Storage answers an expired SAS URL with 403 AuthenticationFailed.
        return {
          status: 403,
          headers: { 'content-type': 'application/xml' },
          body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has passed.</Message></Error>',
        };
      }
      return { status: 200, headers: { 'content-type': link.contentType }, body: link.data };
    },
  });
}
