/**
 * Benchmark 2: grouping quality on the real PTP nightly failures. B-cubed precision/recall/F1 of
 * fingerprints against (test, mode) clusters and of signatures against mode clusters, on the
 * hand-labelled records, beside exact-text baselines; plus a sanity figure on unlabelled records.
 *
 *   pnpm exec tsx packages/log-parsing/bench/grouping.ts [shared/data dir]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  builtinRules,
  type Classifier,
  createClassifier,
  isCategory,
  loadRules,
} from '../src/classify/index';
import { fingerprint, signature } from '../src/fingerprint/index';
import { bcubed, groupRecord } from '../src/group/index';

/** Labels cover records up to this day; later ones are unseen data. */
export const LABEL_CUTOFF_DAY = '2026-07-14';
export const TARGETS = { fingerprintF1: 0.95, signatureF1: 0.9, precision: 0.98 } as const;

export interface GroupingRow {
  name: string;
  against: string;
  precision: number;
  recall: number;
  f1: number;
  clusters: number;
  trueClusters: number;
}

export interface GroupingBenchResult {
  labelled: number;
  rows: GroupingRow[];
  /** Share of labelled records whose category is the labels' first choice / any listed choice. */
  category: { top1: number; acceptable: number };
  /** Records after the label cutoff: how many groups they form (no labels: a sanity figure). */
  unlabelled: {
    after: string;
    records: number;
    signatures: number;
    fingerprints: number;
    exactTextGroups: number;
    unclassified: number;
  };
  targetsMet: boolean;
}

interface FailureLine {
  idx: number;
  day: string;
  test: string;
  suite?: string | null;
  message?: string | null;
}
interface LabelLine {
  idx: number;
  mode: string;
  categories: string[];
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The PTP profile from this repository followed by the built-in rules (what `--profile ptp` uses). */
export function ptpClassifier(): Classifier {
  const path = join(REPO_ROOT, 'prompts/ptp/rules.yaml');
  return createClassifier([...loadRules(readFileSync(path, 'utf8'), path), ...builtinRules]);
}

export function runGroupingBench(
  dataDir: string,
  classifier: Classifier = ptpClassifier(),
): GroupingBenchResult {
  const dir = join(dataDir, 'ptp-nightly');
  const failures = readJsonl<FailureLine>(join(dir, 'failures.jsonl'));
  const labels = new Map(readJsonl<LabelLine>(join(dir, 'labels.dev.jsonl')).map((l) => [l.idx, l]));

  const labelled = failures.filter((f) => labels.has(f.idx));
  const truthMode = labelled.map((f) => labels.get(f.idx)!.mode);
  const truthTestMode = labelled.map((f, i) => JSON.stringify([f.test, truthMode[i]]));
  const keys = labelled.map((f) => ({ f, key: groupRecord(f, classifier) }));
  const messageOnly = labelled.map((f) => signature({ message: f.message ?? '' }));

  const rows: GroupingRow[] = [
    row(
      'fingerprint',
      '(test, mode)',
      keys.map((k) => k.key.fingerprint),
      truthTestMode,
    ),
    row(
      'signature',
      'mode',
      keys.map((k) => k.key.signature),
      truthMode,
    ),
    row(
      'fingerprint, no rules',
      '(test, mode)',
      labelled.map((f, i) =>
        fingerprint({ test: f.test, suite: f.suite ?? null, signature: messageOnly[i]! }),
      ),
      truthTestMode,
    ),
    row('signature, no rules', 'mode', messageOnly, truthMode),
    row(
      'exact text hash(test+message)',
      '(test, mode)',
      labelled.map((f) => exact(f.test, f.message)),
      truthTestMode,
    ),
    row(
      'exact text hash(message)',
      'mode',
      labelled.map((f) => exact('', f.message)),
      truthMode,
    ),
  ];

  let top1 = 0;
  let acceptable = 0;
  for (const { f, key } of keys) {
    const cats = labels.get(f.idx)!.categories.filter(isCategory);
    if (cats[0] === key.category) top1++;
    if (cats.includes(key.category)) acceptable++;
  }

  const unseen = failures.filter((f) => f.day > LABEL_CUTOFF_DAY);
  const unseenKeys = unseen.map((f) => groupRecord(f, classifier));
  const unclassified = unseen.filter((f) => classifier.classifyText(f.message ?? '').rule === null).length;

  const fp = rows[0]!;
  const sig = rows[1]!;
  return {
    labelled: labelled.length,
    rows,
    category: { top1: top1 / labelled.length, acceptable: acceptable / labelled.length },
    unlabelled: {
      after: LABEL_CUTOFF_DAY,
      records: unseen.length,
      signatures: new Set(unseenKeys.map((k) => k.signature)).size,
      fingerprints: new Set(unseenKeys.map((k) => k.fingerprint)).size,
      exactTextGroups: new Set(unseen.map((f) => exact(f.test, f.message))).size,
      unclassified,
    },
    targetsMet:
      fp.f1 >= TARGETS.fingerprintF1 &&
      sig.f1 >= TARGETS.signatureF1 &&
      fp.precision >= TARGETS.precision &&
      sig.precision >= TARGETS.precision,
  };
}

export function formatGroupingBench(r: GroupingBenchResult): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [
    `Grouping on ${r.labelled} labelled PTP nightly failures (B-cubed)`,
    '',
    '| grouping | against | precision | recall | F1 | clusters | true clusters |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...r.rows.map(
      (x) =>
        `| ${x.name} | ${x.against} | ${pct(x.precision)} | ${pct(x.recall)} | ${pct(x.f1)} | ${x.clusters} | ${x.trueClusters} |`,
    ),
    '',
    `Category: ${pct(r.category.top1)} first choice, ${pct(r.category.acceptable)} acceptable.`,
    `Unlabelled records after ${r.unlabelled.after}: ${r.unlabelled.records} records → ${r.unlabelled.signatures} signatures, ` +
      `${r.unlabelled.fingerprints} fingerprints (exact text: ${r.unlabelled.exactTextGroups} groups); ` +
      `${r.unlabelled.unclassified} matched no rule.`,
    `Targets (fingerprint F1 >= ${TARGETS.fingerprintF1}, signature F1 >= ${TARGETS.signatureF1}, precision >= ${TARGETS.precision}): ${r.targetsMet ? 'met' : 'NOT met'}.`,
  ];
  return lines.join('\n');
}

function row(name: string, against: string, predicted: string[], truth: string[]): GroupingRow {
  const s = bcubed(predicted, truth);
  return { name, against, ...s, clusters: new Set(predicted).size, trueClusters: new Set(truth).size };
}

function exact(test: string, message: string | null | undefined): string {
  return createHash('sha256')
    .update(`${test}\n${message ?? ''}`)
    .digest('hex')
    .slice(0, 16);
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = process.argv[2] ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
  if (!existsSync(join(dataDir, 'ptp-nightly', 'labels.dev.jsonl'))) {
    process.stderr.write(`grouping bench: no labelled data under ${dataDir}\n`);
    process.exitCode = 2;
  } else {
    const result = runGroupingBench(dataDir);
    process.stdout.write(`${formatGroupingBench(result)}\n`);
    if (!result.targetsMet) process.exitCode = 1;
  }
}
