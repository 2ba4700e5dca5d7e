/**
 * CPU time per character of the secret keyword prefilter (`candidateLineStarts`) and of
 * `redactInto`, against the previous prefilter (kept as the tests' oracle), on 64 KiB chunks
 * decoded as `analyze` decodes them:
 *  - ptp2: the generated PTP log (.bench/ptp-100mb.log, first 64 MiB): every chunk holds a '•',
 *    so every chunk is a two-byte string;
 *  - ptp1: the same bytes with each '•' replaced by three ASCII bytes (one-byte strings);
 *  - prow: the real Prow build logs of shared/data, repeated to 32 MiB (~7% candidate lines).
 * Runs alternate between implementations and the minimum of RUNS (default 15) is kept: the
 * machine is shared, and CPU time still varies by ±20% between runs.
 *
 * Run: node_modules/.bin/node --import tsx packages/log-parsing/bench/redact-prefilter.bench.ts [ptp2|ptp1|prow]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { candidateLineStarts as previousLineStarts } from '../src/redact/__fixtures__/reference-keyword-prefilter';
import { candidateLineStarts } from '../src/redact/keyword-prefilter';
import { redactInto } from '../src/redact/redact-secrets';
import { FindingCounter } from '../src/redact/redaction-types';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PTP_LOG = join(root, '.bench/ptp-100mb.log');
const PROW = join(root, '../shared/data/ptp-nightly/prow');

function decodeChunks(bytes: Uint8Array): string[] {
  const decoder = new TextDecoder();
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 65_536)
    out.push(decoder.decode(bytes.subarray(i, i + 65_536), { stream: true }));
  return out;
}

function corpus(name: string): string[] {
  if (name === 'prow') {
    const files: Buffer[] = [];
    const walk = (dir: string) => {
      for (const n of readdirSync(dir)) {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n === 'build-log.txt') files.push(readFileSync(p), Buffer.from('\n'));
      }
    };
    walk(PROW);
    const once = Buffer.concat(files);
    return decodeChunks(Buffer.concat(Array(Math.ceil((32 * 1_048_576) / once.length)).fill(once)));
  }
  const bytes = Buffer.from(readFileSync(PTP_LOG).subarray(0, 64 * 1_048_576));
  if (name === 'ptp1') {
    for (let i = bytes.indexOf('•'); i !== -1; i = bytes.indexOf('•', i + 3)) bytes.write('*  ', i, 'latin1');
  }
  return decodeChunks(bytes);
}

const names = process.argv.length > 2 ? process.argv.slice(2) : ['ptp2', 'ptp1', 'prow'];
const runs = Number(process.env.RUNS ?? 15);
const subjects: Record<string, (chunk: string) => number> = {
  'read (1st touch)': (c) => c.indexOf('\u0001'),
  'prefilter before': (c) => previousLineStarts(c).length,
  'prefilter now': (c) => candidateLineStarts(c).length,
  redactInto: (c) => redactInto(c, new FindingCounter()).length,
};

for (const name of names) {
  if (!existsSync(name === 'prow' ? PROW : PTP_LOG)) {
    console.log(`${name}: input missing, skipped`);
    continue;
  }
  const chunks = corpus(name);
  const chars = chunks.reduce((n, c) => n + c.length, 0);
  const best = new Map<string, number>();
  for (let r = 0; r < runs; r++) {
    for (const [label, fn] of Object.entries(subjects)) {
      const t = process.cpuUsage();
      for (const c of chunks) fn(c);
      const u = process.cpuUsage(t);
      best.set(label, Math.min(best.get(label) ?? Infinity, ((u.user + u.system) * 1000) / chars));
    }
  }
  const cells = [...best].map(([label, ns]) => `${label} ${ns.toFixed(2)}`);
  console.log(`${name} (${(chars / 1_048_576).toFixed(0)} Mi chars), ns/char: ${cells.join(' | ')}`);
}
