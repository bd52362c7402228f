import { describeDifference, describeUntested } from '@vitals/core';
import { renderDiagnostic } from '../../render/check-pretty.js';
import { plural } from '../../render/check-report.js';
import { safeText } from '../../render/safe-text.js';
import { splitLines } from '../../render/source-excerpt.js';
import { PLAIN, type Style } from '../../render/style.js';
import { totals, untestedByModel, type ModelCoverage, type TestFileOutcome } from '../test-outcome.js';

/**
 * Like a test runner: a line per case, the differences of each failure, what is left untested, the
 * counts. File names, case names and the values in messages are `safeText`.
 */
export function renderTestsPretty(outcomes: readonly TestFileOutcome[], style: Style = PLAIN): string {
  const out: string[] = [];
  for (const o of outcomes) out.push(...fileSection(o, style), '');
  for (const coverage of untestedByModel(outcomes)) out.push(...untestedSection(coverage, style));
  out.push(summary(outcomes, style));
  return `${out.join('\n')}\n`;
}

function fileSection(o: TestFileOutcome, style: Style): string[] {
  const head = style.bold(safeText(o.report === undefined ? o.file : `${o.file} → ${o.model}`));
  if (o.unreadable !== undefined) return [head, `  ${style.error('✗')} ${safeText(o.unreadable)}`];
  const lines = [head, ...o.diagnostics.flatMap((d) => renderDiagnostic(d, splitLines(o.sources[d.file] ?? ''), style).map((l) => `  ${l}`))];
  if (o.report === undefined) return [...lines, `  ${style.error('✗')} the cases did not run`];
  for (const c of o.report.cases) {
    lines.push(`  ${c.passed ? style.ok('✓') : style.error('✗')} ${safeText(c.name)}${c.passed ? '' : style.dim(` (line ${c.line})`)}`);
    for (const p of c.problems) lines.push(`      ${safeText(p.file)}:${p.line}:${p.column} ${p.code} ${safeText(p.message)}`);
    for (const d of c.differences) lines.push(`      ${safeText(describeDifference(d))}`);
  }
  return lines;
}

function untestedSection(coverage: ModelCoverage, style: Style): string[] {
  if (coverage.untested.length === 0) return [style.ok(`${safeText(coverage.model)}: the cases (${plural(coverage.files.length, 'file')}) reach every band and take every path`), ''];
  return [
    style.warning(`${safeText(coverage.model)}: what the cases (${plural(coverage.files.length, 'file')}) leave untested:`),
    ...coverage.untested.map((item) => `  - ${safeText(describeUntested(item))}`),
    '',
  ];
}

function summary(outcomes: readonly TestFileOutcome[], style: Style): string {
  const t = totals(outcomes);
  const cases = `${plural(t.passed + t.failed, 'case')}: ${t.passed} passed, ${t.failed} failed`;
  const broken = t.broken > 0 ? `; ${plural(t.broken, 'file')} could not run` : '';
  const text = `${cases} in ${plural(t.files, 'file')}${broken}`;
  return t.failed > 0 || t.broken > 0 ? style.error(`✗ ${text}`) : style.ok(`✓ ${text}`);
}
