/**
 * Scores as ranks: each observation's score replaced by the index of its value among the distinct
 * values, ascending. Scores are rounded to the model's precision, so there are few distinct values
 * (at most 10,001 on a 0–100 scale with two decimals) and every statistic of a ranking (AUC,
 * placements, deciles, bootstrap replicates) can then work on counts per group rather than on
 * sorted rows. Equal scores share a group: ties are exact.
 */
export interface ScoreGroups {
  /** The distinct scores, ascending. */
  readonly values: Float64Array;
  /** Per observation, the index of its score in `values`; −1 for an observation left out (NaN). */
  readonly group: Int32Array;
}

/** Groups the scores that are numbers; NaN marks an observation without a score. */
export function groupScores(scores: ArrayLike<number>): ScoreGroups {
  const present: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i] as number)) present.push(scores[i] as number);
  const sorted = Float64Array.from(present).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i] as number);
  const values = Float64Array.from(distinct);
  const group = new Int32Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    group[i] = Number.isNaN(score) ? -1 : indexOf(values, score);
  }
  return { values, group };
}

function indexOf(values: Float64Array, score: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Churned (positive) and retained (negative) observations per score group. */
export interface GroupCounts {
  readonly positives: Float64Array;
  readonly negatives: Float64Array;
}

/** Counts per group of the observations that have one. */
export function countGroups(groups: ScoreGroups, labels: Uint8Array): GroupCounts {
  const positives = new Float64Array(groups.values.length);
  const negatives = new Float64Array(groups.values.length);
  for (let i = 0; i < labels.length; i++) {
    const g = groups.group[i] as number;
    if (g < 0) continue;
    if (labels[i] === 1) positives[g] = (positives[g] as number) + 1;
    else negatives[g] = (negatives[g] as number) + 1;
  }
  return { positives, negatives };
}
