export { configJsonSchema } from './config-json-schema';
export * from './config-schema';
export { ConfigError, loadConfigFile, parseConfig } from './load-config';
