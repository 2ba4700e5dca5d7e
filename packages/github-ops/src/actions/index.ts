export * from './artifacts';
export { type DownloadOptions, type OpenedDownload, openRedirectDownload } from './download';
export * from './jobs';
export * from './log-view';
export * from './logs';
export * from './runs';
