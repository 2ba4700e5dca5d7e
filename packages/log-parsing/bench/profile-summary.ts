/**
 * Self time per function from a V8 CPU profile, for finding where `nightshift analyze` spends
 * its time:
 *
 *   node_modules/.bin/node --conditions=@nightshift/source --import tsx --cpu-prof \
 *     --cpu-prof-dir=/tmp/prof apps/cli/src/bin.ts analyze FILE --format json > /dev/null
 *   pnpm exec tsx packages/log-parsing/bench/profile-summary.ts /tmp/prof [rows=30]
 *
 * Reads the newest .cpuprofile in the folder. Inlined functions count as their caller's time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const dir = process.argv[2] ?? '/tmp/prof';
const rows = Number(process.argv[3] ?? 30);
const newest = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => join(dir, f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!newest) throw new Error(`no .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(newest, 'utf8')) as {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)!.callFrame;
  const where = frame.url.split('/').slice(-2).join('/');
  const key = `${frame.functionName || '(anonymous)'} ${where}${where ? `:${frame.lineNumber + 1}` : ''}`;
  const us = profile.timeDeltas[i] ?? 0;
  self.set(key, (self.get(key) ?? 0) + us);
  total += us;
});
console.log(`${newest}: ${(total / 1000).toFixed(0)} ms sampled`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
  console.log(
    `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`,
  );
}
