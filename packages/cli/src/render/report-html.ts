import { DOMINANT_BAND_SHARE } from '@vitals/core';
import { chartPage, esc } from './chart-page.js';
import { bookTables, movementTables, type ReportTable } from './report-book.js';
import { binLabel, dominantBandWarning, overridesLine, percent, pulsesLine, statsLine, type ReportData } from './report-model.js';

const FALLBACK_COLOURS = ['#c62828', '#f9a825', '#2e7d32', '#1565c0', '#6a1b9a', '#00838f', '#5d4037', '#455a64'];

/** `vitals report --html FILE`: the report's charts and tables on one self-contained page (see chart-page.ts). */
export function renderReportHtml(data: ReportData, chartJsSource: string): string {
  const { plan, summary, counts, file } = data;
  const [actOn, ...book] = bookTables(data, Infinity);
  const colours = plan.bands.names.map((_, i) => plan.bands.colors[i] ?? FALLBACK_COLOURS[i % FALLBACK_COLOURS.length] as string);
  const chartData = {
    histogram: { labels: summary.histogram.map((b) => binLabel(b)), counts: summary.histogram.map((b) => b.count), colours: summary.histogram.map((b) => colours[plan.bands.names.indexOf(b.band)] as string) },
    bands: { labels: summary.bands.map((b) => b.title ?? b.name), counts: summary.bands.map((b) => b.count), colours },
    categories: { labels: summary.categories.map((c) => c.title ?? c.key), means: summary.categories.map((c) => (c.mean === null ? null : Number(c.mean.toFixed(2)))), colours: summary.categories.map((c) => (c.mean === null ? '#9e9e9e' : (colours[bandIndex(plan.categories.find((k) => k.key === c.key)?.bands.thresholds ?? plan.bands.thresholds, c.mean)] as string))) },
    playbooks: { labels: summary.playbooks.map((p) => p.title ?? p.key), counts: summary.playbooks.map((p) => p.fired) },
    scale: plan.scale,
    trend: data.movement === null ? null : { labels: data.movement.trend.map((t) => t.as_of), series: plan.bands.names.map((name, i) => ({ name, colour: colours[i], counts: data.movement?.trend.map((t) => t.bands[name] ?? 0) ?? [] })) },
    unit: `${data.unit}s`,
  };
  const warning = dominantBandWarning(summary, DOMINANT_BAND_SHARE, data.unit);
  const s = summary.stats;
  const body = `<h1>${esc(plan.title ?? plan.model)}</h1>
<p class="meta">Model <code>${esc(plan.model)}</code> (${esc(plan.hash.slice(0, 19))}…) on <code>${esc(file)}</code>: ${counts.rows} rows, ${counts.scored} scored, ${counts.unscored} unscored, ${counts.invalid} invalid.</p>
${warning === undefined ? '' : `<p class="warning"><strong>Warning:</strong> ${esc(warning)}</p>`}
${actOn === undefined ? '' : tableHtml(actOn)}
<div class="grid">
  <section><h2>Overall score</h2><div class="chart"><canvas id="histogram" aria-label="Histogram of the overall score"></canvas></div>
  ${s === null ? '<p>No account was scored.</p>' : `<p class="meta">${statsLine(s, plan.precision, ', ')}.</p>`}</section>
  <section><h2>Bands</h2><div class="chart"><canvas id="bands" aria-label="Accounts per band"></canvas></div></section>
  <section><h2>Category averages</h2><div class="chart"><canvas id="categories" aria-label="Mean score per category"></canvas></div></section>
  ${summary.playbooks.length === 0 ? '' : '<section><h2>Playbooks fired</h2><div class="chart"><canvas id="playbooks" aria-label="Rows on which each playbook fired"></canvas></div></section>'}
</div>
<h2>Band shares</h2>
<table><tr><th>band</th><th class="n">${data.unit}s</th><th class="n">share</th></tr>
${summary.bands.map((b) => `<tr><td>${esc(b.name)}${b.title === null ? '' : ` (${esc(b.title)})`}</td><td class="n">${b.count.toLocaleString('en-US')}</td><td class="n">${percent(b.share)}</td></tr>`).join('\n')}
</table>
${book.map(tableHtml).join('\n')}
${data.movement === null ? '' : '<section><h2>Accounts per band over time</h2><div class="chart"><canvas id="trend" aria-label="Accounts per band as of each date"></canvas></div></section>'}
${movementTables(data).map(tableHtml).join('\n')}
${benchmarkTable(data)}
${lifecycle(data)}
`;
  return chartPage({ title: `${plan.title ?? plan.model} — vitals report`, body, data: chartData, chartJsSource, script: CHARTS_SCRIPT });
}

/** A book table; long cells (playbook titles) wrap, the full text is in the cell itself. */
function tableHtml(table: ReportTable): string {
  const head = table.head.map((h, i) => `<th${table.numeric[i] === true ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${row.map((cell, i) => `<td${table.numeric[i] === true ? ' class="n"' : ''}>${esc(cell)}</td>`).join('')}</tr>`);
  return `<h2>${esc(table.title)}</h2>\n${table.note === null ? '' : `<p class="meta">${esc(table.note)}</p>\n`}${rows.length === 0 ? '' : `<table class="book"><tr>${head}</tr>\n${rows.join('\n')}\n</table>`}`;
}

function benchmarkTable({ summary }: ReportData): string {
  if (summary.belowBenchmark.length === 0) return '';
  const rows = summary.belowBenchmark.map((g) => `<tr><td>${esc(g.stage)}</td><td>${esc(g.segment ?? '(any)')}</td><td class="n">${g.below}</td><td class="n">${g.of}</td><td class="n">${percent(g.of > 0 ? g.below / g.of : 0)}</td></tr>`);
  return `<h2>Below their stage benchmark</h2>\n<table><tr><th>stage</th><th>segment</th><th class="n">below</th><th class="n">of</th><th class="n">share</th></tr>\n${rows.join('\n')}\n</table>`;
}

function lifecycle({ plan, summary }: ReportData): string {
  const parts: string[] = [];
  if (plan.pulse !== null) parts.push(`${esc(pulsesLine(summary.pulses))}.`);
  if (plan.overrides !== null) parts.push(`${esc(overridesLine(summary.overrides))}.`);
  return parts.length === 0 ? '' : `<p class="meta">${parts.join(' ')}</p>`;
}

function bandIndex(thresholds: readonly number[], score: number): number {
  const i = thresholds.findIndex((t) => score < t);
  return i < 0 ? thresholds.length : i;
}

const CHARTS_SCRIPT = `
const data = JSON.parse(document.getElementById('vitals-data').textContent);
const common = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } };
new Chart(document.getElementById('histogram'), { type: 'bar', data: { labels: data.histogram.labels, datasets: [{ data: data.histogram.counts, backgroundColor: data.histogram.colours, categoryPercentage: 1, barPercentage: 0.95 }] }, options: { ...common, scales: { x: { title: { display: true, text: 'overall score' } }, y: { beginAtZero: true, title: { display: true, text: data.unit } } } } });
new Chart(document.getElementById('bands'), { type: 'doughnut', data: { labels: data.bands.labels, datasets: [{ data: data.bands.counts, backgroundColor: data.bands.colours }] }, options: { ...common, plugins: { legend: { display: true, position: 'right' } } } });
const short = (label) => (label.length > 28 ? label.slice(0, 27) + '…' : label);
const fullTitle = { callbacks: { title: (items) => items[0].label } };
new Chart(document.getElementById('categories'), { type: 'bar', data: { labels: data.categories.labels, datasets: [{ data: data.categories.means, backgroundColor: data.categories.colours }] }, options: { ...common, plugins: { ...common.plugins, tooltip: fullTitle }, indexAxis: 'y', scales: { x: { min: data.scale.min, max: data.scale.max }, y: { ticks: { callback: function (v) { return short(this.getLabelForValue(v)); } } } } } });
const trend = document.getElementById('trend');
if (trend) new Chart(trend, { type: 'line', data: { labels: data.trend.labels, datasets: data.trend.series.map((s) => ({ label: s.name, data: s.counts, borderColor: s.colour, backgroundColor: s.colour, tension: 0 })) }, options: { ...common, plugins: { legend: { display: true, position: 'top' } }, scales: { y: { beginAtZero: true, title: { display: true, text: 'accounts' } } } } });
const playbooks = document.getElementById('playbooks');
if (playbooks) new Chart(playbooks, { type: 'bar', data: { labels: data.playbooks.labels, datasets: [{ data: data.playbooks.counts, backgroundColor: '#6a1b9a' }] }, options: { ...common, plugins: { ...common.plugins, tooltip: fullTitle }, indexAxis: 'y', scales: { x: { beginAtZero: true }, y: { ticks: { callback: function (v) { return short(this.getLabelForValue(v)); } } } } } });
`;
