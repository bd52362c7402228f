import type { BandShare, BandWatch, EditValue, KnobSensitivity, Plan, VariantOutcome, VariantRunResult } from '@vitals/core';
import { plural } from '../check-report.js';
import type { RunCounts } from '../score-writers.js';
import { code, plain, score, share, type ImpactView, type ViewSection } from './impact-view.js';

/** `simulate --sweep`: one path set to each value, every value over the same data. */
export interface SweepReport {
  readonly model: { readonly label: string; readonly plan: Plan };
  readonly data: { readonly file: string; readonly counts: RunCounts };
  readonly path: string;
  readonly values: readonly number[];
  /** The value the model has now (undefined when the path is a default left unwritten). */
  readonly current: EditValue | undefined;
  readonly run: VariantRunResult;
}

/** `simulate --sensitivity`: every weight and threshold moved one at a time. */
export interface SensitivityReport {
  readonly model: { readonly label: string; readonly plan: Plan };
  readonly data: { readonly file: string; readonly counts: RunCounts };
  readonly knobs: readonly KnobSensitivity[];
  readonly run: Pick<VariantRunResult, 'unit' | 'records' | 'base'>;
}

/** Characters for the bands in a stacked bar, worst band first. */
const SHADES = ['█', '▓', '▒', '░', '▚', '▞'];

export function sweepView(report: SweepReport): ImpactView {
  const { run, path, values, current } = report;
  const unit = run.unit;
  const points = run.variants;
  const rows = points.map((p, i) => {
    const value = values[i] as number;
    return [`${value}${value === current ? ' (now)' : ''}`, ...p.bands.map((b) => `${b.count.toLocaleString('en-US')} (${share(b.share)})`), p.unscored.toLocaleString('en-US'), score(p.mean, report.model.plan), p.changed_band.toLocaleString('en-US'), `${p.better} / ${p.worse}`];
  });
  const bands = run.base.bands;
  const section: ViewSection = {
    id: 'sweep',
    title: `${code(path)} from ${values[0]} to ${values[values.length - 1]}`,
    open: true,
    notes: [`Each value over the same ${plural(run.base.scored + run.base.unscored + run.base.invalid, unit)}, everything else as the model has it; "change band": ${unit}s whose band differs from the model's now (better / worse).`],
    table: {
      columns: [{ label: 'value' }, ...bands.map((b) => ({ label: b.name, numeric: true })), { label: 'unscored', numeric: true }, { label: 'mean', numeric: true }, { label: 'change band', numeric: true }, { label: 'better / worse', numeric: true }],
      rows,
    },
    block: { language: 'text', text: stackedBars(values, points, bands) },
  };
  return {
    title: `vitals simulate --sweep: ${plain(report.model.plan.title ?? report.model.plan.model)}`,
    header: header(report),
    summary: sweepSummary(report),
    sections: [section],
  };
}

function sweepSummary({ run, path, values, current }: SweepReport): string {
  const points = run.variants;
  const changed = points.map((p) => p.changed_band);
  const most = Math.max(...changed);
  const at = values[changed.indexOf(most)];
  const means = points.map((p) => p.mean).filter((m): m is number => m !== null);
  const parts = [`${code(path)}${current === undefined ? '' : ` (now ${String(current)})`}: up to ${plural(most, run.unit)} change band${most > 0 ? ` (at ${at})` : ''}`];
  if (means.length > 0) parts.push(`mean score ${score(Math.min(...means))}–${score(Math.max(...means))}`);
  const flat = plateau(points, values);
  if (flat !== undefined) parts.push(flat);
  return `${parts.join('; ')}.`;
}

/** Where a weight stops mattering: the values at either end over which no band count changes. */
function plateau(points: readonly VariantOutcome[], values: readonly number[]): string | undefined {
  const same = (a: VariantOutcome, b: VariantOutcome) => a.unscored === b.unscored && a.bands.every((band, i) => band.count === b.bands[i]?.count);
  let end = points.length - 1;
  while (end > 0 && same(points[end] as VariantOutcome, points[end - 1] as VariantOutcome)) end--;
  let start = 0;
  while (start < points.length - 1 && same(points[start] as VariantOutcome, points[start + 1] as VariantOutcome)) start++;
  const notes: string[] = [];
  if (start > 0) notes.push(`up to ${values[start]} the bands do not change`);
  if (end < points.length - 1 && end > start) notes.push(`from ${values[end]} on they do not change`);
  if (start === points.length - 1) notes.push('no value changes the bands');
  return notes.length === 0 ? undefined : notes.join(', and ');
}

/** One stacked bar of band shares per value, 40 characters wide, with a legend. */
function stackedBars(values: readonly number[], points: readonly VariantOutcome[], bands: readonly BandShare[]): string {
  const labels = values.map(String);
  const width = Math.max(...labels.map((l) => l.length));
  const lines = points.map((p, i) => {
    let used = 0;
    let cumulative = 0;
    const bar = p.bands
      .map((b, j) => {
        cumulative += b.share;
        const end = Math.round(cumulative * 40);
        const part = (SHADES[j % SHADES.length] as string).repeat(Math.max(0, end - used));
        used = Math.max(used, end);
        return part;
      })
      .join('');
    return `${(labels[i] as string).padStart(width)} │${bar.padEnd(40)}│ ${p.changed_band.toLocaleString('en-US')} change band`;
  });
  const legend = bands.map((b, j) => `${SHADES[j % SHADES.length] as string} ${b.name}`).join('  ');
  return [...lines, `${' '.repeat(width)}  ${legend}`].join('\n');
}

export function sensitivityView(report: SensitivityReport): ImpactView {
  const { knobs, run } = report;
  const unit = run.unit;
  const moving = knobs.filter((k) => k.changed_band > 0);
  const top = knobs[0];
  const summary = [
    `${knobs.length.toLocaleString('en-US')} weights and thresholds moved one at a time (weights ±10%, thresholds ±5 points) over ${plural(run.base.scored, `scored ${unit}`)}: ${moving.length.toLocaleString('en-US')} change some ${unit}'s band, ${(knobs.length - moving.length).toLocaleString('en-US')} change none here`,
    ...(top !== undefined && top.changed_band > 0 ? [`the most: ${code(top.path)} (${plural(top.changed_band, unit)})`] : []),
  ];
  const move = (m: KnobSensitivity['down']) => (m === null ? '—' : `${m.value} → ${m.changed_band.toLocaleString('en-US')}`);
  return {
    title: `vitals simulate --sensitivity: ${plain(report.model.plan.title ?? report.model.plan.model)}`,
    header: header(report),
    summary: `${summary.join('; ')}.`,
    sections: [
      {
        id: 'sensitivity',
        title: 'Weights and thresholds, the most consequential first',
        open: true,
        notes: [`For each move: the value tried → ${unit}s whose band changes (the overall band for weights and the model's thresholds; the category's or metric's own band for theirs). — : not possible (off the scale, or the model would be invalid).`],
        table: {
          columns: [{ label: 'knob' }, { label: 'now', numeric: true }, { label: 'down', numeric: true }, { label: 'up', numeric: true }, { label: 'band judged' }],
          rows: knobs.map((k) => [code(k.path), String(k.value), move(k.down), move(k.up), watchLabel(k.watch)]),
        },
      },
    ],
  };
}

function watchLabel(watch: BandWatch): string {
  return watch.kind === 'overall' ? 'overall' : `${watch.kind} ${code(watch.key)}`;
}

function header(report: SweepReport | SensitivityReport): string[] {
  const { model, data, run } = report;
  return [
    `model: ${code(model.label)} (${model.plan.hash.slice(0, 15)}…)`,
    `data: ${code(data.file)}, ${plural(data.counts.rows, 'row')}${run.unit === 'account' && model.plan.data.asOf !== null ? ', each account at its latest snapshot' : ''}`,
  ];
}
