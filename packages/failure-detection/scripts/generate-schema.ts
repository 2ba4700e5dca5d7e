// Writes schema/nightshift.schema.json from the zod schema (run: pnpm --filter @nightshift/failure-detection schema).
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../src/config/config-json-schema';

const target = new URL('../schema/nightshift.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
