export type { GenerateOptions } from './generate-options';
export type { FinishReason, GenerateResult, Usage } from './generate-result';
export {
  type HttpErrorDetails,
  httpErrorToModelError,
  type ModelErrorFactory,
  type ModelErrorFields,
  modelErrorFactory,
  type ProviderErrorContext,
  scrubSecrets,
  shouldRetryHeader,
} from './http-error-to-model-error';
export type { LanguageModel } from './language-model';
export type {
  AssistantMessage,
  Message,
  TextPart,
  ToolCallPart,
  ToolResultPart,
  UserMessage,
} from './message';
export { isRetryableStatus, ModelError, type ModelErrorOptions } from './model-error';
export { type HeaderSource, parseRetryAfter, retryAfterFromHeaders } from './retry-after';
export type { ToolChoice, ToolDefinition } from './tool-definition';
