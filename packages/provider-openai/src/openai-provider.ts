import type { LanguageModel } from '@nightshift/agent-core';
import OpenAI from 'openai';
import { OpenAILanguageModel } from './openai-language-model';
import {
  OPENAI_DEFAULT_BASE_URL,
  OPENAI_DEFAULT_TIMEOUT_MS,
  type OpenAIModelSettings,
  type OpenAIProviderSettings,
} from './openai-settings';

/** Creates a model for one model id, e.g. `gpt-5` or `qwen3:32b`. */
export type OpenAIProvider = (modelId: string, settings?: OpenAIModelSettings) => LanguageModel;

/**
 * Creates a Chat Completions provider for OpenAI or any compatible server. Every SDK option that
 * would otherwise fall back to an `OPENAI_*` environment variable is passed explicitly.
 */
export function createOpenAI(settings: OpenAIProviderSettings = {}): OpenAIProvider {
  const { apiKey } = settings;
  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey.trim() === '')) {
    throw new TypeError('createOpenAI: settings.apiKey must be a non-empty string when given');
  }
  const compatibility = settings.compatibility ?? 'strict';
  if (compatibility !== 'strict' && compatibility !== 'compatible') {
    throw new TypeError("createOpenAI: settings.compatibility must be 'strict' or 'compatible'");
  }
  const provider = settings.name ?? 'openai';
  const client = new OpenAI({
    // The SDK insists on a credential. Without a key, give it a placeholder and remove the
    // Authorization header below, so a keyless local server gets no bogus bearer token.
    apiKey: apiKey ?? 'no-api-key',
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    baseURL: settings.baseURL ?? OPENAI_DEFAULT_BASE_URL,
    // The agent loop owns retries (budgets, backoff, retry-after); the SDK must not retry too.
    maxRetries: 0,
    timeout: settings.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS,
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
    defaultHeaders: { ...settings.headers, ...(apiKey === undefined ? { authorization: null } : {}) },
  });
  const secrets = apiKey === undefined ? [] : [apiKey];
  return (modelId, modelSettings) => {
    if (typeof modelId !== 'string' || modelId === '') {
      throw new TypeError(`${provider}: modelId must be a non-empty string`);
    }
    return new OpenAILanguageModel({
      modelId,
      provider,
      client,
      compatibility,
      settings: modelSettings,
      secrets,
    });
  };
}

/** Convenience: one model without keeping the provider around. */
export function createOpenAIModel(
  modelId: string,
  settings: OpenAIProviderSettings & OpenAIModelSettings = {},
): LanguageModel {
  const { defaultMaxOutputTokens, ...providerSettings } = settings;
  return createOpenAI(providerSettings)(modelId, { defaultMaxOutputTokens });
}
