import type { GroupCounts } from './score-groups.js';

/**
 * The ROC AUC of a score where a LOW score means risk: the chance that a randomly chosen churned
 * account scores below a randomly chosen retained one, ties counting half (the Mann–Whitney
 * statistic divided by the number of pairs). 0.5 is a coin; 1 ranks every churner below every
 * retained account; below 0.5 the score points the wrong way. NaN when a class is empty: callers
 * refuse that case before asking.
 */
export function aucOfCounts({ positives, negatives }: GroupCounts): number {
  let pairs = 0;
  let positivesBelow = 0;
  let p = 0;
  let n = 0;
  for (let g = 0; g < positives.length; g++) {
    const pos = positives[g] as number;
    const neg = negatives[g] as number;
    pairs += neg * (positivesBelow + 0.5 * pos);
    positivesBelow += pos;
    p += pos;
    n += neg;
  }
  return pairs / (p * n);
}

/**
 * DeLong's placement values per score group: for a churned account in group g, the share of
 * retained accounts scoring above it (ties half); for a retained one, the share of churned accounts
 * scoring below it (ties half). Their mean over either class is the AUC.
 */
export interface Placements {
  readonly auc: number;
  readonly positives: number;
  readonly negatives: number;
  /** Placement of a churned account in group g. */
  readonly ofPositive: Float64Array;
  /** Placement of a retained account in group g. */
  readonly ofNegative: Float64Array;
}

export function placements(counts: GroupCounts): Placements {
  const k = counts.positives.length;
  let p = 0;
  let n = 0;
  for (let g = 0; g < k; g++) {
    p += counts.positives[g] as number;
    n += counts.negatives[g] as number;
  }
  const ofPositive = new Float64Array(k);
  const ofNegative = new Float64Array(k);
  let positivesBelow = 0;
  let negativesBelow = 0;
  for (let g = 0; g < k; g++) {
    const pos = counts.positives[g] as number;
    const neg = counts.negatives[g] as number;
    ofNegative[g] = (positivesBelow + 0.5 * pos) / p;
    ofPositive[g] = (n - negativesBelow - neg + 0.5 * neg) / n;
    positivesBelow += pos;
    negativesBelow += neg;
  }
  return { auc: aucOfCounts(counts), positives: p, negatives: n, ofPositive, ofNegative };
}
