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
  const resample = clusters === null ? stratifiedResampler(included, labels, random) : clusterResampler(included, clusters, random);
  const counts = scores.map((s) => ({ positives: new Float64Array(s.groups), negatives: new Float64Array(s.groups) }));
  const aucs = scores.map(() => [] as number[]);
  let skipped = 0;
  for (let r = 0; r < options.replicates; r++) {
    for (const c of counts) {
      c.positives.fill(0);
      c.negatives.fill(0);
    }
    let churned = 0;
    let retained = 0;
    resample((i) => {
      const positive = labels[i] === 1;
      positive ? churned++ : retained++;
      for (let s = 0; s < scores.length; s++) {
        const c = counts[s] as (typeof counts)[number];
        const g = (scores[s] as GroupedScore).group[i] as number;
        if (positive) c.positives[g] = (c.positives[g] as number) + 1;
        else c.negatives[g] = (c.negatives[g] as number) + 1;
      }
    });
    if (churned === 0 || retained === 0) {
      skipped++;
      continue;
    }
    counts.forEach((c, s) => (aucs[s] as number[]).push(aucOfCounts(c)));
  }
  return { aucs: aucs.map((a) => Float64Array.from(a).sort()), skipped };
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

type Resampler = (visit: (observation: number) => void) => void;

function stratifiedResampler(included: Int32Array, labels: Uint8Array, random: SeededRandom): Resampler {
  const positives = included.filter((i) => labels[i] === 1);
  const negatives = included.filter((i) => labels[i] !== 1);
  return (visit) => {
    for (let k = 0; k < positives.length; k++) visit(positives[random.below(positives.length)] as number);
    for (let k = 0; k < negatives.length; k++) visit(negatives[random.below(negatives.length)] as number);
  };
}

function clusterResampler(included: Int32Array, clusters: Int32Array, random: SeededRandom): Resampler {
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
  return (visit) => {
    for (let k = 0; k < accounts; k++) {
      const c = random.below(accounts);
      for (let m = start[c] as number; m < (start[c + 1] as number); m++) visit(members[m] as number);
    }
  };
}
