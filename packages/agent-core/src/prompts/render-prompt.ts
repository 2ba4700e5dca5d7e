import { sanitizeText } from '@nightshift/log-parsing';
import { AgentError } from '../agent-error';
import { createNonce, dataBlock, dataTag } from './data-block';

export interface PromptTemplate {
  name: string;
  system: string;
  user: string;
}

export interface RenderInput {
  /** Trusted values (config, repo names) for `{{name}}`. */
  vars?: Record<string, string | number>;
  /** Untrusted text for `{{data:name}}`, wrapped in a data block. */
  data?: Record<string, string>;
  /** Per-run delimiter; default a fresh random nonce. */
  nonce?: string;
  /** Cap per data block. Default 50,000 characters. */
  maxDataChars?: number;
}

export interface RenderedPrompt {
  system: string;
  user: string;
  nonce: string;
}

const PLACEHOLDER = /\{\{\s*(data:)?([a-zA-Z0-9_]+)\s*\}\}/g;

/**
 * Fills a template. `{{name}}` takes a trusted var, `{{data:name}}` an untrusted data block and
 * `{{data_tag}}` the run's block tag (so the system prompt can name it). Substitution is one
 * pass over the template, so placeholders inside values are never expanded. Missing and unused
 * values are errors: a silently empty section would make the model guess.
 */
export function renderPrompt(template: PromptTemplate, input: RenderInput = {}): RenderedPrompt {
  const nonce = input.nonce ?? createNonce();
  const vars = input.vars ?? {};
  const data = input.data ?? {};
  const used = new Set<string>();
  const fill = (text: string, part: string) =>
    text.replace(PLACEHOLDER, (_m, isData: string | undefined, key: string) => {
      if (!isData && key === 'data_tag') return dataTag(nonce);
      const source = isData ? data : vars;
      if (!Object.hasOwn(source, key)) {
        throw new AgentError(`Prompt ${template.name}/${part}: no value for {{${isData ?? ''}${key}}}.`);
      }
      used.add(`${isData ?? ''}${key}`);
      const value = source[key];
      return isData
        ? dataBlock(String(value), { label: key, nonce, maxChars: input.maxDataChars ?? 50_000 })
        : sanitizeText(String(value));
    });
  const rendered = { system: fill(template.system, 'system'), user: fill(template.user, 'user'), nonce };
  const unused = [...Object.keys(vars), ...Object.keys(data).map((k) => `data:${k}`)].filter(
    (k) => !used.has(k),
  );
  if (unused.length > 0) {
    throw new AgentError(`Prompt ${template.name}: values not used by the template: ${unused.join(', ')}.`);
  }
  return rendered;
}
