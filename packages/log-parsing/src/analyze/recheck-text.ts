import { redactShown } from '../redact/index';
import type { RedactionResult } from '../redact/redaction-types';

/**
 * The last check of text before it leaves analyze: sanitised (escapes, controls, invisible
 * characters out), then redacted; and each line that holds an escape is also read decoded, shown
 * decoded and redacted when that reveals a secret. Lines were redacted as they were read, but the
 * excerpt quotes them raw and a console log's failure message is its raw lines, so a secret that
 * a report or a program spells in escapes is still readable there: `ghp_&#97;…` or a token split
 * across CDATA sections or around a comment in JUnit XML, `\u0067hp_…` or `pass\u200bword=` in
 * go test -json, `password&#61;…` printed by a test. Sanitising also joins a secret that invisible
 * characters split.
 */
export function recheckText(text: string): RedactionResult {
  const checked = redactShown(text);
  if (!ESCAPED.test(checked.text)) return checked;
  const findings = new Map(checked.findings.map((f) => [f.kind, f.count]));
  const lines = checked.text.split('\n').map((line) => {
    if (!ESCAPED.test(line)) return line;
    const decoded = redactShown(decodeEscapes(line));
    if (decoded.findings.length === 0) return line;
    for (const f of decoded.findings) findings.set(f.kind, (findings.get(f.kind) ?? 0) + f.count);
    return decoded.text;
  });
  return { text: lines.join('\n'), findings: [...findings].map(([kind, count]) => ({ kind, count })) };
}

/** A character reference, a named XML entity, CDATA or comment markup, or a JSON \u escape. */
const ESCAPED = /&(?:#[0-9]+|#x[0-9a-f]+|quot|apos|amp|lt|gt);|<!\[CDATA\[|\]\]>|<!--|\\u[0-9a-f]{4}/i;

const NAMED: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' };

function decodeEscapes(line: string): string {
  return line
    .replace(/<!--.*?(?:-->|$)|<!\[CDATA\[|\]\]>/g, '')
    .replace(/&(#[0-9]+|#x[0-9a-f]+|quot|apos|amp|lt|gt);/gi, (whole, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
