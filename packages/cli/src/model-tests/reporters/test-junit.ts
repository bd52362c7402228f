import { describeDifference, describeUntested } from '@vitals/core';
import type { UntestedItem } from '@vitals/core';
import { totals, untestedByModel, type TestFileOutcome } from '../test-outcome.js';

/**
 * JUnit XML, the format CI dashboards (GitHub, GitLab, Jenkins, Buildkite) read: a test suite
 * per file, a test case per case. A file whose cases could not run is one test case with an
 * `<error>`; what a model's cases leave untested goes to the `<system-out>` of its first suite.
 */
export function renderTestsJunit(outcomes: readonly TestFileOutcome[]): string {
  const t = totals(outcomes);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="vitals test" tests="${t.passed + t.failed + t.broken}" failures="${t.failed}" errors="${t.broken}">`];
  // What a model's cases leave untested goes with the first suite of that model.
  const untested = new Map(untestedByModel(outcomes).map((m) => [m.files[0], m.untested]));
  for (const o of outcomes) lines.push(...suite(o, untested.get(o.file) ?? []));
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function suite(o: TestFileOutcome, untested: readonly UntestedItem[]): string[] {
  const seconds = (o.milliseconds / 1000).toFixed(3);
  if (o.report === undefined) {
    const detail = o.unreadable ?? o.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`).join('\n');
    return [
      `  <testsuite name="${attr(o.file)}" tests="1" failures="0" errors="1" time="${seconds}">`,
      `    <testcase name="${attr(o.file)}" classname="${attr(o.file)}" file="${attr(o.file)}">`,
      `      <error message="${attr(o.unreadable ?? 'the cases did not run')}">${text(detail)}</error>`,
      '    </testcase>',
      '  </testsuite>',
    ];
  }
  const r = o.report;
  const lines = [`  <testsuite name="${attr(o.file)}" tests="${r.cases.length}" failures="${r.failed}" errors="0" time="${seconds}">`];
  for (const c of r.cases) {
    const open = `    <testcase name="${attr(c.name)}" classname="${attr(o.file)}" file="${attr(o.file)}" line="${c.line}"`;
    if (c.passed) {
      lines.push(`${open}/>`);
      continue;
    }
    const details = [...c.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`), ...c.differences.map(describeDifference)];
    lines.push(`${open}>`, `      <failure message="${attr(details[0] ?? 'failed')}" type="mismatch">${text(details.join('\n'))}</failure>`, '    </testcase>');
  }
  if (untested.length > 0) lines.push(`    <system-out>${text([`What the cases of ${o.model} leave untested:`, ...untested.map((u) => `- ${describeUntested(u)}`)].join('\n'))}</system-out>`);
  lines.push('  </testsuite>');
  return lines;
}

/** XML text: escaped, and without the control characters XML 1.0 cannot hold at all. */
export function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
