export * from './viewer-login';
