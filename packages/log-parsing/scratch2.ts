import { readFileSync } from 'node:fs';
import { JUnitXmlParser } from './src/formats/junit-xml';
import { parseText } from './src/formats/test-lines';
for (const f of process.argv.slice(2)) {
const r = parseText(new JUnitXmlParser({ path: f }), readFileSync(f, 'utf8'));
for (const t of r.tests.filter((t) => t.state === 'failed')) console.log(JSON.stringify({ ...t, output: t.output?.slice(-300) }, null, 1));
console.log(r.summary, r.errors);
}
