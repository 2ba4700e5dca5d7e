import { redactSecrets } from './redact-secrets';
import type { RedactionResult } from './redaction-types';
import { type SanitizeTextOptions, sanitizeText } from './sanitize-text';

/**
 * Text about to be shown (a terminal line, a report field), in the one safe order: sanitised
 * (escape sequences, control and invisible characters out), then redacted. The other order is a
 * leak: a zero-width space or a soft hyphen inside `password=…` or a token hides it from the
 * rules, and stripping it afterwards prints the secret whole.
 */
export function redactShown(text: string, options?: SanitizeTextOptions): RedactionResult {
  return redactSecrets(sanitizeText(text, options));
}
