import { describeDifference, describeUntested } from '@vitals/core';
import type { UntestedItem } from '@vitals/core';
import { totals, untestedByModel, type TestFileOutcome } from '../test-outcome.js';

/** Version of `test --reporter json` (packages/cli/schema/test.schema.json). */
export const TEST_FORMAT_VERSION = 1;

/** Every file, case, difference and untested item, without the full score results (`score --explain` has those). */
export function renderTestsJson(outcomes: readonly TestFileOutcome[]): string {
  const t = totals(outcomes);
  const document = {
    format_version: TEST_FORMAT_VERSION,
    ok: t.failed === 0 && t.broken === 0,
    totals: t,
    files: outcomes.map((o) => ({
      file: o.file,
      model: o.model,
      ran: o.report !== undefined,
      ...(o.unreadable === undefined ? {} : { unreadable: o.unreadable }),
      diagnostics: o.diagnostics,
      passed: o.report?.passed ?? 0,
      failed: o.report?.failed ?? 0,
      cases: (o.report?.cases ?? []).map((c) => ({
        name: c.name,
        line: c.line,
        passed: c.passed,
        differences: c.differences.map((d) => ({ ...d, description: describeDifference(d) })),
        problems: c.problems,
      })),
      untested: (o.report?.untested ?? []).map(describe),
    })),
    models: untestedByModel(outcomes).map((m) => ({ model: m.model, files: m.files, untested: m.untested.map(describe) })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function describe(item: UntestedItem): UntestedItem & { description: string } {
  return { ...item, description: describeUntested(item) };
}
