import { DIFF_FORMAT_VERSION } from './impact-report.js';
import type { SensitivityReport, SweepReport } from './variant-views.js';

const source = (model: SweepReport['model']) => ({ source: model.label, model: model.plan.model, title: model.plan.title, hash: model.plan.hash });

/** `simulate --sweep --format json` (packages/cli/schema/sweep.schema.json). */
export function renderSweepJson(report: SweepReport): string {
  const { run } = report;
  const document = {
    format_version: DIFF_FORMAT_VERSION,
    command: 'simulate',
    mode: 'sweep',
    model: source(report.model),
    data: report.data,
    path: report.path,
    current: report.current ?? null,
    unit: run.unit,
    records: run.records,
    base: withoutLabel(run.base),
    points: run.variants.map((point, i) => ({ value: report.values[i], ...withoutLabel(point) })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `simulate --sensitivity --format json` (packages/cli/schema/sensitivity.schema.json). */
export function renderSensitivityJson(report: SensitivityReport): string {
  const document = {
    format_version: DIFF_FORMAT_VERSION,
    command: 'simulate',
    mode: 'sensitivity',
    model: source(report.model),
    data: report.data,
    unit: report.run.unit,
    records: report.run.records,
    base: withoutLabel(report.run.base),
    knobs: report.knobs,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function withoutLabel<T extends { label: string }>({ label: _label, ...rest }: T): Omit<T, 'label'> {
  return rest;
}
