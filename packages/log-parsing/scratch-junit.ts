import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JUnitXmlParser } from './src/formats/junit-xml';
import { parseText } from './src/formats/test-lines';
const root = '/work/shared/data/ptp-nightly/prow';
for (const job of readdirSync(root)) for (const build of readdirSync(join(root, job))) {
  const dir = join(root, job, build);
  const rec = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8'));
  const recNames = new Set((rec.junit_failures ?? []).map((f: any) => f.name));
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]);
  for (const f of walk(dir).filter((p) => p.endsWith('.xml'))) {
    const r = parseText(new JUnitXmlParser({ path: f }), readFileSync(f, 'utf8'));
    const failed = r.tests.filter((t) => t.state === 'failed');
    const notInRec = failed.filter((t) => !recNames.has(t.name));
    if (failed.length || !r.partial || r.errors.length !== 1) console.log(f.slice(root.length + 1), 'tests', r.tests.length, 'failed', failed.length, 'notInRecord', notInRec.length, 'partial', r.partial, r.errors.map((e) => `${e.line}: ${e.message.slice(-80)}`));
  }
}
