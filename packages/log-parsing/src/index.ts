export * from './analyze/index';
export * from './classify/index';
export * from './excerpt/index';
export * from './fingerprint/index';
export * from './formats/index';
export * from './group/index';
export * from './input/index';
export * from './redact/index';
export type * from './types';
