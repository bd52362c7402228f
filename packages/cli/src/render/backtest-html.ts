import type { ModelBacktest } from '@vitals/core';
import { auc, aucText, aucVerdict, componentText, exclusions, intervalText, lift, outcomeText, pct, rateText, unitOf, type BacktestData } from './backtest-model.js';
import { formatValue } from './format-value.js';
import { chartPage, esc } from './chart-page.js';

/**
 * `vitals backtest --html FILE`: one self-contained page (chart-page.ts): the churn rate per band
 * and per score decile as charts with their 95% intervals, and every table of the text output.
 */
export function renderBacktestHtml(data: BacktestData, chartJsSource: string): string {
  const { report, file } = data;
  const unit = unitOf(report);
  const charts = report.models.map((m) => ({
    model: m.model,
    bands: { labels: m.bands.map((b) => b.band), rates: m.bands.map((b) => b.rate * 100), intervals: m.bands.map((b) => [b.low * 100, b.high * 100]), colours: m.bands.map((b) => b.color ?? '#1565c0') },
    deciles: { labels: m.calibration.map((d) => `${d.decile}: ${formatValue(d.minScore)}–${formatValue(d.maxScore)}`), rates: m.calibration.map((d) => d.rate * 100), intervals: m.calibration.map((d) => [d.low * 100, d.high * 100]) },
  }));
  const title = `Backtest: ${report.models.map((m) => m.title ?? m.model).join(' → ')}`;
  const body = `<h1>${esc(title)}</h1>
<p class="meta">Data <code>${esc(file)}</code>: ${report.counts.rows} rows, ${report.counts.observations} ${unit}s counted. Outcome ${esc(outcomeText(report))}. Base rate ${esc(rateText(report.baseRate))}.</p>
${exclusions(report, unit).length === 0 ? '' : `<ul class="meta">${exclusions(report, unit).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`}
${report.models.map((m, i) => modelSection(m, i, data, unit)).join('\n')}
${comparison(data)}
`;
  return chartPage({ title: `${title} — vitals`, body, data: charts, chartJsSource, script: CHARTS_SCRIPT });
}

function modelSection(m: ModelBacktest, i: number, data: BacktestData, unit: string): string {
  const components = m.components.map((c) => `<tr><td>${c.kind === 'metric' ? '&nbsp;&nbsp;' : ''}${esc(c.key)}</td><td>${c.kind}</td><td>${esc(componentText(c))}</td><td class="n">${c.scored}</td></tr>`).join('\n');
  const bands = m.bands.map((b) => `<tr><td>${esc(b.band)}${b.title === null ? '' : ` (${esc(b.title)})`}</td><td class="n">${b.count}</td><td class="n">${b.churned}</td><td class="n">${b.count === 0 ? '—' : esc(rateText(b))}</td><td class="n">${lift(b.lift)}</td></tr>`).join('\n');
  const misses = m.misses.listed.map((x) => `<tr><td>${esc(x.result.id ?? `row ${x.row}`)}</td><td>${esc(x.result.as_of ?? '')}</td><td class="n">${formatValue(x.result.score)}</td><td>${esc(Object.entries(x.result.categories).map(([k, v]) => `${k} ${formatValue(v.score)}`).join(' · '))}</td></tr>`).join('\n');
  return `<h2>${esc(m.title ?? m.model)} <code>${esc(m.model)}</code></h2>
<p><span class="auc">AUC ${esc(aucText(m.auc))}</span> — ${esc(aucVerdict(m.auc))}. <span class="meta">Interval: ${esc(intervalText(data.report.interval))}.</span></p>
<div class="grid">
  <section><h2>Churn rate by band</h2><div class="chart"><canvas id="bands-${i}" aria-label="Churn rate per band with 95% intervals"></canvas></div></section>
  <section><h2>Churn rate by score decile</h2><div class="chart"><canvas id="deciles-${i}" aria-label="Churn rate per score decile with 95% intervals"></canvas></div></section>
</div>
<h2>Churn by band</h2>
<table><tr><th>band</th><th class="n">${unit}s</th><th class="n">churned</th><th class="n">churn rate (95% CI)</th><th class="n">lift</th></tr>
${bands}
</table>
<h2>Each category and metric alone (AUC, DeLong)</h2>
<table><tr><th>component</th><th>kind</th><th>AUC (95% CI)</th><th class="n">scored</th></tr>
${components}
</table>
<h2>Misses: ${m.misses.churned} of ${m.misses.of} in ${esc(m.misses.band)} churned anyway</h2>
${misses === '' ? '' : `<table><tr><th>${unit}</th><th>as of</th><th class="n">score</th><th>categories</th></tr>\n${misses}\n</table>`}`;
}

function comparison({ report }: BacktestData): string {
  if (report.comparison === null) return '';
  const [a, b] = report.models as [ModelBacktest, ModelBacktest];
  const d = report.comparison.difference;
  const rows = report.comparison.fromBands.map((band, i) => `<tr><th>${esc(band)}</th>${(report.comparison?.transitions[i] ?? []).map((r) => `<td class="n">${r.count === 0 ? '·' : `${r.count} (${pct(r.rate)})`}</td>`).join('')}</tr>`);
  return `<h2>Compared: ${esc(a.model)} → ${esc(b.model)}</h2>
<p class="auc">AUC ${auc(a.auc.auc)} → ${auc(b.auc.auc)} (${d.value >= 0 ? '+' : ''}${auc(d.value)}, 95% CI ${auc(d.low)} to ${auc(d.high)}, paired)</p>
<table><tr><th></th>${report.comparison.toBands.map((x) => `<th class="n">→ ${esc(x)}</th>`).join('')}</tr>
${rows.join('\n')}
</table>`;
}

const CHARTS_SCRIPT = `
const models = JSON.parse(document.getElementById('vitals-data').textContent);
const common = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } };
const scales = { y: { beginAtZero: true, title: { display: true, text: 'churn rate (%)' } } };
models.forEach((m, i) => {
  new Chart(document.getElementById('bands-' + i), { type: 'bar', data: { labels: m.bands.labels, datasets: [
    { type: 'bar', data: m.bands.intervals, backgroundColor: 'rgba(0,0,0,0.15)', barPercentage: 0.25, label: '95% interval' },
    { type: 'bar', data: m.bands.rates, backgroundColor: m.bands.colours, label: 'churn rate' } ] }, options: { ...common, scales: { ...scales, x: { stacked: false } } } });
  new Chart(document.getElementById('deciles-' + i), { type: 'bar', data: { labels: m.deciles.labels, datasets: [
    { type: 'bar', data: m.deciles.intervals, backgroundColor: 'rgba(0,0,0,0.15)', barPercentage: 0.25, label: '95% interval' },
    { type: 'line', data: m.deciles.rates, borderColor: '#c62828', backgroundColor: '#c62828', label: 'churn rate' } ] }, options: { ...common, scales: { ...scales, x: { title: { display: true, text: 'score decile (lowest first)' } } } } });
});
`;
