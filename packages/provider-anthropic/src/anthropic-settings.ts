/** Settings shared by every model a provider instance creates. */
export interface AnthropicProviderSettings {
  /** API key. Required: the adapter never reads it from the environment. */
  apiKey: string;
  /** Base URL of the Messages API (no `/v1`). Defaults to `https://api.anthropic.com`. */
  baseURL?: string;
  /** Custom `fetch`, e.g. for a proxy or tests. Defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request (e.g. `anthropic-beta`). */
  headers?: Record<string, string>;
  /** Per-request timeout in milliseconds. Defaults to 10 minutes. */
  timeoutMs?: number;
}

/** Settings for one model. */
export interface AnthropicModelSettings {
  /**
   * `max_tokens` to send when a call gives no `maxOutputTokens`. The Messages API requires one.
   * Defaults to 4096.
   */
  defaultMaxOutputTokens?: number;
}

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';
export const ANTHROPIC_DEFAULT_MAX_OUTPUT_TOKENS = 4096;
export const ANTHROPIC_DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
