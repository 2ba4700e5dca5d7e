export * from './create-pull-request';
export * from './link-issues';
