import { editIssue, type EditIssue } from '../../edit/edit-issues.js';

/** A sweep: one model path set to each of a range of values. */
export interface Sweep {
  readonly path: string;
  readonly values: readonly number[];
}

/** More points than this is a typo in the step, not a sweep anyone reads. */
export const MAX_SWEEP_POINTS = 201;

/**
 * `categories.product.weight=10:90:10` → the path and 10, 20, … 90. Values are computed as
 * `from + i·step`, rounded to the decimals the three numbers are written with, so a step of 0.1
 * gives 0.3 and not 0.30000000000000004; `to` is included when the steps land on it.
 */
export function parseSweep(text: string): { value: Sweep | undefined; issues: EditIssue[] } {
  const match = /^([^=\s]+)=([^:]*):([^:]*):([^:]*)$/.exec(text.trim());
  if (match === null) return fail(editIssue('edit-syntax', { text }, text));
  const path = match[1] as string;
  const parts = [match[2], match[3], match[4]].map((p) => (p as string).trim());
  const bad = parts.find((p) => !/^-?(\d+\.?\d*|\.\d+)$/.test(p));
  if (bad !== undefined) return fail(editIssue('edit-not-a-number', { path, found: bad }, text));
  const [from, to, step] = parts.map(Number) as [number, number, number];
  const decimals = Math.max(...parts.map((p) => (p.includes('.') ? (p.split('.')[1] as string).length : 0)));
  const count = step === 0 || Math.sign(to - from) * Math.sign(step) < 0 ? NaN : Math.floor(Math.abs(to - from) / Math.abs(step) + 1e-9) + 1;
  if (!Number.isFinite(count) || count > MAX_SWEEP_POINTS) {
    return fail(editIssue('edit-syntax', { text: `${text} (${Number.isFinite(count) ? `${count} values; at most ${MAX_SWEEP_POINTS}` : 'the step does not lead from FROM to TO'})` }, text));
  }
  const values = Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(decimals)));
  return { value: { path, values }, issues: [] };
}

function fail(issue: EditIssue): { value: undefined; issues: EditIssue[] } {
  return { value: undefined, issues: [issue] };
}
