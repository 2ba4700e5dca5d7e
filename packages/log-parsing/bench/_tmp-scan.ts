import { readFileSync } from 'node:fs';
import { buildPrefilter } from '../src/classify/prefilter';
import { requiredLiterals } from '../src/classify/required-literals';
import { builtinRules, loadRulesFile } from '../src/index';

const rules = [...(await loadRulesFile('prompts/ptp/rules.yaml')), ...builtinRules];
const compiled = rules.map((r, priority) => ({
  rule: r,
  priority,
  regex: new RegExp(r.pattern, r.flags ?? ''),
  literals: r.keywords ? [...r.keywords] : requiredLiterals(r.pattern, r.flags ?? ''),
  literalsIgnoreCase: r.keywords !== undefined || (r.flags ?? '').includes('i'),
}));
const lits: string[] = [...new Set(compiled.flatMap((r) => (r.literals ?? []).map((l) => l.toLowerCase())))];
const text = Buffer.from(readFileSync(process.argv[2] ?? '/tmp/perf/20mb.log')).toString('utf8');
const lines = text.split('\n');
const MB = text.length / 1048576;
function time(name: string, fn: () => number) {
  let best = Infinity;
  let r = 0;
  for (let k = 0; k < 5; k++) {
    const s = process.cpuUsage();
    r = fn();
    const u = process.cpuUsage(s);
    best = Math.min(best, (u.user + u.system) / 1e6);
  }
  console.log(
    `${name.padEnd(30)} ${(MB / best).toFixed(0).padStart(6)} MB/s  ${((best * 1e9) / text.length).toFixed(2)} ns/char result=${r}`,
  );
}
const pf = buildPrefilter(compiled);
time('per-line AC mayMatch', () => {
  let n = 0;
  for (const l of lines) if (pf.mayMatch(l)) n++;
  return n;
});
// compact AC: classes
function buildAC(literals: string[]) {
  const cls = new Uint8Array(65536);
  let ncls = 1;
  const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
  for (const l of literals)
    for (let i = 0; i < l.length; i++) {
      const c = l.charCodeAt(i);
      if (cls[c] === 0) {
        cls[c] = ncls++;
      }
    }
  for (let c = 65; c <= 90; c++) cls[c] = cls[c + 32]!;
  const children: Map<number, number>[] = [new Map()];
  const out: boolean[] = [false];
  for (const l of literals) {
    let s = 0;
    for (let i = 0; i < l.length; i++) {
      const c = cls[l.charCodeAt(i)]!;
      let n = children[s]!.get(c);
      if (n === undefined) {
        n = children.length;
        children.push(new Map());
        out.push(false);
        children[s]!.set(c, n);
      }
      s = n;
    }
    out[s] = true;
  }
  const fail = new Int32Array(children.length);
  const order: number[] = [...children[0]!.values()];
  for (let h = 0; h < order.length; h++) {
    const s = order[h]!;
    for (const [c, n] of children[s]!) {
      let f = fail[s]!;
      while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
      const t = children[f]!.get(c);
      fail[n] = t !== undefined && t !== n ? t : 0;
      if (out[fail[n]!]) out[n] = true;
      order.push(n);
    }
  }
  const W = ncls;
  const S = children.length;
  const next = new Int32Array(S * W);
  for (const s of [0, ...order])
    for (let c = 0; c < W; c++) {
      const d = c === 0 ? undefined : children[s]!.get(c);
      next[s * W + c] = d !== undefined ? d : s === 0 ? 0 : next[fail[s]! * W + c]!;
    }
  return { cls, next, out, W, S };
}
const ac = buildAC(lits);
console.log('states', ac.S, 'classes', ac.W);
{
  const { cls, next, out, W, S } = ac;
  const t16 = new Uint16Array(S * W);
  for (let i = 0; i < t16.length; i++) {
    const t = next[i]!;
    t16[i] = t;
  }
  // encode: row offset, and hit flag via separate table
  const tRow = new Int32Array(S * W);
  for (let i = 0; i < tRow.length; i++) {
    const t = next[i]!;
    tRow[i] = out[t] ? -(t * W) - 1 : t * W;
  }
  time('compact AC int32 whole text', () => {
    let n = 0;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const v = tRow[row + cls[text.charCodeAt(i)]!]!;
      if (v >= 0) row = v;
      else {
        n++;
        row = -v - 1;
      }
    }
    return n;
  });
  time('compact AC int32 per line', () => {
    let n = 0;
    for (const line of lines) {
      let row = 0;
      for (let i = 0; i < line.length; i++) {
        const v = tRow[row + cls[line.charCodeAt(i)]!]!;
        if (v >= 0) row = v;
        else {
          n++;
          row = -v - 1;
          break;
        }
      }
    }
    return n;
  });
  const tr16 = new Uint16Array(S * W);
  const hit = new Uint8Array(S);
  for (let s = 0; s < S; s++) hit[s] = out[s] ? 1 : 0;
  time('compact AC state u16 whole', () => {
    let n = 0;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = t16[s * W + cls[text.charCodeAt(i)]!]!;
      if (hit[s] !== 0) n++;
    }
    return n;
  });
  time('empty charCodeAt loop', () => {
    let n = 0;
    for (let i = 0; i < text.length; i++) n += text.charCodeAt(i);
    return n;
  });
  time('indexOf newline loop', () => {
    let n = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
    return n;
  });
}
// q-gram filter: 4-gram of first 4 chars lowercased
{
  const LOW = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) LOW[c] = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : 0x7f;
  const BITS = 1 << 16;
  const bits = new Uint8Array(BITS);
  const h4 = (s: string) => {
    let h = 0;
    for (let i = 0; i < 4; i++) h = (h << 7) | LOW[s.charCodeAt(i)]!;
    return h;
  };
  const mix = (h: number) => Math.imul(h, 0x9e3779b1) >>> 16;
  for (const l of lits) if (l.length >= 4) bits[mix(h4(l))] = 1;
  time('4-gram bitset whole', () => {
    let n = 0;
    let h = 0;
    for (let i = 0; i < text.length; i++) {
      h = ((h << 7) | LOW[text.charCodeAt(i)]!) & 0xfffffff;
      if (bits[Math.imul(h, 0x9e3779b1) >>> 16] !== 0) n++;
    }
    return n;
  });
}
const big = new RegExp(lits.map((l) => l.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'gi');
time('regex alternation gi', () => {
  let n = 0;
  big.lastIndex = 0;
  while (big.exec(text)) n++;
  return n;
});
