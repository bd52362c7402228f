import type { Diagnostic, EffectiveWeights } from '@vitals/core';

/** A diagnostic of either registry: the model's, or a test file's (same shape, other codes). */
export type DiagnosticLike = Omit<Diagnostic, 'code'> & { readonly code: string };
import { TEST_FILE } from '../io/model-file.js';
import { countDiagnostics, plural, type CheckedFile } from './check-report.js';
import { formatShare } from './format-value.js';
import { safeText } from './safe-text.js';
import { sourceExcerpt, splitLines } from './source-excerpt.js';
import { PLAIN, type Style } from './style.js';

/**
 * The human form of `vitals check`: per diagnostic `file:line:col severity code message`, the
 * source line with a caret under the span, then the hint; a one-line summary at the end.
 */
export function renderCheckPretty(files: readonly CheckedFile[], style: Style = PLAIN): string {
  const out: string[] = [];
  for (const file of files) {
    if (file.unreadable !== undefined) continue;
    const lines = splitLines(file.text ?? '');
    for (const d of file.diagnostics) out.push(...renderDiagnostic(d, lines, style), '');
    if (file.weights !== undefined) out.push(...weightLines(file.file, file.weights, style), '');
  }
  out.push(summaryLine(files, style));
  return `${out.join('\n')}\n`;
}

export function renderDiagnostic(d: DiagnosticLike, lines: readonly string[], style: Style = PLAIN): string[] {
  const severity = d.severity === 'error' ? style.error('error') : style.warning('warning');
  const head = `${safeText(d.file)}:${d.line}:${d.column} ${severity} ${style.bold(d.code)} ${safeText(d.message)}`;
  const excerpt = sourceExcerpt(lines, d.line, d.column, d.endLine, d.endColumn).map(style.dim);
  return [head, ...excerpt, ...(d.hint === undefined ? [] : [`  hint: ${safeText(d.hint)}`])];
}

/**
 * Each category's and metric's share of the overall score, so nobody works out 3/7/11 by hand:
 * `  product        50%  seat_utilisation 25% · data_ingested_trend 12.5% · …`.
 */
function weightLines(file: string, weights: EffectiveWeights, style: Style): string[] {
  const rollup = weights.rollup === 'weighted_mean' ? '' : ` (${weights.rollup} roll-up: the shares weigh a geometric mean${weights.rollup === 'weakest_link' ? ', capped by the weakest category' : ''})`;
  const width = Math.max(...weights.categories.map((c) => c.key.length));
  const rows = weights.categories.map((c) => `  ${c.key.padEnd(width)}  ${formatShare(c.share).padStart(6)}  ${c.metrics.map((m) => `${m.key} ${formatShare(m.share)}`).join(' · ')}`);
  return [style.dim(`${safeText(file)}: each metric's share of the overall score, all data present${rollup}`), ...rows];
}

function summaryLine(files: readonly CheckedFile[], style: Style): string {
  const readable = files.filter((f) => f.unreadable === undefined);
  const { errors, warnings } = countDiagnostics(readable.flatMap((f) => f.diagnostics));
  const tests = readable.filter((f) => TEST_FILE.test(f.file)).length;
  const models = readable.length - tests;
  const counted = [models > 0 || tests === 0 ? plural(models, 'model') : '', tests > 0 ? plural(tests, 'test file') : ''];
  const what = `${counted.filter((part) => part !== '').join(' and ')} checked`;
  if (errors === 0 && warnings === 0) return style.ok(`✓ ${what}: no problems`);
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return errors > 0 ? style.error(`✗ ${what}: ${counts}`) : style.warning(`! ${what}: ${counts}`);
}
