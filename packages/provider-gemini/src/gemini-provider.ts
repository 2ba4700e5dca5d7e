import { GoogleGenAI } from '@google/genai';
import type { LanguageModel } from '@nightshift/agent-core';
import { GeminiLanguageModel } from './gemini-language-model';
import {
  GEMINI_DEFAULT_API_VERSION,
  GEMINI_DEFAULT_BASE_URL,
  type GeminiModelSettings,
  type GeminiProviderSettings,
} from './gemini-settings';

/** Creates a model for one model id, e.g. `gemini-2.5-pro`. */
export type GeminiProvider = (modelId: string, settings?: GeminiModelSettings) => LanguageModel;

/**
 * Creates a Gemini API provider. Key, backend, base URL and API version are all passed explicitly
 * so the SDK never switches backend or endpoint from `GOOGLE_*` / `GEMINI_*` environment variables.
 */
export function createGemini(settings: GeminiProviderSettings): GeminiProvider {
  if (typeof settings?.apiKey !== 'string' || settings.apiKey.trim() === '') {
    throw new TypeError('createGemini: settings.apiKey must be a non-empty string');
  }
  const client = new GoogleGenAI({
    apiKey: settings.apiKey,
    vertexai: false,
    apiVersion: settings.apiVersion ?? GEMINI_DEFAULT_API_VERSION,
    httpOptions: {
      baseUrl: settings.baseURL ?? GEMINI_DEFAULT_BASE_URL,
      // No `retryOptions`: the SDK then makes exactly one attempt. The agent loop owns retries.
      ...(settings.headers ? { headers: { ...settings.headers } } : {}),
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
      ...(settings.timeoutMs === undefined ? {} : { timeout: settings.timeoutMs }),
    },
  });
  const secrets = [settings.apiKey];
  return (modelId, modelSettings) => {
    if (typeof modelId !== 'string' || modelId === '') {
      throw new TypeError('gemini: modelId must be a non-empty string');
    }
    return new GeminiLanguageModel({ modelId, client, settings: modelSettings, secrets });
  };
}

/** Convenience: one model without keeping the provider around. */
export function createGeminiModel(
  modelId: string,
  settings: GeminiProviderSettings & GeminiModelSettings,
): LanguageModel {
  const { defaultMaxOutputTokens, ...providerSettings } = settings;
  return createGemini(providerSettings)(modelId, { defaultMaxOutputTokens });
}
