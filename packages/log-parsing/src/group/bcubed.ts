/** B-cubed precision, recall and F1, averaged over items (Bagga & Baldwin 1998). */
export interface BCubedScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Scores a clustering against the truth. `predicted[i]` and `truth[i]` are the cluster keys of
 * item i. Per item: precision = share of its predicted cluster that shares its true cluster,
 * recall = share of its true cluster that shares its predicted cluster.
 */
export function bcubed(predicted: readonly string[], truth: readonly string[]): BCubedScore {
  if (predicted.length !== truth.length) {
    throw new RangeError(`bcubed: ${predicted.length} predictions for ${truth.length} true labels`);
  }
  const n = predicted.length;
  if (n === 0) return { precision: 1, recall: 1, f1: 1 };
  const predSize = new Map<string, number>();
  const trueSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const p = predicted[i]!;
    const t = truth[i]!;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    trueSize.set(t, (trueSize.get(t) ?? 0) + 1);
    const k = JSON.stringify([p, t]);
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < n; i++) {
    const p = predicted[i]!;
    const t = truth[i]!;
    const shared = both.get(JSON.stringify([p, t]))!;
    precision += shared / predSize.get(p)!;
    recall += shared / trueSize.get(t)!;
  }
  precision /= n;
  recall /= n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
