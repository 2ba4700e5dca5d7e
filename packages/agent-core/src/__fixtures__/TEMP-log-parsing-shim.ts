// TEMPORARY: stand-in until @nightshift/log-parsing exports these. Delete when it does.
export function redactSecrets(text: string): { text: string; findings: { kind: string; count: number }[] } {
  const findings: { kind: string; count: number }[] = [];
  const out = text.replace(/gh[pousr]_[A-Za-z0-9]{36}/g, () => {
    findings.push({ kind: 'github-token', count: 1 });
    return '[REDACTED:github-token]';
  });
  return { text: out, findings };
}
export function sanitizeText(text: string): string {
  return text
    .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
    .replace(/\p{Cf}/gu, '');
}
export function sanitizeUntrusted(text: string, options: { maxChars: number }): string {
  return redactSecrets(sanitizeText(text).replace(/<!--[\s\S]*?-->/g, '')).text.slice(0, options.maxChars);
}
