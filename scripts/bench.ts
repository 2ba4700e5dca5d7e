/**
 * `pnpm bench`: every benchmark the quality bars name, printed as tables. Options:
 *   --quick        100 MB only for the throughput benchmark (skips the 1 GB file)
 *   --only=NAME    throughput | grouping | recall | detector
 *   --runs=N       runs of each analyze command in the throughput benchmark (default 3)
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules, createClassifier, loadRulesFile } from '@nightshift/log-parsing';
import {
  formatDetectorCycleBench,
  runDetectorCycleBench,
} from '../packages/failure-detection/bench/detector-cycle';
import { runExcerptRecallBench } from '../packages/log-parsing/bench/excerpt-recall';
import { formatGroupingBench, runGroupingBench } from '../packages/log-parsing/bench/grouping';
import { formatThroughput, runThroughputBench } from '../packages/log-parsing/bench/throughput';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const shared = resolve(root, '../shared/data');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const want = (name: string) => !only || only === name;

const classifier = createClassifier([
  ...(await loadRulesFile(join(root, 'prompts/ptp/rules.yaml'))),
  ...builtinRules,
]);

if (want('throughput')) {
  console.log('\n## 1. analyze throughput and memory (one core)\n');
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
  const rows = await runThroughputBench(root, args.includes('--quick') ? [100] : [100, 1024], runs);
  console.log(formatThroughput(rows));
}
if (want('grouping')) {
  console.log('\n## 2. grouping quality (B-cubed, labelled PTP nightly failures)\n');
  if (existsSync(join(shared, 'ptp-nightly/failures.jsonl'))) {
    console.log(formatGroupingBench(await runGroupingBench(shared)));
  } else console.log(`skipped: ${shared}/ptp-nightly not found`);
}
if (want('recall')) {
  console.log('\n## 3. excerpt recall (root-cause line inside the 2,000-token excerpt)\n');
  if (existsSync(join(shared, 'ptp-excerpts'))) {
    const r = await runExcerptRecallBench(join(shared, 'ptp-excerpts'), classifier);
    console.log('| cases | excerpt recall | tail -n 200 recall |\n| ---: | ---: | ---: |');
    console.log(
      `| ${r.cases} | ${((100 * r.excerptHits) / r.cases).toFixed(1)}% | ${((100 * r.tailHits) / r.cases).toFixed(1)}% |`,
    );
    if (r.misses.length) console.log(`\nmissed: ${r.misses.join(', ')}`);
  } else console.log(`skipped: ${shared}/ptp-excerpts not found`);
}
if (want('detector')) {
  console.log('\n## 4. detector cycle cost (10 watched workflows, 5,000 historical runs)\n');
  console.log(formatDetectorCycleBench(await runDetectorCycleBench()));
}
