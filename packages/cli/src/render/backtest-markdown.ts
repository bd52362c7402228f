import type { ModelBacktest } from '@vitals/core';
import { auc, aucText, componentText, exclusions, intervalText, lift, outcomeText, pct, rateText, suggestionSummary, unitOf, type BacktestData } from './backtest-model.js';
import { formatValue } from './format-value.js';
import { md } from './report-markdown.js';
import { safeLines } from './safe-text.js';

/** `vitals backtest --format markdown`: for a pull request ("AUC 0.71 → 0.78") or a wiki page. */
export function renderBacktestMarkdown(data: BacktestData): string {
  const { report, file } = data;
  const unit = unitOf(report);
  const c = report.counts;
  const out = [
    `## Backtest: ${report.models.map((m) => md(m.title ?? m.model)).join(' → ')}`,
    '',
    `Data \`${md(file)}\`: ${c.rows} rows, ${c.observations} ${unit}s counted. Outcome ${md(outcomeText(report))}. Base rate ${rateText(report.baseRate)}.`,
    ...exclusions(report, unit).map((line) => `- ${md(line)}`),
    '',
    '### Discrimination (ROC AUC, low score = risk)',
    '',
    `| | ${report.models.map((m) => `\`${md(m.model)}\``).join(' | ')} |`,
    `| --- | ${report.models.map(() => '---').join(' | ')} |`,
    `| **overall score** | ${report.models.map((m) => `**${aucText(m.auc)}**`).join(' | ')} |`,
    ...componentRows(report.models),
    '',
    `Overall interval: ${md(intervalText(report.interval))}; categories and metrics alone: DeLong. Ties count half; 0.5 is a coin.`,
  ];
  if (report.comparison !== null) {
    const d = report.comparison.difference;
    const [a, b] = report.models as [ModelBacktest, ModelBacktest];
    out.push('', `**AUC ${auc(a.auc.auc)} → ${auc(b.auc.auc)}** (${d.value >= 0 ? '+' : ''}${auc(d.value)}, 95% CI ${auc(d.low)} to ${auc(d.high)}, paired).`);
    out.push('', `| ${md(a.model)} ↓ / ${md(b.model)} → | ${report.comparison.toBands.map(md).join(' | ')} |`, `| --- | ${report.comparison.toBands.map(() => '---:').join(' | ')} |`);
    report.comparison.fromBands.forEach((band, i) => out.push(`| ${md(band)} | ${(report.comparison?.transitions[i] ?? []).map((r) => (r.count === 0 ? '·' : `${r.count} (${pct(r.rate)})`)).join(' | ')} |`));
  }
  for (const m of report.models) {
    const title = report.models.length > 1 ? ` — \`${md(m.model)}\`` : '';
    out.push('', `### Churn by band${title}`, '', `| band | ${unit}s | churned | churn rate (95% CI) | lift |`, '| --- | ---: | ---: | ---: | ---: |');
    for (const b of m.bands) out.push(`| ${md(b.band)} | ${b.count} | ${b.churned} | ${b.count === 0 ? '—' : rateText(b)} | ${lift(b.lift)} |`);
    out.push('', `### Calibration by score decile${title}`, '', `| decile | scores | ${unit}s | churn rate (95% CI) |`, '| ---: | --- | ---: | ---: |');
    for (const d of m.calibration) out.push(`| ${d.decile} | ${formatValue(d.minScore)}–${formatValue(d.maxScore)} | ${d.count} | ${rateText(d)} |`);
    out.push('', `### Misses${title}`, '', `${m.misses.churned} of ${m.misses.of} ${unit}s in \`${md(m.misses.band)}\`, the best band, churned anyway.`);
    if (m.misses.listed.length > 0) {
      out.push('', `| ${unit} | score | categories |`, '| --- | ---: | --- |');
      for (const x of m.misses.listed) out.push(`| ${md(x.result.id ?? `row ${x.row}`)}${x.result.as_of === null ? '' : ` (${x.result.as_of})`} | ${formatValue(x.result.score)} | ${Object.entries(x.result.categories).map(([k, v]) => `${md(k)} ${formatValue(v.score)}`).join(', ')} |`);
    }
  }
  if (data.suggestion !== null) {
    const sug = data.suggestion;
    out.push('', '### Suggested weights', '', ...suggestionSummary(sug).map((l) => `- ${md(l)}`), '', '| | weight now | suggested |', '| --- | ---: | ---: |');
    for (const c of sug.changes) out.push(`| ${c.kind === 'metric' ? '&nbsp;&nbsp;' : ''}${md(c.key)} | ${formatValue(c.current)} | ${c.suggested} |`);
    const patch = safeLines(sug.patch.trimEnd());
    const fence = patch.includes('```') ? '````' : '```';
    out.push('', `${fence}diff`, patch, fence);
  }
  return `${out.join('\n')}\n`;
}

function componentRows(models: readonly ModelBacktest[]): string[] {
  const keys: { kind: string; key: string }[] = [];
  for (const m of models) for (const c of m.components) if (!keys.some((k) => k.kind === c.kind && k.key === c.key)) keys.push({ kind: c.kind, key: c.key });
  return keys.map(({ kind, key }) => {
    const cells = models.map((m) => {
      const c = m.components.find((x) => x.kind === kind && x.key === key);
      return c === undefined ? '' : componentText(c);
    });
    return `| ${kind === 'metric' ? '&nbsp;&nbsp;' : ''}${md(key)} (${kind}) | ${cells.join(' | ')} |`;
  });
}

