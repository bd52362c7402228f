import { DOMINANT_BAND_SHARE } from '@vitals/core';
import { bar } from './bars.js';
import { plural } from './check-report.js';
import { bookTables, movementTables, type ReportTable } from './report-book.js';
import { binLabel, dominantBandWarning, mean, overridesLine, percent, pulsesLine, statsLine, type ReportData } from './report-model.js';
import { safeText } from './safe-text.js';
import { PLAIN, type Style } from './style.js';

/** `vitals report` for a terminal: what a team looks at before rolling a model out. Text from the model and the data goes through `safeText`. */
export function renderReportText(data: ReportData, style: Style = PLAIN): string {
  const [actOn, ...book] = bookTables(data).map(tableText);
  const sections = [header(data, style), actOn ?? '', histogram(data), bands(data, style), ...book, ...movementTables(data).map(tableText), categories(data), benchmarks(data), lifecycle(data), playbooks(data)];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function header({ file, plan, counts, summary, unit }: ReportData, style: Style): string {
  const parts = [`${counts.scored.toLocaleString('en-US')} scored`];
  if (counts.unscored > 0) parts.push(`${counts.unscored.toLocaleString('en-US')} unscored`);
  if (counts.invalid > 0) parts.push(`${counts.invalid.toLocaleString('en-US')} invalid`);
  const lines = [`${style.bold(safeText(plan.title ?? plan.model))} (${plan.model}) on ${safeText(file)}`, `${plural(counts.rows, 'row')}: ${parts.join(', ')}`];
  if (unit === 'snapshot') lines.push('The distribution counts every snapshot (--all-snapshots); the lists are of each account\'s latest.');
  else if (summary.count < counts.rows - counts.invalid) lines.push(`Each account is counted once, at its latest snapshot: ${plural(summary.count, 'account')}, ${summary.scored.toLocaleString('en-US')} scored (--all-snapshots counts every snapshot).`);
  const reasons = Object.entries(summary.unscoredReasons).map(([reason, n]) => `${reason} ${n.toLocaleString('en-US')}`);
  if (reasons.length > 0) lines.push(`Unscored: ${reasons.join(', ')}.`);
  return lines.join('\n');
}

function histogram({ plan, summary, unit }: ReportData): string {
  if (summary.stats === null) return 'No account was scored, so there is no distribution to show.';
  const max = Math.max(...summary.histogram.map((b) => b.count));
  const labels = summary.histogram.map((b) => binLabel(b));
  const width = Math.max(...labels.map((l) => l.length));
  const bandWidth = Math.max(...summary.histogram.map((b) => b.band.length));
  const lines = summary.histogram.map((b, i) => `  ${(labels[i] as string).padStart(width)} ${b.band.padEnd(bandWidth)} │${bar(b.count, max, 40).padEnd(40)} ${b.count.toLocaleString('en-US')}`);
  const stats = `  ${statsLine(summary.stats, plan.precision)}`;
  return [`Overall score (${plan.scale.min}–${plan.scale.max}), ${plural(summary.scored, `scored ${unit}`)}:`, ...lines, stats].join('\n');
}

function bands({ summary, unit }: ReportData, style: Style): string {
  if (summary.scored === 0) return '';
  const labels = summary.bands.map((b) => `${b.name}${b.title === null ? '' : ` (${safeText(b.title)})`}`);
  const width = Math.max(...labels.map((label) => label.length));
  const lines = summary.bands.map((b, i) => `  ${(labels[i] as string).padEnd(width)} ${bar(b.share, 1, 30).padEnd(30)} ${b.count.toLocaleString('en-US').padStart(7)}  ${percent(b.share).padStart(6)}`);
  const warning = dominantBandWarning(summary, DOMINANT_BAND_SHARE, unit);
  return [`Bands (share of scored ${unit}s):`, ...lines, ...(warning === undefined ? [] : ['', style.warning(`⚠ ${warning}`)])].join('\n');
}

function categories({ plan, summary, unit }: ReportData): string {
  const labels = summary.categories.map((c) => safeText(c.title ?? c.key));
  const width = Math.max(...labels.map((label) => label.length));
  const lines = summary.categories.map((c, i) => `  ${(labels[i] as string).padEnd(width)}  ${mean(c.mean, plan.precision).padStart(7)}  (${plural(c.scored, unit)})`);
  return ['Category averages:', ...lines].join('\n');
}

function benchmarks({ summary, plan }: ReportData): string {
  if (plan.benchmarks.length === 0) return '';
  if (summary.belowBenchmark.length === 0) return 'Below their stage benchmark: no scored account has a benchmark for its stage.';
  const rows = [['stage', 'segment', 'below', 'of', 'share'], ...summary.belowBenchmark.map((g) => [safeText(g.stage), safeText(g.segment ?? '(any)'), String(g.below), String(g.of), percent(g.of > 0 ? g.below / g.of : 0)])];
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  return ['Below their stage benchmark:', ...rows.map((r) => `  ${r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number))).join('  ')}`)].join('\n');
}

function lifecycle({ plan, summary }: ReportData): string {
  const lines: string[] = [];
  if (plan.pulse !== null) lines.push(pulsesLine(summary.pulses));
  if (plan.overrides !== null) lines.push(overridesLine(summary.overrides));
  return lines.join('\n');
}

function playbooks({ summary, unit }: ReportData): string {
  if (summary.playbooks.length === 0) return '';
  const width = Math.max(...summary.playbooks.map((p) => p.key.length));
  const lines = [...summary.playbooks].sort((a, b) => b.fired - a.fired).map((p) => `  ${p.key.padEnd(width)}  ${String(p.fired).padStart(7)}  ${safeText(p.title ?? '')}`.trimEnd());
  return [`Playbooks fired (${unit}s):`, ...lines].join('\n');
}

/** A book table, aligned; every cell made safe for a terminal. */
export function tableText(table: ReportTable): string {
  const rows = [table.head, ...table.rows].map((row) => row.map((cell) => safeText(cell)));
  const widths = table.head.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) => `  ${row.map((cell, i) => (table.numeric[i] === true ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd();
  const body = table.rows.length === 0 ? [] : rows.map(line);
  const more = table.more > 0 ? [`  … and ${plural(table.more, 'more account')} (--format json or --html lists all)`] : [];
  return [`${table.title}:`, ...(table.note === null ? [] : [`  ${safeText(table.note)}`]), ...body, ...more].join('\n');
}
