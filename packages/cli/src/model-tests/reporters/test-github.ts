import { describeDifference, describeUntested } from '@vitals/core';
import { escapeData, escapeProperty, githubAnnotation } from '../../render/check-github.js';
import { plural } from '../../render/check-report.js';
import { safeText } from '../../render/safe-text.js';
import { totals, untestedByModel, type TestFileOutcome } from '../test-outcome.js';

/**
 * GitHub Actions annotations: an `::error` on the line of each expectation a case got wrong (or
 * on the case when it has no difference to point at), a `::notice` per untested item, then the
 * counts as a plain line. Messages and titles are `safeText` before the runner's escaping, as in `check --format github`.
 */
export function renderTestsGithub(outcomes: readonly TestFileOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    if (o.unreadable !== undefined) lines.push(`::error file=${escapeProperty(o.file)},title=vitals test::${escapeData(safeText(o.unreadable))}`);
    lines.push(...o.diagnostics.map(githubAnnotation));
    for (const c of o.report?.cases ?? []) {
      if (c.passed) continue;
      const title = escapeProperty(`vitals test: ${safeText(c.name)}`);
      for (const p of c.problems) lines.push(githubAnnotation(p));
      for (const d of c.differences) lines.push(`::error file=${escapeProperty(o.file)},line=${d.line},col=${d.column},title=${title}::${escapeData(safeText(describeDifference(d)))}`);
      if (c.differences.length === 0 && c.problems.length === 0) lines.push(`::error file=${escapeProperty(o.file)},line=${c.line},title=${title}::${escapeData('the case failed')}`);
    }
  }
  for (const coverage of untestedByModel(outcomes)) {
    for (const item of coverage.untested) lines.push(`::notice file=${escapeProperty(coverage.model)},title=untested by the cases::${escapeData(safeText(describeUntested(item)))}`);
  }
  const t = totals(outcomes);
  lines.push(`${plural(t.passed + t.failed, 'case')}: ${t.passed} passed, ${t.failed} failed in ${plural(t.files, 'file')}${t.broken > 0 ? `; ${plural(t.broken, 'file')} could not run` : ''}`);
  return `${lines.join('\n')}\n`;
}
