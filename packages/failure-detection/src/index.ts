export * from './config/index';
