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
  const n = labels.length;
  const included = new Uint8Array(n).fill(1);
  for (const s of scorings) for (let i = 0; i < n; i++) if ((s.group[i] as number) < 0) included[i] = 0;
  let p = 0;
  let q = 0;
  for (let i = 0; i < n; i++) if (included[i] === 1) labels[i] === 1 ? p++ : q++;
  // Each observation's placement minus the AUC, per score (0 where left out).
  const deviations = scorings.map(({ group, placements: pl }) => {
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (included[i] === 0) continue;
      const g = group[i] as number;
      d[i] = (labels[i] === 1 ? (pl.ofPositive[g] as number) : (pl.ofNegative[g] as number)) - pl.auc;
    }
    return d;
  });
  return clusters === null ? delong(deviations, labels, included, p, q) : clustered(deviations, labels, clusters, included, p, q);
}

function delong(deviations: readonly Float64Array[], labels: Uint8Array, included: Uint8Array, p: number, q: number): number[][] {
  return deviations.map((a) =>
    deviations.map((b) => {
      let s10 = 0;
      let s01 = 0;
      for (let i = 0; i < labels.length; i++) {
        if (included[i] === 0) continue;
        if (labels[i] === 1) s10 += (a[i] as number) * (b[i] as number);
        else s01 += (a[i] as number) * (b[i] as number);
      }
      return s10 / (p - 1) / p + s01 / (q - 1) / q;
    }),
  );
}

function clustered(deviations: readonly Float64Array[], labels: Uint8Array, clusters: Int32Array, included: Uint8Array, p: number, q: number): number[][] {
  let clusterCount = 0;
  for (let i = 0; i < clusters.length; i++) clusterCount = Math.max(clusterCount, (clusters[i] as number) + 1);
  const seen = new Uint8Array(clusterCount);
  const u = deviations.map((d) => {
    const sums = new Float64Array(clusterCount);
    for (let i = 0; i < labels.length; i++) {
      if (included[i] === 0) continue;
      const c = clusters[i] as number;
      seen[c] = 1;
      sums[c] = (sums[c] as number) + (d[i] as number) / (labels[i] === 1 ? p : q);
    }
    return sums;
  });
  let accounts = 0;
  for (let c = 0; c < clusterCount; c++) accounts += seen[c] as number;
  return u.map((a) =>
    u.map((b) => {
      let sum = 0;
      for (let c = 0; c < clusterCount; c++) sum += (a[c] as number) * (b[c] as number);
      return (accounts / (accounts - 1)) * sum;
    }),
  );
}
