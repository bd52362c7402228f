import { aucOfCounts } from './auc.js';
import { quantileOfSorted } from './quantile.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

export interface BootstrapOptions {
  /** Resamples; 2,000 is a common choice (pROC's default), 1,000 the least for a 95% percentile interval. */
  readonly replicates: number;
  readonly seed: number;
}

/** One score as groups per observation (−1: left out) and the number of groups. */
export interface GroupedScore {
  readonly group: Int32Array;
  readonly groups: number;
}

export interface BootstrapReplicates {
  /** Per score, the AUC of each replicate that had both classes. */
  readonly aucs: readonly Float64Array[];
  /** Replicates drawn without a churned or without a retained observation, left out. */
  readonly skipped: number;
}

/**
 * AUCs of resamples of the observations, for percentile intervals. Every score is computed on
 * the same resamples, so differences between scores are paired. Without `clusters`, the churned
 * and the retained observations are resampled separately (stratified, as pROC does), so each
 * replicate has the same numbers of both. With `clusters` (snapshots of accounts), whole accounts
 * are resampled: an account's snapshots stay together, which is what makes the interval honest
 * when they are not independent. Observations left out of any score are left out of all.
 */
export function bootstrapAucs(scores: readonly GroupedScore[], labels: Uint8Array, clusters: Int32Array | null, options: BootstrapOptions): BootstrapReplicates {
  const random = seededRandom(options.seed);
  const included = includedObservations(scores, labels.length);
  const draw = clusters === null ? stratifiedDraw(included, labels, random) : clusterDraw(included, clusters, random);
  const counts = scores.map((s) => ({ positives: new Float64Array(s.groups), negatives: new Float64Array(s.groups) }));
  const aucs = scores.map(() => [] as number[]);
  let skipped = 0;
  for (let r = 0; r < options.replicates; r++) {
    // One draw of observations per replicate, counted under every score: the replicates are paired.
    const { drawn, length } = draw();
    let churned = 0;
    for (let d = 0; d < length; d++) churned += labels[drawn[d] as number] as number;
    if (churned === 0 || churned === length) {
      skipped++;
      continue;
    }
    scores.forEach((score, s) => {
      const c = counts[s] as (typeof counts)[number];
      countDrawn(score.group, labels, drawn, length, c.positives, c.negatives);
      (aucs[s] as number[]).push(aucOfCounts(c));
    });
  }
  return { aucs: aucs.map((a) => Float64Array.from(a).sort()), skipped };
}

/** The hot loop: counts per group of the drawn observations (typed arrays only, nothing allocated). */
function countDrawn(group: Int32Array, labels: Uint8Array, drawn: Int32Array, length: number, positives: Float64Array, negatives: Float64Array): void {
  positives.fill(0);
  negatives.fill(0);
  for (let d = 0; d < length; d++) {
    const i = drawn[d] as number;
    const g = group[i] as number;
    if (labels[i] === 1) positives[g] = (positives[g] as number) + 1;
    else negatives[g] = (negatives[g] as number) + 1;
  }
}

/** The 2.5th and 97.5th percentiles of replicate values. */
export function percentileInterval(values: Float64Array): readonly [number, number] {
  const sorted = Float64Array.from(values).sort();
  return [quantileOfSorted(sorted, 0.025), quantileOfSorted(sorted, 0.975)];
}

function includedObservations(scores: readonly GroupedScore[], n: number): Int32Array {
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (scores.every((s) => (s.group[i] as number) >= 0)) kept.push(i);
  return Int32Array.from(kept);
}

/** Draws one resample into a reused buffer: the observations drawn, and how many. */
type Draw = () => { readonly drawn: Int32Array; readonly length: number };

function stratifiedDraw(included: Int32Array, labels: Uint8Array, random: SeededRandom): Draw {
  const positives = included.filter((i) => labels[i] === 1);
  const negatives = included.filter((i) => labels[i] !== 1);
  const drawn = new Int32Array(included.length);
  const result = { drawn, length: included.length };
  return () => {
    let d = 0;
    for (let k = 0; k < positives.length; k++) drawn[d++] = positives[random.below(positives.length)] as number;
    for (let k = 0; k < negatives.length; k++) drawn[d++] = negatives[random.below(negatives.length)] as number;
    return result;
  };
}

function clusterDraw(included: Int32Array, clusters: Int32Array, random: SeededRandom): Draw {
  // The included observations of each account, contiguous (compressed rows): start[c]…start[c+1].
  const dense = new Map<number, number>();
  for (const i of included) if (!dense.has(clusters[i] as number)) dense.set(clusters[i] as number, dense.size);
  const accounts = dense.size;
  const start = new Int32Array(accounts + 1);
  for (const i of included) {
    const c = (dense.get(clusters[i] as number) as number) + 1;
    start[c] = (start[c] as number) + 1;
  }
  for (let c = 0; c < accounts; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const members = new Int32Array(included.length);
  const filled = start.slice(0, accounts);
  for (const i of included) {
    const c = dense.get(clusters[i] as number) as number;
    members[filled[c] as number] = i;
    filled[c] = (filled[c] as number) + 1;
  }
  let drawn = new Int32Array(included.length * 2);
  return () => {
    let d = 0;
    for (let k = 0; k < accounts; k++) {
      const c = random.below(accounts);
      const from = start[c] as number;
      const to = start[c + 1] as number;
      if (d + (to - from) > drawn.length) {
        const bigger = new Int32Array(drawn.length * 2);
        bigger.set(drawn);
        drawn = bigger;
      }
      for (let m = from; m < to; m++) drawn[d++] = members[m] as number;
    }
    return { drawn, length: d };
  };
}
