import { redactSecrets } from '@nightshift/log-parsing';

/** `redactSecrets`, with the findings (per kind, with counts) summed to one number. */
export function redact(text: string): { text: string; redactions: number } {
  const { text: out, findings } = redactSecrets(text);
  return { text: out, redactions: findings.reduce((n, f) => n + f.count, 0) };
}
