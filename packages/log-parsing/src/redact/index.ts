export { capText } from './cap-text';
export { type ChunkRedactor, type ChunkRedactorOptions, createChunkRedactor } from './chunk-redactor';
export { stripHtmlComments, stripHtmlCommentsDetailed } from './html-comments';
export { createLineRedactor, type LineRedactor } from './line-redactor';
export { codeBlock, inlineCode, tableCell } from './markdown-builders';
export { neutralizeClosingKeywords } from './neutralize-closing-keywords';
export { neutralizeCommands, neutralizeWorkflowCommands } from './neutralize-commands';
export { neutralizeMentions } from './neutralize-mentions';
export { PEM_WINDOW_CHARS } from './pem-blocks';
export { redactSecrets } from './redact-secrets';
export { redactShown } from './redact-shown';
export type { RedactionFinding, RedactionResult } from './redaction-types';
export {
  escapeRawHtml,
  type SanitizeForCommentOptions,
  type SanitizeForCommentResult,
  sanitizeForComment,
  sanitizeForCommentDetailed,
} from './sanitize-for-comment';
export {
  type SanitizeTextOptions,
  type SanitizeTextResult,
  sanitizeText,
  sanitizeTextDetailed,
} from './sanitize-text';
export {
  type SanitizeUntrustedOptions,
  type SanitizeUntrustedResult,
  sanitizeUntrusted,
  sanitizeUntrustedDetailed,
} from './sanitize-untrusted';
export { stripImagesAndLinks } from './strip-images-and-links';
export { defang, isAllowedHost } from './url-policy';
