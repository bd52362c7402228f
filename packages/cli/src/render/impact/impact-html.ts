import { chartPage, esc } from '../chart-page.js';
import { binLabel } from '../report-model.js';
import type { ImpactReport } from './impact-report.js';
import { impactView, type ViewSection, type ViewTable } from './impact-view.js';

/** `diff --html FILE` / `simulate --html FILE`: the report as one self-contained page, with both distributions charted. */
export function renderImpactHtml(report: ImpactReport, chartJsSource: string): string {
  const view = impactView(report);
  const { base, head } = report.impact.data.distribution;
  const names = head.bands.map((b) => b.name);
  const chartData = {
    bands: { labels: names, before: names.map((n) => base.bands.find((b) => b.name === n)?.count ?? 0), after: head.bands.map((b) => b.count) },
    histogram: { labels: base.histogram.map((b) => binLabel(b)), before: base.histogram.map((b) => b.count), after: head.histogram.map((b) => b.count) },
    unit: `${report.impact.data.unit}s`,
  };
  const body = `<h1>${inline(view.title)}</h1>
${view.header.map((line) => `<p class="meta">${inline(line)}</p>`).join('\n')}
<p class="summary">${inline(view.summary)}</p>
<div class="grid">
  <section><h2>Bands before and after</h2><div class="chart"><canvas id="bands" aria-label="Accounts per band, before and after"></canvas></div></section>
  <section><h2>Overall score before and after</h2><div class="chart"><canvas id="histogram" aria-label="Histograms of the overall score, before and after"></canvas></div></section>
</div>
${view.sections.map(section).join('\n')}`;
  return chartPage({ title: `${view.title.replace(/`/g, '')} — vitals`, body, data: chartData, chartJsSource, script: CHARTS_SCRIPT });
}

function section(s: ViewSection): string {
  const parts = [`<section id="${esc(s.id)}"><h2>${inline(s.title)}</h2>`, ...s.notes.map((note) => `<p>${inline(note)}</p>`)];
  if (s.table !== undefined) parts.push(table(s.table));
  if (s.block !== undefined) parts.push(`<pre>${esc(s.block.text)}</pre>`);
  return `${parts.join('\n')}</section>`;
}

function table(t: ViewTable): string {
  const cell = (tag: 'th' | 'td', text: string, numeric: boolean | undefined) => `<${tag}${numeric === true ? ' class="n"' : ''}>${inline(text)}</${tag}>`;
  const head = `<tr>${t.columns.map((c) => cell('th', c.label, c.numeric)).join('')}</tr>`;
  const rows = t.rows.map((row) => `<tr>${row.map((text, i) => cell('td', text, t.columns[i]?.numeric)).join('')}</tr>`);
  return `<table>\n${[head, ...rows].join('\n')}\n</table>`;
}

/** View text in HTML: everything escaped, code spans as `<code>`. */
function inline(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${esc(part)}</code>` : esc(part)))
    .join('');
}

const CHARTS_SCRIPT = `
const data = JSON.parse(document.getElementById('vitals-data').textContent);
const options = { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, title: { display: true, text: data.unit } } } };
const pair = (labels, before, after) => ({ labels, datasets: [{ label: 'before', data: before, backgroundColor: '#9e9e9e' }, { label: 'after', data: after, backgroundColor: '#1565c0' }] });
new Chart(document.getElementById('bands'), { type: 'bar', data: pair(data.bands.labels, data.bands.before, data.bands.after), options });
new Chart(document.getElementById('histogram'), { type: 'bar', data: pair(data.histogram.labels, data.histogram.before, data.histogram.after), options });
`;
