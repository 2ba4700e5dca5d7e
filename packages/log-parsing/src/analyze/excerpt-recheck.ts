import { redactSecrets, sanitizeText } from '../redact/index';
import type { RedactionResult } from '../redact/redaction-types';

/**
 * The excerpt's last check before it leaves analyze. The lines were redacted as they were read,
 * but an excerpt quotes them raw, so a secret that a report spells in escapes is still readable
 * there: `ghp_&#97;B3d…` or a token split across two CDATA sections in JUnit XML,
 * `\u0067hp_…` in go test -json. Sanitising can also join a secret that invisible characters split.
 * So the excerpt is sanitised and redacted once more, and each line that holds such an escape is
 * also read decoded: when that shows a secret, the line is shown decoded and redacted instead.
 */
export function recheckExcerpt(text: string): RedactionResult {
  const checked = redactSecrets(sanitizeText(text));
  if (!ESCAPED.test(checked.text)) return checked;
  const findings = new Map(checked.findings.map((f) => [f.kind, f.count]));
  const lines = checked.text.split('\n').map((line) => {
    if (!ESCAPED.test(line)) return line;
    const decoded = redactSecrets(decodeEscapes(line));
    if (decoded.findings.length === 0) return line;
    for (const f of decoded.findings) findings.set(f.kind, (findings.get(f.kind) ?? 0) + f.count);
    return decoded.text;
  });
  return { text: lines.join('\n'), findings: [...findings].map(([kind, count]) => ({ kind, count })) };
}

/** A character reference, a named XML entity, a CDATA boundary, or a JSON \u escape. */
const ESCAPED = /&(?:#[0-9]+|#x[0-9a-f]+|quot|apos|amp|lt|gt);|\]\]><!\[CDATA\[|\\u[0-9a-f]{4}/i;

const NAMED: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' };

function decodeEscapes(line: string): string {
  return line
    .replace(/\]\]><!\[CDATA\[/g, '')
    .replace(/&(#[0-9]+|#x[0-9a-f]+|quot|apos|amp|lt|gt);/gi, (whole, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
