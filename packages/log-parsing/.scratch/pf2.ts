import { ptpLogLines, prng } from '../bench/generate-ptp-log';
import { ptpClassifier } from '../bench/grouping';
import { buildPrefilter } from '../src/classify/prefilter';
import { requiredLiterals } from '../src/classify/required-literals';
import { stripAnsi } from '../src/classify/ansi';
const c = ptpClassifier();
const compiled = c.rules.map((rule, priority) => ({ rule, priority, regex: new RegExp(rule.pattern, rule.flags ?? ''), literals: rule.keywords ?? requiredLiterals(rule.pattern, rule.flags ?? ''), literalsIgnoreCase: !!rule.keywords || (rule.flags ?? '').includes('i') }));
const pf = buildPrefilter(compiled);
const lines: string[] = []; let bytes = 0; const g = ptpLogLines(prng(7));
while (bytes < 32*1048576) { const l = Buffer.from(g.next().value as string).toString(); lines.push(l); bytes += l.length+1; }
const mb = bytes/1048576;
function bench(name: string, f: (s: string)=>unknown) { let best=0; let n=0; for (let r=0;r<3;r++){ const t=process.cpuUsage(); n=0; for (const l of lines) if (f(l)) n++; const u=process.cpuUsage(t); best=Math.max(best, mb/((u.user+u.system)/1e6)); } console.log(name.padEnd(20), best.toFixed(1), 'MB/s', n); }
bench('stripAnsi', (l)=> stripAnsi(l) !== l);
bench('prefilter', (l)=> pf.mayMatch(l));
bench('matchLine', (l)=> c.matchLine(l));
const hits = new Map<string, number>();
for (const l of lines) if (pf.mayMatch(l)) { for (const r of compiled) for (const lit of r.literals ?? []) if (l.toLowerCase().includes(lit.toLowerCase())) hits.set(lit, (hits.get(lit) ?? 0) + 1); }
console.log([...hits].sort((a,b)=>b[1]-a[1]).slice(0,10));
