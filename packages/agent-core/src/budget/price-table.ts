/**
 * Model prices in US dollars per million tokens, as data. Callers override or extend it
 * (`runAgent({ priceTable: { ...DEFAULT_PRICE_TABLE, 'my-model': {...} } })`), which is also the
 * way to price local models (Ollama, vLLM) at zero.
 *
 * Standard (non-batch) short-context rates from the providers' pricing pages, checked 2026-11.
 * Long-context surcharges (Gemini > 200k, GPT > 270k, Haiku 5.5 > 100k) are not modelled: the
 * cost is an estimate at the base tier. Cache writes (Anthropic 1.25x) are not reported by the
 * model interface and are priced as plain input.
 */
export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
  /** Price of input tokens served from the prompt cache; defaults to `inputPerMTok`. */
  cachedInputPerMTok?: number;
  /** Context window in tokens, used to decide when to compact. */
  contextWindow?: number;
}

export type PriceTable = Readonly<Record<string, ModelPrice>>;

const K200 = 200_000;
const M1 = 1_000_000;
const G1 = 1_048_576;

export const DEFAULT_PRICE_TABLE: PriceTable = {
  // Anthropic — platform.claude.com/docs/en/about-claude/pricing
  'claude-opus-5-5': { inputPerMTok: 4, outputPerMTok: 20, cachedInputPerMTok: 0.2, contextWindow: M1 },
  'claude-opus-5': { inputPerMTok: 5, outputPerMTok: 25, cachedInputPerMTok: 0.5, contextWindow: M1 },
  'claude-opus-4-8': { inputPerMTok: 5, outputPerMTok: 25, cachedInputPerMTok: 0.5, contextWindow: K200 },
  'claude-opus-4-7': { inputPerMTok: 5, outputPerMTok: 25, cachedInputPerMTok: 0.5, contextWindow: K200 },
  'claude-opus-4-6': { inputPerMTok: 5, outputPerMTok: 25, cachedInputPerMTok: 0.5, contextWindow: K200 },
  'claude-opus-4-5': { inputPerMTok: 5, outputPerMTok: 25, cachedInputPerMTok: 0.5, contextWindow: K200 },
  'claude-opus-4-1': { inputPerMTok: 15, outputPerMTok: 75, cachedInputPerMTok: 1.5, contextWindow: K200 },
  'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75, cachedInputPerMTok: 1.5, contextWindow: K200 },
  'claude-sonnet-5-5': { inputPerMTok: 2, outputPerMTok: 10, cachedInputPerMTok: 0.1, contextWindow: M1 },
  'claude-sonnet-5': { inputPerMTok: 2, outputPerMTok: 10, cachedInputPerMTok: 0.2, contextWindow: M1 },
  'claude-sonnet-4-6': { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, contextWindow: K200 },
  'claude-sonnet-4-5': { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, contextWindow: K200 },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, contextWindow: K200 },
  'claude-haiku-5-5': { inputPerMTok: 0.1, outputPerMTok: 0.5, cachedInputPerMTok: 0.01, contextWindow: M1 },
  'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5, cachedInputPerMTok: 0.1, contextWindow: K200 },
  'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4, cachedInputPerMTok: 0.08, contextWindow: K200 },

  // Google Gemini API — ai.google.dev/gemini-api/docs/pricing (<= 200k-token prompts)
  'gemini-3.5-flash': { inputPerMTok: 1.5, outputPerMTok: 9, cachedInputPerMTok: 0.15, contextWindow: G1 },
  'gemini-3.1-pro': { inputPerMTok: 2, outputPerMTok: 12, cachedInputPerMTok: 0.2, contextWindow: G1 },
  'gemini-3.1-flash-lite': {
    inputPerMTok: 0.25,
    outputPerMTok: 1.5,
    cachedInputPerMTok: 0.025,
    contextWindow: G1,
  },
  'gemini-3-pro': { inputPerMTok: 2, outputPerMTok: 12, cachedInputPerMTok: 0.2, contextWindow: G1 },
  'gemini-3-flash': { inputPerMTok: 0.5, outputPerMTok: 3, cachedInputPerMTok: 0.05, contextWindow: G1 },
  'gemini-2.5-pro': { inputPerMTok: 1.25, outputPerMTok: 10, cachedInputPerMTok: 0.125, contextWindow: G1 },
  'gemini-2.5-flash': { inputPerMTok: 0.3, outputPerMTok: 2.5, cachedInputPerMTok: 0.03, contextWindow: G1 },
  'gemini-2.5-flash-lite': {
    inputPerMTok: 0.1,
    outputPerMTok: 0.4,
    cachedInputPerMTok: 0.01,
    contextWindow: G1,
  },

  // OpenAI — developers.openai.com/api/docs/pricing (standard tier)
  'gpt-5.5': { inputPerMTok: 5, outputPerMTok: 30, cachedInputPerMTok: 0.5, contextWindow: M1 },
  'gpt-5.4': { inputPerMTok: 2.5, outputPerMTok: 15, cachedInputPerMTok: 0.25, contextWindow: M1 },
  'gpt-5.4-mini': { inputPerMTok: 0.75, outputPerMTok: 4.5, cachedInputPerMTok: 0.075, contextWindow: M1 },
  'gpt-5.4-nano': { inputPerMTok: 0.2, outputPerMTok: 1.25, cachedInputPerMTok: 0.02, contextWindow: M1 },
  'gpt-5': { inputPerMTok: 1.25, outputPerMTok: 10, cachedInputPerMTok: 0.125, contextWindow: 400_000 },
  'gpt-5-mini': { inputPerMTok: 0.25, outputPerMTok: 2, cachedInputPerMTok: 0.025, contextWindow: 400_000 },
  'gpt-5-nano': { inputPerMTok: 0.05, outputPerMTok: 0.4, cachedInputPerMTok: 0.005, contextWindow: 400_000 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8, cachedInputPerMTok: 0.5, contextWindow: 1_047_576 },
  'gpt-4.1-mini': {
    inputPerMTok: 0.4,
    outputPerMTok: 1.6,
    cachedInputPerMTok: 0.1,
    contextWindow: 1_047_576,
  },
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 1.25, contextWindow: 128_000 },
  'gpt-4o-mini': {
    inputPerMTok: 0.15,
    outputPerMTok: 0.6,
    cachedInputPerMTok: 0.075,
    contextWindow: 128_000,
  },
  o3: { inputPerMTok: 2, outputPerMTok: 8, cachedInputPerMTok: 0.5, contextWindow: K200 },
  'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4, cachedInputPerMTok: 0.275, contextWindow: K200 },
};

/**
 * Finds a model's price: the exact id first, then the id with a provider prefix and version
 * suffixes stripped (`claude-sonnet-4-5-20250929`, `models/gemini-2.5-pro`,
 * `gpt-4.1-2025-04-14`, `claude-opus-4-1@20250805`, `gemini-3-pro-preview`). Deliberately no
 * loose prefix matching: `gpt-5-pro` must not be priced as `gpt-5`.
 */
export function findModelPrice(table: PriceTable, modelId: string): ModelPrice | undefined {
  if (Object.hasOwn(table, modelId)) return table[modelId];
  const normalised = normaliseModelId(modelId);
  return Object.hasOwn(table, normalised) ? table[normalised] : undefined;
}

const PREFIXES = [/^models\//, /^[a-z0-9-]+\//, /^(?:[a-z]{2,4}\.)?anthropic\./];
const SUFFIXES = [
  /[-@]\d{8}$/, // -20250929, @20250805
  /-\d{4}-\d{2}-\d{2}$/, // -2025-04-14
  /-v\d+(?::\d+)?$/, // Bedrock -v1:0
  /-latest$/,
  /-preview(?:-\d{2}-\d{2,4})?$/, // -preview, -preview-05-20
  /-exp(?:-\d{2,4})*$/,
  /-\d{3}$/, // Gemini -001
];

export function normaliseModelId(modelId: string): string {
  let id = modelId.trim().toLowerCase();
  for (const prefix of PREFIXES) id = id.replace(prefix, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SUFFIXES) {
      const next = id.replace(suffix, '');
      if (next !== id) {
        id = next;
        changed = true;
      }
    }
  }
  return id;
}

/** Dollar cost of one usage record. `inputTokens` includes cached tokens (AI SDK convention). */
export function costOf(
  price: ModelPrice,
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number },
): number {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const fresh = usage.inputTokens - cached;
  const cachedRate = price.cachedInputPerMTok ?? price.inputPerMTok;
  return (
    (fresh * price.inputPerMTok + cached * cachedRate + usage.outputTokens * price.outputPerMTok) / 1_000_000
  );
}
