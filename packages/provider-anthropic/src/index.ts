export { AnthropicLanguageModel } from './anthropic-language-model';
export { type AnthropicProvider, createAnthropic, createAnthropicModel } from './anthropic-provider';
export {
  ANTHROPIC_DEFAULT_BASE_URL,
  ANTHROPIC_DEFAULT_MAX_OUTPUT_TOKENS,
  type AnthropicModelSettings,
  type AnthropicProviderSettings,
} from './anthropic-settings';
export { type AnthropicPrompt, convertToAnthropicMessages } from './convert-to-anthropic-messages';
export { mapAnthropicError, parseRetryAfterMs } from './map-anthropic-error';
export { mapAnthropicFinishReason } from './map-anthropic-finish-reason';
export { type PreparedAnthropicTools, prepareAnthropicTools } from './prepare-anthropic-tools';
