export * from './config/index';
export * from './detector/index';
export * from './render/index';
export * from './report/index';
export * from './sources/index';
export * from './tracking/index';
