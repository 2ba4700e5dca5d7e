export * from './input/index';
export * from './formats/index';
