/**
 * GitHub search syntax, the part Nightshift uses: free words, "quoted phrases", `key:value`
 * qualifiers (values may be quoted), and `-key:value` negations.
 */
export interface SearchQuery {
  terms: string[];
  qualifiers: Array<{ key: string; value: string; negated: boolean }>;
}

export function parseSearchQuery(q: string): SearchQuery {
  const terms: string[] = [];
  const qualifiers: SearchQuery['qualifiers'] = [];
  const token = /(-?)([a-z_]+):(?:"([^"]*)"|(\S+))|"([^"]*)"|(\S+)/gi;
  for (const match of q.matchAll(token)) {
    const [, negation, key, quotedValue, value, phrase, word] = match;
    if (key !== undefined) {
      qualifiers.push({
        key: key.toLowerCase(),
        value: quotedValue ?? value ?? '',
        negated: negation === '-',
      });
    } else {
      const term = phrase ?? word ?? '';
      if (term !== '' && term.toUpperCase() !== 'AND') terms.push(term);
    }
  }
  return { terms, qualifiers };
}

export function qualifierValues(query: SearchQuery, key: string, negated = false): string[] {
  return query.qualifiers.filter((q) => q.key === key && q.negated === negated).map((q) => q.value);
}

/** Case-insensitive containment of every term: GitHub requires all words to match. */
export function containsAll(text: string, terms: readonly string[]): boolean {
  const haystack = text.toLowerCase();
  return terms.every((term) => haystack.includes(term.toLowerCase()));
}
