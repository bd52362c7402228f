import type { BacktestComparison, Miss, ModelBacktest, Plan } from '@vitals/core';
import { bar } from './bars.js';
import { auc, aucDifferenceText, aucText, aucVerdict, componentText, exclusions, intervalText, lift, outcomeText, pct, rateText, suggestionSummary, unitOf, type BacktestData, type SuggestionData } from './backtest-model.js';
import { formatValue } from './format-value.js';
import { safeLines, safeText } from './safe-text.js';
import { PLAIN, type Style } from './style.js';

/** `vitals backtest` for a terminal: does the score predict churn, where does it miss. Text from the model, the data and the command line goes through `safeText`. */
export function renderBacktestText(data: BacktestData, style: Style = PLAIN): string {
  const { report } = data;
  const unit = unitOf(report);
  const sections = [
    header(data, unit, style),
    ...report.models.map((m) => discrimination(m, data, style)),
    ...(report.comparison === null ? [] : [comparison(data, report.comparison, unit, style)]),
    ...report.models.map((m) => bands(m, data, unit)),
    ...report.models.map((m) => calibration(m, data, unit)),
    ...report.models.map((m, i) => misses(m, data, i, unit)),
    ...(data.suggestion === null ? [] : [suggestion(data.suggestion, style)]),
  ];
  return `${sections.join('\n\n')}\n`;
}

function header({ report, file, modelFiles }: BacktestData, unit: string, style: Style): string {
  const names = report.models.map((m, i) => `${safeText(m.title ?? m.model)} (${safeText(modelFiles[i] ?? m.model)})`);
  const c = report.counts;
  const accounts = c.accounts !== null && unit === 'snapshot' ? ` of ${c.accounts.toLocaleString('en-US')} accounts` : '';
  return [
    style.bold(`Backtest of ${names.join(' against ')}`),
    `Data: ${safeText(file)}, ${c.rows.toLocaleString('en-US')} rows. Outcome: ${outcomeText(report)}.`,
    `${c.observations.toLocaleString('en-US')} ${unit}s${accounts} counted; ${report.baseRate.churned.toLocaleString('en-US')} churned: base rate ${rateText(report.baseRate)}.`,
    ...exclusions(report, unit).map((line) => `  ${line}.`),
  ].join('\n');
}

function discrimination(m: ModelBacktest, data: BacktestData, style: Style): string {
  const lines = [
    `${style.bold('Discrimination')}${data.report.models.length > 1 ? ` — ${m.model}` : ''}: ROC AUC, the chance that a churned ${unitOf(data.report)} scores below a retained one (ties count half; 0.5 is a coin)`,
    `  overall score  ${style.bold(aucText(m.auc))}: ${aucVerdict(m.auc)}`,
    `  interval: ${intervalText(data.report.interval)}`,
    '  each alone (DeLong intervals):',
  ];
  const rows = m.components.map((c) => [`${c.kind === 'metric' ? '    ' : '  '}${c.key}`, componentText(c), c.estimate === null ? '' : aucVerdict(c.estimate)]);
  return [...lines, ...table(rows, [false, false, false]).map((l) => `  ${l}`)].join('\n');
}

function comparison({ report }: BacktestData, c: BacktestComparison, unit: string, style: Style): string {
  const [a, b] = report.models as [ModelBacktest, ModelBacktest];
  const header = ['', ...c.toBands.map((band) => `→ ${band}`)];
  const rows = c.fromBands.map((band, i) => [band, ...(c.transitions[i] ?? []).map((r) => (r.count === 0 ? '·' : `${r.count.toLocaleString('en-US')} (${pct(r.rate)} churned)`))]);
  return [
    style.bold(`Compared: ${a.model} → ${b.model}, on the same ${report.counts.observations.toLocaleString('en-US')} ${unit}s`),
    `  AUC ${auc(a.auc.auc)} → ${auc(b.auc.auc)}: ${aucDifferenceText(c.difference, b.model)}`,
    `  Band transitions (rows: ${a.model}, columns: ${b.model}), with the churn rate of each cell:`,
    ...table([header, ...rows], [false, ...c.toBands.map(() => true)]).map((l) => `    ${l}`),
  ].join('\n');
}

function bands(m: ModelBacktest, { report }: BacktestData, unit: string): string {
  const rows = [
    ['band', `${unit}s`, 'churned', 'churn rate (95% CI)', 'lift', ''],
    ...m.bands.map((b) => [`${b.band}${b.title === null ? '' : ` (${safeText(b.title)})`}`, b.count.toLocaleString('en-US'), b.churned.toLocaleString('en-US'), b.count === 0 ? '—' : rateText(b), lift(b.lift), bar(b.rate, 1, 25)]),
  ];
  const title = `Churn by band${report.models.length > 1 ? ` — ${m.model}` : ''} (base rate ${pct(report.baseRate.rate)}):`;
  return [title, ...table(rows, [false, true, true, true, true, false]).map((l) => `  ${l}`), `  ${sentence(m)}`].join('\n');
}

/** "red churns at 41.5%, green at 4.0%": the sentence a CS leader needs. */
function sentence(m: ModelBacktest): string {
  const shown = m.bands.filter((b) => b.count > 0);
  return shown.map((b, i) => `${b.band} ${i === 0 ? 'churns at ' : 'at '}${pct(b.rate)}`).join(', ') + '.';
}

function calibration(m: ModelBacktest, { report }: BacktestData, unit: string): string {
  const max = Math.max(...m.calibration.map((d) => d.high));
  const rows = [
    ['decile', 'scores', `${unit}s`, 'churn rate (95% CI)', ''],
    ...m.calibration.map((d) => [String(d.decile), `${formatValue(d.minScore)}–${formatValue(d.maxScore)}`, d.count.toLocaleString('en-US'), rateText(d), bar(d.rate, max, 30)]),
  ];
  const title = `Calibration${report.models.length > 1 ? ` — ${m.model}` : ''}: churn rate per score decile, lowest scores first (a useful score falls from top to bottom):`;
  return [title, ...table(rows, [true, false, true, true, false]).map((l) => `  ${l}`)].join('\n');
}

function misses(m: ModelBacktest, data: BacktestData, index: number, unit: string): string {
  const { band, churned, of, listed } = m.misses;
  const model = data.report.models.length > 1 ? ` — ${m.model}` : '';
  if (churned === 0) return `Misses${model}: no ${unit} in ${band}, the best band, churned.`;
  const lines = [`Misses${model}: ${churned.toLocaleString('en-US')} of ${of.toLocaleString('en-US')} ${unit}s in ${band}, the best band, churned anyway (${pct(churned / of)}).${listed.length < churned ? ` The ${listed.length} highest-scoring:` : ''}`];
  const plan = data.plans[index];
  for (const miss of listed) lines.push(...missLines(miss, plan));
  const id = listed.find((x) => x.result.id !== null)?.result.id;
  if (id != null) lines.push(`  Full drill-down: vitals score ${safeText(data.modelFiles[index] ?? '')} --data ${safeText(data.file)} --explain ${safeText(id)}`);
  return lines.join('\n');
}

function missLines({ row, line, result }: Miss, plan: Plan | undefined): string[] {
  const where = line === null ? `row ${row}` : `row ${row}, line ${line}`;
  const who = `${result.id === null ? where : safeText(result.id)}${result.as_of === null ? '' : ` as of ${result.as_of}`}`;
  const categories = Object.entries(result.categories).map(([key, c]) => `${key} ${formatValue(c.score)}`).join(' · ');
  const metrics = (plan?.metrics ?? []).map((p) => {
    const m = result.metrics[p.key];
    return m === undefined ? '' : `${p.key} ${m.missing && !m.imputed ? 'missing' : `${formatValue(m.value)} → ${formatValue(m.score)}`}`;
  });
  return [`  ${who}: ${formatValue(result.score)} ${result.band ?? ''}${result.id === null ? '' : ` (${where})`}`, `    categories: ${categories}`, `    metrics: ${metrics.filter(Boolean).join(' · ')}`];
}

function suggestion(s: SuggestionData, style: Style): string {
  const rows = [['', 'weight now', 'suggested'], ...s.changes.map((c) => [c.kind === 'metric' ? `  ${c.key}` : c.key, formatValue(c.current), String(c.suggested)])];
  return [
    style.bold('Suggested weights (--suggest)'),
    ...suggestionSummary(s).map((l) => `  ${l}`),
    ...table(rows, [false, true, true]).map((l) => `  ${l}`),
    '',
    safeLines(s.patch.trimEnd()),
  ].join('\n');
}

/** Columns padded to their widest cell; `right[i]` aligns column i to the right. */
export function table(rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (right[i] === true ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number))).join('  ').trimEnd());
}
