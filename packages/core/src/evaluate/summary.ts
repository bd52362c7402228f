import type { CategorySummary, MetricSummary, ScoreResult, ScoreSummary } from './result.js';

/**
 * The summary of a full result: the same values without the explanation (weights,
 * contributions, missing inputs, why each playbook fired). This is what an evaluator's summary
 * step must give, by definition; the reference evaluator gives exactly this.
 */
export function summaryOf(result: ScoreResult): ScoreSummary {
  const categories: Record<string, CategorySummary> = {};
  for (const [key, c] of Object.entries(result.categories)) categories[key] = { score: c.score, band: c.band, coverage: c.coverage, benchmark: c.benchmark, gap: c.gap };
  const metrics: Record<string, MetricSummary> = {};
  for (const [key, m] of Object.entries(result.metrics)) metrics[key] = { value: m.value, score: m.score, band: m.band, missing: m.missing, imputed: m.imputed };
  return {
    model: result.model,
    model_hash: result.model_hash,
    id: result.id,
    as_of: result.as_of,
    status: result.status,
    reason: result.reason,
    score: result.score,
    band: result.band,
    coverage: result.coverage,
    categories,
    metrics,
    segment: result.segment,
    stage: result.stage,
    benchmark: result.benchmark,
    gap: result.gap,
    below_benchmark: result.below_benchmark,
    pulse: result.pulse,
    override: result.override,
    change: result.change,
    playbooks: result.playbooks.map((p) => ({ key: p.key, title: p.title, priority: p.priority, owner: p.owner, action: p.action })),
    issues: result.issues,
  };
}
