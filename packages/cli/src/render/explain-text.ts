import { roundTo, type MetricChange, type NextBand, type Plan, type ScoreResult } from '@vitals/core';
import type { Explanation } from './explain-document.js';
import { plural } from './check-report.js';
import { formatShare, formatValue } from './format-value.js';
import { quoted, safeText } from './safe-text.js';
import { scoreStory } from './score-story.js';
import { PLAIN, type Style } from './style.js';

/** The drill-down for one account, for a CSM reading a terminal. Text from the model and the data goes through `safeText`. */
export function renderExplainText(e: Explanation, plan: Plan, style: Style = PLAIN): string {
  const r = e.result;
  const sections = [
    headline(e, plan, style),
    ...(e.history.length > 1 ? [history(e)] : []),
    ...(r.status === 'invalid' ? [issues(r)] : [metricTable(r, plan), ...story(r, plan), ...lifecycle(r), playbooks(r, style), nextBandText(e.next_band, plan, style)]),
  ];
  return `${sections.join('\n\n')}\n`;
}

function headline(e: Explanation, plan: Plan, style: Style): string {
  const r = e.result;
  const where = e.line === null ? `row ${e.row}` : `row ${e.row}, line ${e.line}`;
  const first = `${style.bold(`Account ${safeText(e.account)}`)}${r.as_of === null ? '' : ` as of ${r.as_of}`} — ${safeText(plan.title ?? plan.model)} (${safeText(e.file)} ${where})`;
  if (r.status === 'invalid') return `${first}\n${style.error('This snapshot is invalid and was not scored.')}`;
  if (r.status === 'unscored') return `${first}\nNot scored: ${r.reason ?? 'unknown'} (coverage ${formatShare(r.coverage)}; missing inputs: ${r.missing_inputs.join(', ') || 'none'})`;
  const band = plan.bands.titles[plan.bands.names.indexOf(r.band ?? '')];
  const parts = [`Score ${style.bold(formatValue(r.score))} — ${style.bold(r.band ?? '—')}${band ? ` (${safeText(band)})` : ''}`, `coverage ${formatShare(r.coverage)}`];
  if (r.stage !== null) parts.push(`stage ${safeText(r.stage)}${r.segment === null ? '' : `, segment ${safeText(r.segment)}`}`);
  if (r.benchmark !== null) parts.push(`benchmark ${formatValue(r.benchmark)}, gap ${formatValue(r.gap)}${(r.gap ?? 0) < 0 ? ' (below)' : ''}`);
  if (r.change?.score !== null && r.change !== null) parts.push(`change ${r.change.score >= 0 ? '+' : ''}${formatValue(r.change.score)} since ${r.change.previous_as_of}`);
  return `${first}\n${parts.join(' · ')}`;
}

function history(e: Explanation): string {
  const steps = e.history.map((h) => `${h.as_of ?? `row ${h.row}`} ${h.status === 'scored' ? `${formatValue(h.score)} ${h.band}` : h.status}`);
  return `History (${e.history.length} snapshots): ${steps.join(' → ')}`;
}

function issues(r: ScoreResult): string {
  return ['Problems with the record:', ...r.issues.map((i) => `  ${i.field}: ${safeText(i.message)}${i.value === undefined ? '' : ` (got ${quoted(i.value)})`} [${i.code}]`)].join('\n');
}

function metricTable(r: ScoreResult, plan: Plan): string {
  const rows: string[][] = [['metric', 'value', 'score', 'band', 'weight', 'contribution']];
  for (const category of plan.categories) {
    const c = r.categories[category.key];
    rows.push([safeText(category.title ?? category.key), '', formatValue(c?.score), c?.band ?? '', formatShare(c?.weight ?? 0), formatValue(c?.contribution)]);
    for (const key of category.metrics) {
      const m = r.metrics[key];
      if (m === undefined) continue;
      const value = m.missing ? (m.imputed ? 'missing (imputed)' : 'missing') : formatValue(m.value);
      rows.push([`  ${key}`, value, formatValue(m.score), m.band ?? '', formatShare(m.weight), formatValue(m.contribution)]);
    }
  }
  return table(rows, [false, true, true, false, true, true]);
}

function story(r: ScoreResult, plan: Plan): string[] {
  const lines = scoreStory(r, plan);
  return lines.length === 0 ? [] : [lines.join('\n')];
}

function lifecycle(r: ScoreResult): string[] {
  const lines: string[] = [];
  if (r.pulse !== null) {
    const p = r.pulse;
    const age = p.age_days === null ? 'undated' : `${plural(p.age_days, 'day')} old (shelf life ${p.shelf_life_days})`;
    const score = p.stale ? `stale: scored ${formatValue(p.score)} instead of ${formatValue(p.raw_score)}` : `scored ${formatValue(p.score)}`;
    lines.push(`Pulse: ${safeText(p.title ?? p.value)} recorded ${p.recorded_at ?? '—'}, ${age}; ${score}`);
  }
  if (r.override !== null) {
    const o = r.override;
    const sets = [o.score === null ? '' : `score ${formatValue(o.score)}`, o.band === null ? '' : `band ${safeText(o.band)}`].filter(Boolean).join(', ');
    const effect = o.status === 'active' ? `${sets || 'nothing'} replace the computed ${formatValue(o.computed_score)} ${o.computed_band ?? ''}`.trimEnd() : `${sets || 'nothing'}, not applied; computed ${formatValue(o.computed_score)} ${o.computed_band ?? ''} stands`.trimEnd();
    lines.push(`Override (${o.status}): ${effect}; reason ${quoted(o.reason ?? '')}; set ${o.set_at ?? '—'}, expires ${o.expires_at ?? 'never'}`);
  }
  if (r.below_benchmark.length > 0) lines.push(`Below the benchmark: ${r.below_benchmark.join(', ')} (metrics scoring under ${formatValue(r.benchmark)}, the costliest first)`);
  return lines.length === 0 ? [] : [lines.join('\n')];
}

function playbooks(r: ScoreResult, style: Style): string {
  if (r.playbooks.length === 0) return 'Playbooks: none fired.';
  const lines = ['Playbooks fired:'];
  for (const p of r.playbooks) {
    const owner = p.owner === null ? '' : `, ${safeText(p.owner)}`;
    lines.push(`  ${style.bold(safeText(p.title ?? p.key))} [${p.priority}${owner}]: ${safeText(p.action)}`);
    if (p.why.length > 0) lines.push(`    because ${p.why.map((w) => `${safeText(w.ref)} = ${formatValue(w.value)}`).join(', ')}`);
  }
  return lines.join('\n');
}

/** The what-if: the value each metric would need to reach the next band, the smallest move first. */
export function nextBandText(n: NextBand, plan: Plan, style: Style = PLAIN): string {
  if (n.blocked === 'top-band') return `Next band: ${n.band} is the top band.`;
  if (n.blocked === 'override') return 'Next band: an active override sets this account\'s band, so no metric moves it.';
  if (n.blocked === 'not-scored') return 'Next band: the account has no score to move.';
  const next = n.next_band ?? '';
  const hysteresis = plan.hysteresis > 0 ? `, ${formatValue(roundTo((n.threshold ?? 0) + plan.hysteresis, plan.precision))} to change band (hysteresis ${formatValue(plan.hysteresis)})` : '';
  const head = `What would move it to ${style.bold(next)}? At ${formatValue(n.score)}; ${next} starts at ${formatValue(n.threshold)}${hysteresis}. One metric at a time, all else equal:`;
  const rows = n.metrics.map((m) => changeRow(m, n, plan));
  const reachable = n.metrics.some((m) => m.outcome === 'reachable');
  const foot = reachable ? [] : ['', 'No single metric can do it alone; several must improve together.'];
  return [head, table(rows, [false, false, false]), ...foot].join('\n');
}

function changeRow(m: MetricChange, n: NextBand, plan: Plan): string[] {
  const name = `  ${m.metric}`;
  const now = `now ${formatValue(m.value)}`;
  if (m.outcome === 'reachable' && m.needed !== null) {
    const level = m.pulse_level === undefined ? '' : ` (a pulse of ${safeText(m.pulse_level.title ?? m.pulse_level.value)} or better)`;
    return [name, `${now} → needs ${m.needed.op} ${formatValue(m.needed.value)}${level}`, `score ${formatValue(m.metric_score)}, overall ${formatValue(m.overall_score)} ${n.next_band ?? ''}`];
  }
  if (m.outcome === 'unreachable') return [name, `${now} → cannot reach ${n.next_band ?? ''} alone`, `at best overall ${formatValue(m.overall_score)}`];
  const metric = plan.metrics.find((x) => x.key === m.metric);
  return [name, now, `not searched (${metric?.score.method === 'expr' ? 'scored by an expression' : 'a date'})`];
}

function table(rows: readonly string[][], rightAligned: readonly boolean[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, i) => (rightAligned[i] === true ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}
