import { z } from 'zod';
import { configSchema } from './config-schema';

/**
 * The JSON Schema of `.github/nightshift.yml` for editors (the input side: defaults are optional).
 * Committed as `schema/nightshift.schema.json`; a test fails when it is out of date.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Nightshift configuration (.github/nightshift.yml)',
  };
}
