export * from './config-schema';
export { ConfigError, loadConfigFile, parseConfig } from './load-config';
