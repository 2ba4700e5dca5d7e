import { ptpLogLines, prng } from '../bench/generate-ptp-log';
import { ptpClassifier } from '../bench/grouping';
import { requiredLiterals } from '../src/classify/required-literals';
import { escapeRegExp } from '../src/classify/prefilter';
const c = ptpClassifier();
const lits = new Set<string>();
for (const r of c.rules) for (const l of (r.keywords ?? requiredLiterals(r.pattern, r.flags ?? '') ?? [])) lits.add(l);
console.log('literals', lits.size, [...lits].slice(0, 200).join(' ‖ '));
const lines: string[] = []; let bytes = 0; const g = ptpLogLines(prng(7));
while (bytes < 32*1048576) { const l = g.next().value as string; lines.push(Buffer.from(l).toString()); bytes += l.length+1; }
const mb = bytes/1048576;
function bench(name: string, f: (s: string)=>boolean) { let best=0; let n=0; for (let r=0;r<4;r++){ const t=process.cpuUsage(); n=0; for (const l of lines) if (f(l)) n++; const u=process.cpuUsage(t); best=Math.max(best, mb/((u.user+u.system)/1e6)); } console.log(name, best.toFixed(1), "MB/s", n); }
const flat = new RegExp([...lits].map(escapeRegExp).join('|'));
bench('flat', (s)=>flat.test(s));
// trie
type T = Map<string, T> & { end?: boolean };
const root: T = new Map();
for (const l of lits) { let n = root; for (const ch of l) { let m = n.get(ch); if (!m) { m = new Map(); n.set(ch, m); } n = m; } n.end = true; }
function emit(n: T): string { if (n.end) return ''; const parts = [...n].map(([ch, m]) => escapeRegExp(ch) + emit(m)); return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`; }
const trie = new RegExp(emit(root));
bench('trie', (s)=>trie.test(s));
// Aho-Corasick exact over char codes < 128
const goto: number[][] = [[]]; const out: boolean[] = [false];
for (const l of lits) { let s = 0; for (let i=0;i<l.length;i++){ const c=l.charCodeAt(i)&127; let nx = goto[s]![c]; if (nx===undefined){ nx=goto.length; goto.push([]); out.push(false); goto[s]![c]=nx;} s=nx;} out[s]=true; }
const fail = new Int32Array(goto.length); const q:number[]=[];
for (let c=0;c<128;c++){ const nx=goto[0]![c]; if(nx!==undefined){fail[nx]=0;q.push(nx);} }
while(q.length){ const r=q.shift()!; for(let c=0;c<128;c++){ const s=goto[r]![c]; if(s===undefined) continue; q.push(s); let f=fail[r]!; while(f!==0 && goto[f]![c]===undefined) f=fail[f]!; const g2=goto[f]![c]; fail[s]= (g2!==undefined && g2!==s)?g2:0; if(out[fail[s]!]) out[s]=true; } }
const N = goto.length; const table = new Int32Array(N*128); const outA = new Uint8Array(N);
for (let s=0;s<N;s++){ outA[s]=out[s]?1:0; for(let c=0;c<128;c++){ let t=s; while(t!==0 && goto[t]![c]===undefined) t=fail[t]!; const g2=goto[t]![c]; table[s*128+c]= g2===undefined?0:g2; } }
console.log('AC states', N);
function ac(s: string): boolean { let st=0; for (let i=0;i<s.length;i++){ const c=s.charCodeAt(i); st = c<128 ? table[(st<<7)|c]! : 0; if (outA[st]) return true; } return false; }
bench('aho', ac);
// verify agreement
let dis=0; for (const l of lines) if (ac(l)!==flat.test(l)) dis++; console.log('disagree', dis);
{
  // class-mapped, case-folded, Uint16 table
  const litsArr = [...lits];
  const cls = new Uint8Array(128); let K = 1;
  const fold = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
  for (const l of litsArr) for (let i=0;i<l.length;i++){ const c=fold(l.charCodeAt(i)); if (c<128 && cls[c]===0){ cls[c]=K++; } }
  for (let c=65;c<=90;c++) cls[c]=cls[c+32]!;
  const go: number[][] = [[]]; const outs: number[][] = [[]];
  litsArr.forEach((l, k) => { let s=0; for (let i=0;i<l.length;i++){ const c=cls[fold(l.charCodeAt(i))]!; let nx=go[s]![c]; if(nx===undefined){nx=go.length; go.push([]); outs.push([]); go[s]![c]=nx;} s=nx;} outs[s]!.push(k); });
  const f = new Int32Array(go.length); const q:number[]=[];
  for (let c=0;c<K;c++){ const nx=go[0]![c]; if(nx!==undefined){f[nx]=0;q.push(nx);} }
  while(q.length){ const r=q.shift()!; for(let c=0;c<K;c++){ const s=go[r]![c]; if(s===undefined) continue; q.push(s); let x=f[r]!; while(x!==0 && go[x]![c]===undefined) x=f[x]!; const g2=go[x]![c]; f[s]=(g2!==undefined&&g2!==s)?g2:0; outs[s]!.push(...outs[f[s]!]!); } }
  const N=go.length; const T=new Uint16Array(N*K); const hit=new Uint8Array(N);
  for (let s=0;s<N;s++){ hit[s]=outs[s]!.length?1:0; for(let c=0;c<K;c++){ let t=s; while(t!==0 && go[t]![c]===undefined) t=f[t]!; const g2=go[t]![c]; T[s*K+c]=g2===undefined?0:g2; } }
  console.log('classes', K, 'states', N, 'table KB', (N*K*2/1024).toFixed(0));
  function ac2(s: string): boolean { let st=0; for (let i=0;i<s.length;i++){ const c=s.charCodeAt(i); st = c<128 ? T[st*K+cls[c]!]! : 0; if (hit[st]===1) { if (verify(s, i, st)) return true; } } return false; }
  function verify(s: string, end: number, st: number): boolean { for (const k of outs[st]!) { const l = litsArr[k]!; if (s.startsWith(l, end-l.length+1)) return true; } return false; }
  bench('aho-folded-classes', ac2);
  let dis=0; for (const l of lines) if (ac2(l)!==flat.test(l)) dis++; console.log('disagree', dis);
}
{
  const litsArr = [...lits];
  const FOLD = new Uint8Array(128); for (let c=0;c<128;c++) FOLD[c] = c>=65&&c<=90 ? c+32 : c;
  const go: number[][] = [[]]; const outs: number[][] = [[]];
  litsArr.forEach((l, k) => { let s=0; for (let i=0;i<l.length;i++){ const c=FOLD[l.charCodeAt(i)&127]!; let nx=go[s]![c]; if(nx===undefined){nx=go.length; go.push([]); outs.push([]); go[s]![c]=nx;} s=nx;} outs[s]!.push(k); });
  const f = new Int32Array(go.length); const q:number[]=[];
  for (let c=0;c<128;c++){ const nx=go[0]![c]; if(nx!==undefined){f[nx]=0;q.push(nx);} }
  while(q.length){ const r=q.shift()!; for(let c=0;c<128;c++){ const s=go[r]![c]; if(s===undefined) continue; q.push(s); let x=f[r]!; while(x!==0 && go[x]![c]===undefined) x=f[x]!; const g2=go[x]![c]; f[s]=(g2!==undefined&&g2!==s)?g2:0; outs[s]!.push(...outs[f[s]!]!); } }
  const N=go.length; const T16=new Uint16Array(N*128); const T32=new Int32Array(N*128); const hit=new Uint8Array(N);
  for (let s=0;s<N;s++){ hit[s]=outs[s]!.length?1:0; for(let c=0;c<128;c++){ let t=s; while(t!==0 && go[t]![c]===undefined) t=f[t]!; const g2=go[t]![c]; T16[s*128+c]=g2===undefined?0:g2; T32[s*128+c]=g2===undefined?0:g2;} }
  // fold folded into the table: entries for uppercase columns copy lowercase
  for (let s=0;s<N;s++) for (let c=65;c<=90;c++){ T16[s*128+c]=T16[s*128+c+32]!; T32[s*128+c]=T32[s*128+c+32]!; }
  function verify(s: string, end: number, st: number): boolean { for (const k of outs[st]!) { const l = litsArr[k]!; if (s.startsWith(l, end-l.length+1)) return true; } return false; }
  function a16(s: string): boolean { let st=0; for (let i=0;i<s.length;i++){ const c=s.charCodeAt(i); st = c<128 ? T16[(st<<7)|c]! : 0; if (hit[st]===1 && verify(s, i, st)) return true; } return false; }
  function a32(s: string): boolean { let st=0; for (let i=0;i<s.length;i++){ const c=s.charCodeAt(i); st = c<128 ? T32[(st<<7)|c]! : 0; if (hit[st]===1 && verify(s, i, st)) return true; } return false; }
  bench('folded-16', a16); bench('folded-32', a32);
  let dis=0; for (const l of lines) if (a16(l)!==flat.test(l)) dis++; console.log('disagree', dis);
}
