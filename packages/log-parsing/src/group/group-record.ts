import type { Category } from '../classify/categories';
import type { Classifier } from '../classify/classifier';
import { fingerprint, signature } from '../fingerprint/signature';

/** The fields grouping reads (records may carry any others; `groupJsonl` passes them through). */
export interface FailureRecord {
  test?: string | null;
  message?: string | null;
  suite?: string | null;
}

export interface GroupKey {
  /** Failure mode, independent of the test: `v1:<16 hex>`. */
  signature: string;
  /** Test identity + failure mode: one tracked issue per fingerprint. */
  fingerprint: string;
  category: Category;
}

/** Classifies one failure record and derives its signature and fingerprint. */
export function groupRecord(record: FailureRecord, classifier: Classifier): GroupKey {
  const message = record.message ?? '';
  const c = classifier.classifyText(message);
  const sig = signature({ message, rule: c.rule, mode: c.mode });
  return {
    signature: sig,
    fingerprint: fingerprint({ test: record.test ?? null, suite: record.suite ?? null, signature: sig }),
    category: c.category,
  };
}
