export { convertToOpenAIMessages, type OpenAIPrompt } from './convert-to-openai-messages';
export { mapOpenAIError, parseRetryAfterMs } from './map-openai-error';
export { mapOpenAIFinishReason } from './map-openai-finish-reason';
export { OpenAILanguageModel } from './openai-language-model';
export { createOpenAI, createOpenAIModel, type OpenAIProvider } from './openai-provider';
export {
  OPENAI_DEFAULT_BASE_URL,
  type OpenAICompatibility,
  type OpenAIModelSettings,
  type OpenAIProviderSettings,
} from './openai-settings';
export { type PreparedOpenAITools, prepareOpenAITools } from './prepare-openai-tools';
