export * from './commit-files';
export * from './create-branch';
export { type DryRunResult, gateWrite, type WriteOptions } from './write-result';
