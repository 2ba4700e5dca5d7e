import Anthropic from '@anthropic-ai/sdk';
import type { LanguageModel } from '@nightshift/agent-core';
import { AnthropicLanguageModel } from './anthropic-language-model';
import {
  ANTHROPIC_DEFAULT_BASE_URL,
  ANTHROPIC_DEFAULT_TIMEOUT_MS,
  type AnthropicModelSettings,
  type AnthropicProviderSettings,
} from './anthropic-settings';

/** Creates a model for one model id, e.g. `claude-sonnet-4-6`. */
export type AnthropicProvider = (modelId: string, settings?: AnthropicModelSettings) => LanguageModel;

/**
 * Creates an Anthropic provider. Everything is explicit: the key, base URL and headers are passed
 * to the SDK so it never falls back to `ANTHROPIC_*` environment variables or config files for them.
 */
export function createAnthropic(settings: AnthropicProviderSettings): AnthropicProvider {
  if (typeof settings?.apiKey !== 'string' || settings.apiKey.trim() === '') {
    throw new TypeError('createAnthropic: settings.apiKey must be a non-empty string');
  }
  const client = new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL ?? ANTHROPIC_DEFAULT_BASE_URL,
    // The agent loop owns retries (budgets, backoff, retry-after); the SDK must not retry too.
    maxRetries: 0,
    // An explicit timeout also stops the SDK from refusing large non-streaming max_tokens values.
    timeout: settings.timeoutMs ?? ANTHROPIC_DEFAULT_TIMEOUT_MS,
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
    ...(settings.headers ? { defaultHeaders: settings.headers } : {}),
  });
  const secrets = [settings.apiKey];
  return (modelId, modelSettings) => {
    if (typeof modelId !== 'string' || modelId === '') {
      throw new TypeError('anthropic: modelId must be a non-empty string');
    }
    return new AnthropicLanguageModel({ modelId, client, settings: modelSettings, secrets });
  };
}

/** Convenience: one model without keeping the provider around. */
export function createAnthropicModel(
  modelId: string,
  settings: AnthropicProviderSettings & AnthropicModelSettings,
): LanguageModel {
  const { defaultMaxOutputTokens, ...providerSettings } = settings;
  return createAnthropic(providerSettings)(modelId, { defaultMaxOutputTokens });
}
