import type { AccountRef, Plan } from '@vitals/core';
import { plural } from '../check-report.js';
import { safeText } from '../safe-text.js';
import { changeSections, patchSection } from './change-sections.js';
import { dataSections } from './data-sections.js';
import { outcomeSections, outcomeSummary } from './outcome-section.js';
import type { ImpactReport } from './impact-report.js';

/**
 * The impact report as sections of sentences and tables, laid out by the text, Markdown and HTML
 * renderers alike. Strings mark code with backticks (`seat_utilisation`); every value from a model
 * or a data file goes through `code()` or `plain()`, which make it safe (`safeText`) and take
 * backticks out, so a title or an account id cannot end a code span or bend the layout.
 */
export interface ImpactView {
  readonly title: string;
  /** Where the models and the data came from, one line each. */
  readonly header: readonly string[];
  /** The one line a reviewer reads first. */
  readonly summary: string;
  readonly sections: readonly ViewSection[];
}

export interface ViewSection {
  readonly id: string;
  readonly title: string;
  /** Shown at once (in Markdown, outside a `<details>` block). */
  readonly open: boolean;
  readonly notes: readonly string[];
  readonly table?: ViewTable;
  readonly block?: { readonly language: 'text' | 'diff'; readonly text: string };
}

export interface ViewTable {
  readonly columns: readonly { readonly label: string; readonly numeric?: boolean }[];
  readonly rows: readonly (readonly string[])[];
}

export function impactView(report: ImpactReport): ImpactView {
  const { plan } = report.head;
  const verb = report.command === 'diff' ? 'diff' : 'simulate';
  return {
    title: `vitals ${verb}: ${plain(plan.title ?? plan.model)}`,
    header: header(report),
    summary: summary(report),
    // Without a change of meaning every score is the same: the data sections would only repeat it.
    sections: [...changeSections(report), ...outcomeSections(report), ...(report.impact.change.unchanged ? [] : dataSections(report)), ...patchSection(report)],
  };
}

function header({ base, head, data, impact }: ImpactReport): string[] {
  const unit = impact.data.unit;
  return [
    `base: ${code(base.label)} (${impact.change.base.hash.slice(0, 15)}…)`,
    `head: ${code(head.label)} (${impact.change.head.hash.slice(0, 15)}…)`,
    `data: ${code(data.file)}, ${plural(data.counts.rows, 'row')}, ${plural(impact.data.compared, unit)} compared${unit === 'account' && impact.data.records > impact.data.compared ? ' (each at its latest snapshot)' : ''}`,
  ];
}

function summary(report: ImpactReport): string {
  const { change, data } = report.impact;
  if (change.unchanged) return 'No change in meaning (comments, layout or the way a formula is written at most): every score stays as it is.';
  const parts = [`${plural(change.changes.length, 'model change')}`];
  const unit = data.unit;
  const bands = data.band_changes;
  parts.push(`${bands.changed.toLocaleString('en-US')} of ${plural(data.score_changes.both_scored, unit)} scored by both ${bands.changed === 1 ? 'changes' : 'change'} band${bands.changed > 0 ? ` (${bands.better} to a better band, ${bands.worse} to a worse)` : ''}`);
  const mean = data.score_changes.mean_change;
  if (mean !== null) parts.push(Number(mean.toFixed(2)) === 0 ? 'mean score unchanged' : `mean score ${signed(mean)}`);
  const lost = data.coverage.became_unscored.count;
  if (lost > 0) parts.push(`${counted(lost, unit, 'loses its', 'lose their')} score`);
  const gained = data.coverage.became_scored.count;
  if (gained > 0) parts.push(`${counted(gained, unit, 'gains', 'gain')} a score`);
  for (const p of data.playbooks) {
    const moves = [p.started.count > 0 ? `starts for ${p.started.count.toLocaleString('en-US')}` : '', p.stopped.count > 0 ? `stops for ${p.stopped.count.toLocaleString('en-US')}` : ''].filter((m) => m !== '');
    if (moves.length > 0) parts.push(`playbook ${code(p.key)} ${moves.join(' and ')}`);
  }
  const fell = data.benchmarks.fell_below.count;
  if (fell > 0) parts.push(`${counted(fell, unit, 'falls below its', 'fall below their')} stage benchmark`);
  const predicts = outcomeSummary(report);
  if (predicts !== undefined) parts.push(predicts);
  return `${parts.join('; ')}.`;
}

/** `1 account falls`, `3 accounts fall`: a count of a unit and the verb that agrees with it. */
export function counted(n: number, unit: string, one: string, many: string): string {
  return `${plural(n, unit)} ${n === 1 ? one : many}`;
}

/** An untrusted value as a code span. */
export function code(text: string): string {
  return `\`${safeText(text).replace(/`/g, "'")}\``;
}

/** An untrusted value as plain text (no code spans can start in it). */
export function plain(text: string): string {
  return safeText(text).replace(/`/g, "'");
}

/** A score or score change at the model's precision (two decimals at most), no trailing zeros. */
export function score(value: number | null, plan?: Plan): string {
  if (value === null) return '—';
  return String(Number(value.toFixed(Math.min(plan?.precision ?? 2, 2))));
}

/** `+1.5`, `-0.86`, `0`. */
export function signed(value: number, decimals = 2): string {
  const rounded = Number(value.toFixed(decimals));
  return rounded > 0 ? `+${rounded}` : String(rounded === 0 ? 0 : rounded);
}

/** A share (0–1) as a percentage with one decimal. */
export function share(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

export function account(ref: AccountRef): string {
  return ref.id === null ? `row ${ref.row ?? '?'}` : code(ref.id);
}

/** The first accounts of a list, and how many more. */
export function accountList(sample: { readonly count: number; readonly accounts: readonly AccountRef[] }): string {
  const shown = sample.accounts.map(account).join(', ');
  const more = sample.count - sample.accounts.length;
  return more > 0 ? `${shown} and ${more.toLocaleString('en-US')} more` : shown;
}

export function band(name: string | null, plan: Plan): string {
  if (name === null) return '—';
  const title = plan.bands.titles[plan.bands.names.indexOf(name)];
  return title === null || title === undefined ? name : `${name} (${plain(title)})`;
}
