export type * from './types';
export * from './input/index';
export * from './formats/index';
export * from './classify/index';
export * from './fingerprint/index';
export * from './group/index';
export * from './redact/index';
export * from './excerpt/index';
export * from './analyze/index';
