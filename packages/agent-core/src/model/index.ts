export type { LanguageModel } from './language-model';
export type {
  AssistantMessage,
  Message,
  TextPart,
  ToolCallPart,
  ToolResultPart,
  UserMessage,
} from './message';
export type { ToolChoice, ToolDefinition } from './tool-definition';
export type { GenerateOptions } from './generate-options';
export type { FinishReason, GenerateResult, Usage } from './generate-result';
export { ModelError, isRetryableStatus, type ModelErrorOptions } from './model-error';
