import { randomBytes } from 'node:crypto';
import { sanitizeUntrusted } from '@nightshift/log-parsing';

export interface DataBlockOptions {
  /** What the block holds, e.g. `issue-body`; shown to the model. */
  label: string;
  /** Per-run random delimiter suffix (see `createNonce`). */
  nonce: string;
  /** Cap on the content after sanitizing. Default 50,000 characters. */
  maxChars?: number;
}

/** The XML-ish tag name for a run's data blocks, e.g. `untrusted-data-9f2c41d0a7b3`. */
export function dataTag(nonce: string): string {
  return `untrusted-data-${nonce}`;
}

/** 12 hex characters from the OS CSPRNG: unguessable, so injected text cannot close the block. */
export function createNonce(): string {
  return randomBytes(6).toString('hex');
}

/**
 * Wraps untrusted text (issue bodies, comments, logs, code) in a delimited block the system
 * prompt tells the model to treat as data, never as instructions. The content is sanitized
 * (invisible/bidi/escape characters, HTML comments, size cap), redacted, and any lookalike of
 * the block tags inside it is escaped, so `</untrusted-data…>` in an issue cannot end the block
 * early (security.md, test A3).
 */
export function dataBlock(content: string, options: DataBlockOptions): string {
  if (!/^[a-z0-9]{8,64}$/.test(options.nonce)) {
    throw new RangeError('dataBlock: nonce must be 8-64 lowercase letters or digits.');
  }
  if (!/^[a-z0-9][a-z0-9_.-]{0,63}$/i.test(options.label)) {
    throw new RangeError(`dataBlock: label ${JSON.stringify(options.label)} must be a short identifier.`);
  }
  // Escapes, invisible characters, HTML comments, workflow commands and secrets go; then the cap.
  const text = sanitizeUntrusted(content, { maxChars: options.maxChars ?? 50_000 });
  const escaped = text.replace(/<(\/?)(untrusted-data)/gi, '&lt;$1$2');
  const tag = dataTag(options.nonce);
  return `<${tag} label="${options.label}">\n${escaped}\n</${tag}>`;
}
