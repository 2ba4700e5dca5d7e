/** Settings shared by every model a provider instance creates. */
export interface GeminiProviderSettings {
  /** Gemini API key. Required: the adapter never reads it from the environment. */
  apiKey: string;
  /** Base URL of the Gemini API (no version). Defaults to `https://generativelanguage.googleapis.com`. */
  baseURL?: string;
  /** API version path segment. Defaults to `v1beta` (function calling with JSON Schema needs it). */
  apiVersion?: string;
  /** Custom `fetch`, e.g. for a proxy or tests. Defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Per-request timeout in milliseconds. Unset: the server's own limit applies. */
  timeoutMs?: number;
}

/** Settings for one model. */
export interface GeminiModelSettings {
  /** `maxOutputTokens` to send when a call gives none. Unset: the model's default. */
  defaultMaxOutputTokens?: number;
}

export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';
export const GEMINI_DEFAULT_API_VERSION = 'v1beta';
