export * from './comments';
export * from './find-by-marker';
export * from './issues';
export * from './labels';
export * from './search-similar';
export * from './types';
