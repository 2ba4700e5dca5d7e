/**
 * Throughput of redactSecrets / the chunk redactor on real Prow build logs repeated to ~100 MB.
 * Run: pnpm exec tsx packages/log-parsing/src/redact/redact-throughput.bench.ts
 * (Benchmarks, not tests: numbers depend on the machine.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChunkRedactor } from './chunk-redactor';
import { createLineRedactor } from './line-redactor';
import { redactSecrets } from './redact-secrets';
import { sanitizeText } from './sanitize-text';

const dataDir = fileURLToPath(new URL('../../../../../shared/data/ptp-nightly/prow/', import.meta.url));

function collect(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collect(p, out);
    else if (name === 'build-log.txt' || name.endsWith('.xml')) out.push(readFileSync(p, 'utf8'));
  }
}

const pieces: string[] = [];
collect(dataDir, pieces);
const sample = pieces.join('\n');
const target = 100 * 1024 * 1024;
const corpus = sample.repeat(Math.max(1, Math.ceil(target / sample.length)));
const mb = Buffer.byteLength(corpus) / 1e6;
console.log(`corpus: ${mb.toFixed(1)} MB, ${pieces.length} files`);

// CPU time of this process, not wall time: less sensitive to other work on a shared machine.
function time(label: string, fn: () => void): void {
  const c0 = process.cpuUsage();
  fn();
  const s = process.cpuUsage(c0).user / 1e6;
  console.log(`${label}: ${(mb / s).toFixed(0)} MB/s`);
}

time('redactSecrets (whole text)', () => {
  const r = redactSecrets(corpus);
  console.log('  findings', JSON.stringify(r.findings));
});
time('chunk redactor (64 KiB chunks)', () => {
  const red = createChunkRedactor();
  for (let i = 0; i < corpus.length; i += 65536) red.write(corpus.slice(i, i + 65536));
  red.end();
});
time('sanitizeText (whole text)', () => {
  sanitizeText(corpus);
});
const lines = corpus.split('\n');
time('line redactor (per line)', () => {
  const red = createLineRedactor();
  for (const l of lines) red.push(l);
  red.flush();
});
