/**
 * `strict`: the server is OpenAI itself; protocol deviations (no usage, tool-call arguments that are
 * not JSON, missing tool-call ids) are errors. `compatible`: a server that speaks Chat Completions
 * (Ollama, vLLM, llama.cpp server); deviations are tolerated and reported as warnings.
 */
export type OpenAICompatibility = 'strict' | 'compatible';

/** Settings shared by every model a provider instance creates. */
export interface OpenAIProviderSettings {
  /** API key. Optional: local servers often need none, and then no Authorization header is sent. */
  apiKey?: string;
  /** Base URL including `/v1`. Defaults to `https://api.openai.com/v1`; e.g. `http://localhost:11434/v1`. */
  baseURL?: string;
  /** Custom `fetch`, e.g. for a proxy or tests. Defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Per-request timeout in milliseconds. Defaults to 10 minutes. */
  timeoutMs?: number;
  /** Defaults to `strict`. */
  compatibility?: OpenAICompatibility;
  /** Provider name reported on models and errors, e.g. `ollama`. Defaults to `openai`. */
  name?: string;
}

/** Settings for one model. */
export interface OpenAIModelSettings {
  /** Output token limit to send when a call gives none. Unset: the server's default. */
  defaultMaxOutputTokens?: number;
}

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const OPENAI_DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
