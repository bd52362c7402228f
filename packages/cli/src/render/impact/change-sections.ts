import { describeChange, type ModelChange, type WeightShare } from '@vitals/core';
import { safeLines } from '../safe-text.js';
import type { ImpactReport } from './impact-report.js';
import { code, share, signed, type ViewSection } from './impact-view.js';

/** The model side of the report: what changed, the effective weights, and for `--target` the shares aimed at. */
export function changeSections(report: ImpactReport): ViewSection[] {
  return [changes(report), weights(report), ...target(report)];
}

function changes({ impact }: ImpactReport): ViewSection {
  const { change } = impact;
  const title = `Model changes (${change.changes.length})`;
  if (change.unchanged) {
    const same = change.base.hash === change.head.hash;
    const note = same ? 'No change: both versions have the same content hash.' : 'No change in meaning: formulas are written differently, but read the same.';
    return { id: 'changes', title, open: true, notes: [note] };
  }
  return {
    id: 'changes',
    title,
    open: true,
    notes: [],
    table: { columns: [{ label: 'in' }, { label: 'change' }, { label: 'before' }, { label: 'after' }], rows: change.changes.map(changeRow) },
  };
}

function changeRow(change: ModelChange): string[] {
  const d = describeChange(change);
  const where = d.key === null ? d.entry : `${d.entry} ${code(d.key)}`;
  if (change.kind === 'renamed') return [where, 'renamed', code(String(change.before)), code(String(change.after))];
  return [where, d.aspect, value(d.before), value(d.after)];
}

function value(text: string | null): string {
  return text === null ? '—' : code(text);
}

/** Each category's and metric's share of the overall score; shown when any share moved. */
function weights({ impact }: ImpactReport): ViewSection {
  const { change } = impact;
  const rows = [...change.category_weights.map((w) => weightRow(`category ${code(w.key)}`, w)), ...change.weights.map((w) => weightRow(`metric ${code(w.key)}`, w))];
  const moved = [...change.category_weights, ...change.weights].some((w) => w.before !== w.after);
  return {
    id: 'weights',
    title: 'Effective weights',
    open: false,
    notes: [moved ? 'Each share of the overall score when every metric has data (weights are relative: 3/7/11 is 14%/33%/52%).' : 'No share of the overall score changed.'],
    ...(moved ? { table: { columns: [{ label: 'share of' }, { label: 'before', numeric: true }, { label: 'after', numeric: true }, { label: 'change (points)', numeric: true }], rows } } : {}),
  };
}

function weightRow(label: string, w: WeightShare): string[] {
  const change = w.before === null || w.after === null ? '—' : signed((w.after - w.before) * 100, 1);
  return [label, share(w.before), share(w.after), change];
}

function target({ target, impact }: ImpactReport): ViewSection[] {
  if (target === undefined) return [];
  const achieved = impact.data.distribution.head.bands;
  const rows = achieved.map((b, i) => [code(b.name), share(target.target[i] ?? null), share(target.expected[i] ?? null), share(b.share)]);
  const thresholds = target.thresholds.map((t) => `${code(`bands.${t.band}`)} ${t.before} → ${t.after}`).join(', ');
  return [
    {
      id: 'target',
      title: 'Target band shares',
      open: true,
      notes: [`Thresholds found: ${thresholds}.`, 'Expected: the shares these thresholds give the scores as they are; simulated: what the changed model gives (hysteresis, overrides and history included).'],
      table: { columns: [{ label: 'band' }, { label: 'target', numeric: true }, { label: 'expected', numeric: true }, { label: 'simulated', numeric: true }], rows },
    },
  ];
}

/** For a simulation: the edits as a patch of the model file (the last section: the thing to take away). */
export function patchSection({ simulation }: ImpactReport): ViewSection[] {
  if (simulation === undefined) return [];
  const note = simulation.patch === '' ? 'The edits leave the file as it is.' : 'Apply with `git apply` (or `patch -p1`) from the repository root; comments and layout stay as they are.';
  // Shown to a person, so made safe line by line (a bidi override can sit in a model's text); the JSON keeps the patch as it is.
  return [{ id: 'patch', title: 'The change as a patch', open: false, notes: [note], block: { language: 'diff', text: safeLines(simulation.patch) } }];
}
