import { readFileSync } from 'node:fs';
import { builtinRules, createClassifier, loadRules } from '../src/classify/index';
const ptp = loadRules(readFileSync('prompts/ptp/rules.yaml','utf8'), 'ptp');
const c = createClassifier([...ptp, ...builtinRules]);
console.log('unfiltered', c.unfilteredRules);
const F = new Map<number, any>();
for (const l of readFileSync('/work/shared/data/ptp-nightly/failures.jsonl','utf8').split('\n')) if (l) { const r = JSON.parse(l); F.set(r.idx, r); }
const L = readFileSync('/work/shared/data/ptp-nightly/labels.dev.jsonl','utf8').split('\n').filter(Boolean).map((l)=>JSON.parse(l));
const byMode = new Map<string, Map<string, number>>();
for (const l of L) { const r = F.get(l.idx); const cl = c.classifyText(r.message ?? ''); const k = `${cl.rule} | ${cl.mode} | ${cl.category}`; const m = byMode.get(l.mode) ?? new Map(); m.set(k, (m.get(k) ?? 0)+1); byMode.set(l.mode, m); }
for (const [mode, m] of byMode) console.log(mode, Object.fromEntries(m));
