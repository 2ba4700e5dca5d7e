/**
 * Judging a captured value: is it a real-looking secret, or a placeholder, a variable reference,
 * something already masked, or ordinary prose? Only used by the keyword-based rules
 * (`password=…`, `token: …`, `Authorization: …`), where the key alone is not proof.
 */

const PLACEHOLDER_WORDS = new Set([
  'true',
  'false',
  'null',
  'nil',
  'none',
  'undefined',
  'empty',
  'redacted',
  'hidden',
  'masked',
  'secret',
  'password',
  'token',
  'changeme',
  'required',
  'optional',
  'string',
]);

/**
 * Already masked (`***` is GitHub's mask, `[REDACTED…` ours), a variable or template reference
 * (`$X`, `${{ secrets.X }}`, `%s`, `{{ .X }}`, `<token>`), a well-known non-value, or one
 * character repeated (`xxxxxxxx`).
 */
export function isPlaceholderValue(value: string): boolean {
  if (value.length === 0) return true;
  const first = value[0]!;
  if (first === '$' || first === '%' || first === '{' || first === '<' || first === '[') return true;
  if (value.includes('***') || value.startsWith('REDACTED') || value.includes('[REDACTED')) return true;
  if (PLACEHOLDER_WORDS.has(value.toLowerCase())) return true;
  if (/^(.)\1*$/.test(value)) return true;
  return false;
}

/**
 * For keys that also occur in prose and config (`token`, `secret`, `auth`): the value must look
 * machine-made — at least 8 characters mixing letters and digits, or 16+ mixing upper and lower
 * case. `token: expired`, `secret: ptp-tls`, hex-free words stay untouched.
 */
export function looksLikeGeneratedSecret(value: string): boolean {
  if (value.length < 8 || isPlaceholderValue(value)) return false;
  const hasDigit = /\d/.test(value);
  const hasLetter = /[A-Za-z]/.test(value);
  if (hasDigit && hasLetter) return true;
  return value.length >= 16 && /[a-z]/.test(value) && /[A-Z]/.test(value);
}

/**
 * For keys that are unambiguous (`password`, `api_key`, `client_secret`): any non-placeholder
 * value, except that after `key: ` (colon and a space, the shape of prose and log messages such
 * as `invalid password: authentication failed`) a plain alphabetic word is left alone.
 */
export function looksLikeAssignedSecret(value: string, proseLike: boolean): boolean {
  if (isPlaceholderValue(value)) return false;
  if (proseLike && /^[A-Za-z]+$/.test(value)) return false;
  return true;
}
