import { DOMINANT_BAND_SHARE } from '@vitals/core';
import { bar } from './bars.js';
import { bookTables, movementTables, type ReportTable } from './report-book.js';
import { binLabel, dominantBandWarning, mean, overridesLine, percent, pulsesLine, statsLine, type ReportData } from './report-model.js';
import { safeText } from './safe-text.js';

/** `vitals report --format markdown`: the same report for a pull request or a wiki page. */
export function renderReportMarkdown(data: ReportData): string {
  const { plan, summary, counts, file } = data;
  const out: string[] = [`## ${md(plan.title ?? plan.model)}`, '', `Model \`${plan.model}\` on \`${md(file)}\`: ${counts.rows} rows, ${counts.scored} scored, ${counts.unscored} unscored, ${counts.invalid} invalid.`];
  const warning = dominantBandWarning(summary, DOMINANT_BAND_SHARE, data.unit);
  if (warning !== undefined) out.push('', `> **Warning:** ${md(warning)}`);
  const [actOn, ...rest] = bookTables(data);
  if (actOn !== undefined) out.push('', ...tableMarkdown(actOn));
  out.push('', '### Bands', '', `| band | ${data.unit}s | share |`, '| --- | ---: | ---: |');
  for (const b of summary.bands) out.push(`| ${md(b.name)}${b.title === null ? '' : ` (${md(b.title)})`} | ${b.count.toLocaleString('en-US')} | ${percent(b.share)} |`);
  for (const table of [...rest, ...movementTables(data)]) out.push('', ...tableMarkdown(table));
  if (summary.stats !== null) {
    const max = Math.max(...summary.histogram.map((b) => b.count));
    const bandWidth = Math.max(...summary.histogram.map((b) => b.band.length));
    out.push('', '### Overall score', '', '```text', ...summary.histogram.map((b) => `${binLabel(b).padStart(11)} ${b.band.padEnd(bandWidth)} │${bar(b.count, max, 40).padEnd(40)} ${b.count.toLocaleString('en-US')}`), '```');
    out.push('', `${statsLine(summary.stats, plan.precision, ', ')}.`);
  }
  out.push('', '### Category averages', '', `| category | mean | ${data.unit}s |`, '| --- | ---: | ---: |');
  for (const c of summary.categories) out.push(`| ${md(c.title ?? c.key)} | ${mean(c.mean, plan.precision)} | ${c.scored} |`);
  if (summary.belowBenchmark.length > 0) {
    out.push('', '### Below their stage benchmark', '', '| stage | segment | below | of | share |', '| --- | --- | ---: | ---: | ---: |');
    for (const g of summary.belowBenchmark) out.push(`| ${md(g.stage)} | ${md(g.segment ?? '(any)')} | ${g.below} | ${g.of} | ${percent(g.of > 0 ? g.below / g.of : 0)} |`);
  }
  if (plan.pulse !== null) out.push('', `${pulsesLine(summary.pulses)}.`);
  if (plan.overrides !== null) out.push('', `${overridesLine(summary.overrides)}.`);
  if (summary.playbooks.length > 0) {
    out.push('', '### Playbooks fired', '', `| playbook | ${data.unit}s |`, '| --- | ---: |');
    for (const p of [...summary.playbooks].sort((a, b) => b.fired - a.fired)) out.push(`| ${md(p.title ?? p.key)} (\`${p.key}\`) | ${p.fired} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Text from a model or a file name, safe inside Markdown table cells and headings (and, through `safeText`, in a terminal or a CI log). */
export function md(text: string): string {
  return safeText(text).replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

function tableMarkdown(table: ReportTable): string[] {
  const out = [`### ${table.title}`, ''];
  if (table.note !== null) out.push(md(table.note), '');
  if (table.rows.length > 0) {
    out.push(`| ${table.head.map(md).join(' | ')} |`, `| ${table.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`);
    for (const row of table.rows) out.push(`| ${row.map(md).join(' | ')} |`);
  }
  if (table.more > 0) out.push('', `… and ${table.more.toLocaleString('en-US')} more (\`--format json\` or \`--html\` lists all).`);
  return out;
}
