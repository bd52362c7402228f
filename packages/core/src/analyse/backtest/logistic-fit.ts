/**
 * Logistic regression with non-negative coefficients: P(churn) = σ(b − Σ βⱼ xⱼ), βⱼ ≥ 0, with
 * features xⱼ in [0, 1] (metric scores scaled to the model's scale). A higher metric score can
 * only lower the risk, which is what a weight in a health model says, so the fit cannot answer
 * with a negative weight a person could not write down.
 *
 * Solved by cyclic coordinate descent on the penalised negative log-likelihood
 * Σ log(1 + e^η) − yη + ½λΣβ², each coordinate stepping to the minimum of a quadratic bound
 * (the logistic curvature is at most ¼), clipped at 0: every step lowers the loss, so it
 * converges without a line search, and the result does not depend on the order rows come in.
 * The small ridge λ (10⁻³ per row) only settles ties between near-identical metrics evenly.
 */
export interface LogisticFit {
  readonly intercept: number;
  /** βⱼ ≥ 0: how much a point of metric j (on the 0–1 scale) lowers the log-odds of churn. */
  readonly coefficients: Float64Array;
  readonly sweeps: number;
}

export function fitNonNegativeLogistic(features: readonly Float64Array[], labels: Uint8Array, rows: Int32Array, options: { maxSweeps?: number; tolerance?: number } = {}): LogisticFit {
  const n = rows.length;
  const k = features.length;
  const lambda = 1e-3 * n;
  const beta = new Float64Array(k);
  const eta = new Float64Array(n);
  let churned = 0;
  for (let r = 0; r < n; r++) churned += labels[rows[r] as number] as number;
  let intercept = Math.log((churned + 0.5) / (n - churned + 0.5));
  eta.fill(intercept);
  const bounds = features.map((x) => {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += (x[rows[r] as number] as number) ** 2;
    return 0.25 * sum + lambda;
  });
  const maxSweeps = options.maxSweeps ?? 1000;
  const tolerance = options.tolerance ?? 1e-7;
  let sweeps = 0;
  while (sweeps < maxSweeps) {
    sweeps++;
    let largest = 0;
    // The intercept: unpenalised, unconstrained.
    let gradient = 0;
    for (let r = 0; r < n; r++) gradient += sigmoid(eta[r] as number) - (labels[rows[r] as number] as number);
    const shift = -gradient / (0.25 * n);
    intercept += shift;
    for (let r = 0; r < n; r++) eta[r] = (eta[r] as number) + shift;
    largest = Math.abs(shift);
    for (let j = 0; j < k; j++) {
      const x = features[j] as Float64Array;
      let g = lambda * (beta[j] as number);
      // η = b − Σ βx, so ∂η/∂βⱼ = −xⱼ.
      for (let r = 0; r < n; r++) g -= (sigmoid(eta[r] as number) - (labels[rows[r] as number] as number)) * (x[rows[r] as number] as number);
      const next = Math.max(0, (beta[j] as number) - g / (bounds[j] as number));
      const step = next - (beta[j] as number);
      if (step === 0) continue;
      beta[j] = next;
      for (let r = 0; r < n; r++) eta[r] = (eta[r] as number) - step * (x[rows[r] as number] as number);
      largest = Math.max(largest, Math.abs(step));
    }
    if (largest < tolerance) break;
  }
  return { intercept, coefficients: beta, sweeps };
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
