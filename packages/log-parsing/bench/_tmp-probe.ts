import { readFileSync } from 'node:fs';
import { buildPrefilter } from '../src/classify/prefilter';
import { builtinRules, createClassifier, loadRulesFile } from '../src/index';

const rules = [...(await loadRulesFile('prompts/ptp/rules.yaml')), ...builtinRules];
const c = createClassifier(rules);
console.log('unfiltered', c.unfilteredRules);
const text = readFileSync('/tmp/perf/20mb.log', 'utf8');
const lines = text.split('\n');
let hits = 0,
  matches = 0;
const ex = new Map<string, number>();
const t0 = performance.now();
for (const l of lines) {
  const m = c.matchLine(l);
  if (m) {
    matches++;
    ex.set(m.rule, (ex.get(m.rule) ?? 0) + 1);
  }
}
console.log('matchLine ms', performance.now() - t0, 'lines', lines.length, 'matches', matches, ex);

import { requiredLiterals } from '../src/classify/required-literals';

const compiled = c.rules.map((r, priority) => ({
  rule: r,
  priority,
  regex: new RegExp(r.pattern, r.flags ?? ''),
  literals: r.keywords ? [...r.keywords] : requiredLiterals(r.pattern, r.flags ?? ''),
  literalsIgnoreCase: r.keywords !== undefined || (r.flags ?? '').includes('i'),
}));
const pf = buildPrefilter(compiled);
let pass = 0;
const samples: string[] = [];
const t1 = performance.now();
for (const l of lines)
  if (pf.mayMatch(l)) {
    pass++;
    if (samples.length < 5) samples.push(l);
  }
console.log('prefilter ms', performance.now() - t1, 'pass', pass, samples);
const lits = new Map<string, number>();
for (const r of compiled) for (const l of r.literals ?? []) lits.set(l, lits.get(l) ?? 0);
const sample = lines.slice(0, 20000);
for (const lit of lits.keys()) {
  const low = lit.toLowerCase();
  let n = 0;
  for (const l of sample) if (l.toLowerCase().includes(low)) n++;
  lits.set(lit, n);
}
console.log([...lits].filter(([, n]) => n > 0));
console.log(
  'nlits',
  lits.size,
  [...lits.keys()].map((k) => k.length).reduce((a, b) => a + b, 0),
);
console.log(
  compiled
    .map((r) => `${r.rule.id} ${r.literalsIgnoreCase ? 'i' : 'x'} ${JSON.stringify(r.literals)}`)
    .join('\n'),
);
