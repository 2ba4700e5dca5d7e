export { convertToGeminiMessages, type GeminiPrompt } from './convert-to-gemini-messages';
export { GeminiLanguageModel } from './gemini-language-model';
export { createGemini, createGeminiModel, type GeminiProvider } from './gemini-provider';
export {
  GEMINI_DEFAULT_API_VERSION,
  GEMINI_DEFAULT_BASE_URL,
  type GeminiModelSettings,
  type GeminiProviderSettings,
} from './gemini-settings';
export { mapGeminiError } from './map-gemini-error';
export { mapGeminiFinishReason } from './map-gemini-finish-reason';
export { type PreparedGeminiTools, prepareGeminiTools } from './prepare-gemini-tools';
