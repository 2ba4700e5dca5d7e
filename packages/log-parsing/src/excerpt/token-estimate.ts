/**
 * Token estimate used for excerpt budgets: one token per four UTF-16 code units, rounded up.
 * Deliberately cheap and provider-neutral; real tokenizers give ~3–4.5 characters per token on
 * English and log text, so a 2,000-token excerpt stays within ~2,000–2,700 real tokens.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
