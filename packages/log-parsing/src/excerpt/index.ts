export { buildExcerpt, type ExcerptMark } from './build-excerpt';
export { createExcerptBuilder, type Excerpt, type ExcerptBuilder } from './excerpt-builder';
export type { ExcerptOptions } from './excerpt-options';
export { estimateTokens } from './token-estimate';
