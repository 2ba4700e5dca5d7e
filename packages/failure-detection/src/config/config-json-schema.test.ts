import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from './config-json-schema';

const committed = new URL('../../schema/nightshift.schema.json', import.meta.url);

describe('the committed JSON Schema', () => {
  it('matches the zod schema (regenerate with `pnpm --filter @nightshift/failure-detection schema`)', () => {
    const generated = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    expect(readFileSync(committed, 'utf8')).toBe(generated);
  });

  it('describes the sources and the defaults editors should offer', () => {
    const schema = configJsonSchema() as {
      properties: Record<string, { default?: unknown }>;
      required: string[];
    };
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'sources']));
    expect(schema.properties.lookback?.default).toBe('2d');
  });
});
