import type { Placements } from './auc.js';

/** One score over the observations: each one's group (−1: left out) and the placements of the groups. */
export interface Scoring {
  readonly group: Int32Array;
  readonly placements: Placements;
}

/**
 * The covariance matrix of the AUCs of several scores of the same observations (one score: its
 * variance), by DeLong, DeLong & Clarke-Pearson (1988): S10/P + S01/N, from each observation's
 * placement value. Observations left out of any score are left out of all.
 *
 * With `clusters` (an account index per observation, when accounts have several snapshots), the
 * snapshots of one account are not independent, and DeLong's formula would make the interval too
 * narrow. Then the placements are summed per account first (Obuchowski 1997, "Nonparametric analysis
 * of clustered ROC curve data"): with u_c = Σ(V10 − θ)/P over the account's churned snapshots plus
 * Σ(V01 − θ)/N over its retained ones, Cov = I/(I − 1) · Σ_c u_c u_c' over the I accounts.
 */
export function aucCovariance(scorings: readonly Scoring[], labels: Uint8Array, clusters: Int32Array | null): number[][] {
  const included = (i: number) => scorings.every((s) => (s.group[i] as number) >= 0);
  const deviation = (s: Scoring, i: number): number => {
    const g = s.group[i] as number;
    return labels[i] === 1 ? (s.placements.ofPositive[g] as number) - s.placements.auc : (s.placements.ofNegative[g] as number) - s.placements.auc;
  };
  let p = 0;
  let n = 0;
  for (let i = 0; i < labels.length; i++) if (included(i)) labels[i] === 1 ? p++ : n++;
  return clusters === null ? delong(scorings, labels, included, deviation, p, n) : clustered(scorings, labels, clusters, included, deviation, p, n);
}

type Deviation = (s: Scoring, i: number) => number;

function delong(scorings: readonly Scoring[], labels: Uint8Array, included: (i: number) => boolean, deviation: Deviation, p: number, n: number): number[][] {
  const k = scorings.length;
  const s10 = square(k);
  const s01 = square(k);
  const d = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    if (!included(i)) continue;
    for (let r = 0; r < k; r++) d[r] = deviation(scorings[r] as Scoring, i);
    const target = labels[i] === 1 ? s10 : s01;
    for (let r = 0; r < k; r++) for (let s = 0; s < k; s++) (target[r] as number[])[s] = ((target[r] as number[])[s] as number) + (d[r] as number) * (d[s] as number);
  }
  return s10.map((row, r) => row.map((v, s) => v / (p - 1) / p + ((s01[r] as number[])[s] as number) / (n - 1) / n));
}

function clustered(scorings: readonly Scoring[], labels: Uint8Array, clusters: Int32Array, included: (i: number) => boolean, deviation: Deviation, p: number, n: number): number[][] {
  const k = scorings.length;
  let clusterCount = 0;
  for (let i = 0; i < clusters.length; i++) clusterCount = Math.max(clusterCount, (clusters[i] as number) + 1);
  const u = Array.from({ length: k }, () => new Float64Array(clusterCount));
  const seen = new Uint8Array(clusterCount);
  for (let i = 0; i < labels.length; i++) {
    if (!included(i)) continue;
    const c = clusters[i] as number;
    seen[c] = 1;
    const denominator = labels[i] === 1 ? p : n;
    for (let r = 0; r < k; r++) (u[r] as Float64Array)[c] = ((u[r] as Float64Array)[c] as number) + deviation(scorings[r] as Scoring, i) / denominator;
  }
  let accounts = 0;
  for (let c = 0; c < clusterCount; c++) accounts += seen[c] as number;
  const covariance = square(k);
  for (let r = 0; r < k; r++) {
    for (let s = 0; s < k; s++) {
      let sum = 0;
      for (let c = 0; c < clusterCount; c++) sum += ((u[r] as Float64Array)[c] as number) * ((u[s] as Float64Array)[c] as number);
      (covariance[r] as number[])[s] = (accounts / (accounts - 1)) * sum;
    }
  }
  return covariance;
}

function square(k: number): number[][] {
  return Array.from({ length: k }, () => new Array<number>(k).fill(0));
}
