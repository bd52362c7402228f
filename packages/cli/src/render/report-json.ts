import { REPORT_FORMAT_VERSION, type ReportData } from './report-model.js';

/**
 * `vitals report --format json`: the run's counts and the distribution, with snake_case keys like
 * every other machine-readable output (the contract is this file and report.schema.json, not the
 * core's TypeScript types).
 */
export function renderReportJson({ file, plan, counts, unit, summary: s }: ReportData): string {
  const document = {
    format_version: REPORT_FORMAT_VERSION,
    model: plan.model,
    model_hash: plan.hash,
    file,
    unit,
    counts,
    unscored_reasons: s.unscoredReasons,
    bands: s.bands,
    dominant_band: s.dominantBand,
    histogram: s.histogram,
    stats: s.stats,
    categories: s.categories,
    below_benchmark: s.belowBenchmark,
    pulses: s.pulses,
    overrides: s.overrides,
    playbooks: s.playbooks,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
