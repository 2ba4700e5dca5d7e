import { readFileSync } from 'node:fs';
import { ptpClassifier } from '../bench/grouping';
import { groupRecord } from '../src/group/index';
const c = ptpClassifier();
const rows = readFileSync('/work/shared/data/ptp-nightly/failures.jsonl','utf8').split('\n').filter(Boolean).map((l)=>JSON.parse(l)).filter((r)=>r.day>'2026-07-14');
const m = new Map<string, {n:number, rule:string|null, mode:string|null, tests:Set<string>, first:string}>();
for (const r of rows) { const k = groupRecord(r, c); const cl = c.classifyText(r.message ?? ''); const e = m.get(k.signature) ?? {n:0, rule: cl.rule, mode: cl.mode, tests: new Set(), first: (r.message??'').slice(0,100).replace(/\n/g,' | ')}; e.n++; e.tests.add(r.test); m.set(k.signature, e); }
for (const [s, e] of [...m].sort((a,b)=>b[1].n-a[1].n)) console.log(e.n, e.tests.size, e.rule, '|', e.mode, '|', e.first);
