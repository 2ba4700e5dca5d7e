/**
 * Interleaved A/B runs of two builds of the CLI on one log: the way every performance claim in
 * docs/performance.md was checked. On a shared VM one run varies by ±15%, and the machine's speed
 * drifts over minutes, so runs of the two builds alternate (A B, then B A, round after round) and
 * medians are compared, never single runs.
 *
 *   # before changing anything: keep the current bundle, with the profiles it reads
 *   pnpm --filter @nightshift/cli exec tsup && mkdir -p /tmp/base/apps/cli \
 *     && cp -r apps/cli/dist /tmp/base/apps/cli/ && cp -r prompts /tmp/base/prompts
 *   # after the change (rebuild the bundle first)
 *   pnpm bench:compare /tmp/base . --runs=10 [--file=.bench/ptp-100mb.log] [--flags="--no-maglev"]
 *
 * Each root must hold apps/cli/dist/bin.js and prompts/ (a copy: a bundle whose rules file was
 * edited since it was built parses it again, which is not what it would do on its own). The JSON
 * each build writes is compared too: a faster build that answers differently is a bug, not a
 * result.
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readLaunchReport, shebangFlags } from './launch-report';

interface Run {
  wall: number;
  cpu: number;
  rssMB: number;
  stdout: string;
}

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const roots = args.filter((a) => !a.startsWith('--')).map((a) => resolve(a));
const runs = Number(option('runs') ?? 10);
const file = resolve(option('file') ?? '.bench/ptp-100mb.log');
const flags = (option('flags') ?? '').split(/\s+/).filter(Boolean);

if (roots.length !== 2 || !Number.isInteger(runs) || runs < 2) {
  console.error('usage: pnpm bench:compare <rootA> <rootB> [--runs=N>=2] [--file=LOG] [--flags="V8 FLAGS"]');
  process.exit(2);
}
if (roots[0] === roots[1]) {
  console.error(`bench:compare: both builds are ${roots[0]}: compare two different roots`);
  process.exit(2);
}
for (const root of roots) {
  if (!existsSync(resolve(root, 'apps/cli/dist/bin.js'))) {
    console.error(`bench:compare: ${root} has no apps/cli/dist/bin.js (build or copy the bundle there)`);
    process.exit(2);
  }
}
if (!existsSync(file)) {
  console.error(`bench:compare: ${file} does not exist (pnpm -s bench --quick --only=throughput makes it)`);
  process.exit(2);
}

const rssScript = resolve(import.meta.dirname, 'report-rss.mjs');
const results = new Map<string, Run[]>(roots.map((root) => [root, []]));
for (let i = 0; i < runs; i++) {
  const order = i % 2 === 0 ? roots : [...roots].reverse();
  for (const root of order) results.get(root)!.push(runOnce(root));
  process.stderr.write(`\rbench:compare: ${i + 1}/${runs} rounds`);
}
process.stderr.write('\n');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
console.log(
  `${runs} interleaved runs each of \`analyze ${file} --format json\`${flags.length ? ` with ${flags.join(' ')}` : ''}\n`,
);
console.log('| build | wall s median (min) | CPU s median | peak RSS MB median |');
console.log('| --- | ---: | ---: | ---: |');
for (const [root, list] of results) {
  const wall = list.map((r) => r.wall);
  console.log(
    `| ${root} | ${median(wall).toFixed(3)} (${Math.min(...wall).toFixed(3)}) | ${median(list.map((r) => r.cpu)).toFixed(3)} | ${median(list.map((r) => r.rssMB)).toFixed(0)} |`,
  );
}
const [a, b] = roots.map((root) => results.get(root)![0]!.stdout);
console.log(
  a === b ? '\nJSON output: identical' : '\nJSON output: DIFFERENT (the builds disagree: diff them)',
);
process.exitCode = a === b ? 0 : 1;

function runOnce(root: string): Run {
  const bin = resolve(root, 'apps/cli/dist/bin.js');
  // Each bundle with its own shebang's flags (they changed over time), then --flags; the
  // arguments are made before the clock starts, so reading the shebang is not counted.
  const args = [
    ...shebangFlags(bin),
    ...flags,
    '--import',
    rssScript,
    bin,
    'analyze',
    file,
    '--format',
    'json',
  ];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1048576 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${root}: analyze exited ${r.status}: ${r.stderr.slice(-1000)}`);
  const report = readLaunchReport(r.stderr);
  return { wall, cpu: report.cpuSec, rssMB: report.peakRssMB, stdout: r.stdout };
}
