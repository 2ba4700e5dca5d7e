import { readFileSync, readdirSync } from 'node:fs';
import { ptpClassifier } from '../bench/grouping';
const c = ptpClassifier();
const dir = '/work/shared/data/ptp-excerpts/';
for (const f of readdirSync(dir).sort()) {
  const text = readFileSync(dir + f, 'utf8').split('\n').slice(2).join('\n');
  const cl = c.classifyText(text);
  console.log(f.padEnd(80), cl.rule, '|', cl.category, '|', cl.mode, '|', cl.evidence.at(-1)?.text.slice(0, 80));
}
