import { REPORT_FORMAT_VERSION, type ReportData } from './report-model.js';

/**
 * `vitals report --format json`: the run's counts and the distribution, with snake_case keys like
 * every other machine-readable output (the contract is this file and report.schema.json, not the
 * core's TypeScript types).
 */
export function renderReportJson({ file, plan, counts, unit, summary: s, book, movement: m }: ReportData): string {
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
    accounts: book.accounts,
    act_on: book.actOn,
    value_by_band: book.value === null ? null : { total: book.value.total, missing: book.value.missing, bands: book.value.bands.map((b) => ({ name: b.name, count: b.count, value: b.value, count_share: b.countShare, value_share: b.valueShare })) },
    owners: book.owners,
    pulse_levels: book.pulses,
    movement: m === null ? null : { from: m.from, to: m.to, states: m.states, matrix: m.matrix, new_accounts: m.newAccounts, up: m.up, down: m.down, trend: m.trend },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
