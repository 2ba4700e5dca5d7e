import { readFileSync } from 'node:fs';
import { builtinRules, loadRulesFile } from '../src/index';
import { requiredLiterals } from '../src/classify/required-literals';
const rules = [...(await loadRulesFile('prompts/ptp/rules.yaml')), ...builtinRules];
const lits = rules.flatMap(r => { const ic = r.keywords !== undefined || (r.flags ?? '').includes('i'); return (r.keywords ?? requiredLiterals(r.pattern, r.flags ?? '') ?? []).map(t => ({ t, ic })); });
for (const f of process.argv.slice(2)) {
  const t = readFileSync(f, 'latin1'); const c = new Float64Array(128);
  for (let i = 0; i < t.length; i++) { const k = t.charCodeAt(i); if (k < 128) c[k]++; }
  const freq = (k: number) => c[k]! / t.length;
  const cost = (ch: string, ic: boolean) => { const k = ch.charCodeAt(0); const lo = ch.toLowerCase().charCodeAt(0), up = ch.toUpperCase().charCodeAt(0); const fr = ic && lo !== up ? freq(lo) + freq(up) : freq(k); return { scans: ic && lo !== up ? 2 : 1, fr }; };
  // candidate anchors: key = char or char/i
  let uncovered = lits.slice(); const chosen: string[] = []; let total = 0;
  while (uncovered.length) {
    let best: any = null;
    const cands = new Map<string, number>();
    for (const l of uncovered) for (const ch of new Set(l.t)) { const lo = ch.toLowerCase(), up = ch.toUpperCase(); const key = l.ic && lo !== up ? `i${lo}` : `x${ch}`; cands.set(key, 0); }
    for (const key of cands.keys()) {
      const ch = key.slice(1); const ic = key[0] === 'i';
      const covers = uncovered.filter(l => ic ? l.t.toLowerCase().includes(ch) : l.t.includes(ch)).length;
      const { scans, fr } = cost(ch, ic); const cst = 0.1 * scans + 50 * fr;
      if (!best || covers / cst > best.r) best = { key, r: covers / cst, cst, covers, fr };
    }
    chosen.push(`${best.key}(${(best.fr*100).toFixed(3)}%,${best.covers})`); total += best.cst;
    const ch = best.key.slice(1); const ic = best.key[0] === 'i';
    uncovered = uncovered.filter(l => !(ic ? l.t.toLowerCase().includes(ch) : l.t.includes(ch)));
  }
  console.log(f, 'cost ns/char', total.toFixed(2), chosen.join(' '));
}
