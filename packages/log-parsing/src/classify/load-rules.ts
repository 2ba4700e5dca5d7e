import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Rule } from './rule';
import { validateRules } from './rule-schema';
import { RulesError } from './rules-error';

const TOP_LEVEL_KEYS = new Set(['version', 'description', 'rules']);

/**
 * Parses and validates a rule set from YAML or JSON text: either a list of rules or
 * `{ version?: 1, description?, rules: [...] }`. Throws a `RulesError` naming `origin` and every
 * bad rule (index and id) with what is wrong.
 */
export function loadRules(source: string, origin: string): Rule[] {
  return rulesFromDocument(parseRulesText(source, origin), origin);
}

/** The YAML (or JSON) document of a rules file, before any check; throws a `RulesError`. */
export function parseRulesText(source: string, origin: string): unknown {
  try {
    return parse(source, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new RulesError(origin, [`not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`]);
  }
}

/**
 * `loadRules` after the parse: checks a parsed rules document (a list of rules, or
 * `{ version?, description?, rules }`) and validates every rule. For callers that hold the
 * document already (the CLI bundle keeps the profile's, parsed when it was built).
 */
export function rulesFromDocument(doc: unknown, origin: string): Rule[] {
  let raw: unknown;
  if (Array.isArray(doc)) raw = doc;
  else if (typeof doc === 'object' && doc !== null) {
    const unknown = Object.keys(doc).filter((k) => !TOP_LEVEL_KEYS.has(k));
    if (unknown.length > 0) {
      throw new RulesError(origin, [
        `unknown top-level key${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (expected version, description, rules)`,
      ]);
    }
    const { version, rules } = doc as { version?: unknown; rules?: unknown };
    if (version !== undefined && version !== 1)
      throw new RulesError(origin, [`unsupported version ${JSON.stringify(version)} (expected 1)`]);
    raw = rules;
  }
  if (!Array.isArray(raw)) {
    throw new RulesError(origin, ['expected a list of rules, or an object with a "rules" list']);
  }
  const { rules, problems } = validateRules(raw);
  if (problems.length > 0) throw new RulesError(origin, problems);
  return rules;
}

/** Reads a rule file (YAML or JSON) and validates it; errors name the file. */
export async function loadRulesFile(path: string): Promise<Rule[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RulesError(path, [`cannot read the rules file${code ? ` (${code})` : ''}`]);
  }
  return loadRules(text, path);
}
