import { redactSecrets, sanitizeText } from '@nightshift/log-parsing';
import { ModelError } from '../model/index';
import { safeSlice } from '../tool/tool-result-cap';

/** A short, redacted description of what ended a run, safe to post or store. */
export function describeError(error: unknown): { message: string; statusCode?: number; provider?: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const { text } = redactSecrets(sanitizeText(raw));
  const message = text.length > 4000 ? `${safeSlice(text, 0, 4000)}…` : text;
  if (!ModelError.isInstance(error)) return { message };
  return {
    message,
    provider: error.provider,
    ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
  };
}
