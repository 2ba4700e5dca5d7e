export * from './code-search';
export * from './file-contents';
export * from './resolve-ref';
export * from './tree';
