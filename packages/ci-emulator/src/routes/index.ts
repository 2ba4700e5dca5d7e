import type { RouteSpec } from '../context';
import { registerGcsRoutes } from '../gcs/routes';
import { Router } from '../router';
import { registerJobRoutes } from './actions-jobs';
import { registerRunRoutes } from './actions-runs';
import { registerCommentRoutes } from './comments';
import { registerContentRoutes } from './contents';
import { registerControlRoutes } from './control';
import { registerDownloadRoutes } from './downloads';
import { registerGitDataRoutes } from './git-data';
import { registerGitTagRoutes } from './git-tags';
import { registerIssueRoutes } from './issues';
import { registerLabelRoutes } from './labels';
import { registerPullRoutes } from './pulls';
import { registerRefRoutes } from './refs';
import { registerRepoRoutes } from './repos';
import { registerSearchRoutes } from './search';
import { registerViewerRoutes } from './viewer';

export function buildRouter(): Router<RouteSpec> {
  const router = new Router<RouteSpec>();
  for (const register of [
    registerRepoRoutes,
    registerViewerRoutes,
    registerIssueRoutes,
    registerCommentRoutes,
    registerLabelRoutes,
    registerSearchRoutes,
    registerRunRoutes,
    registerJobRoutes,
    registerDownloadRoutes,
    registerContentRoutes,
    registerGitDataRoutes,
    registerGitTagRoutes,
    registerRefRoutes,
    registerPullRoutes,
    registerGcsRoutes,
    registerControlRoutes,
  ]) {
    register(router);
  }
  return router;
}
