import type { BandPlan, Plan } from '../compile/plan.js';
import { suggest } from '../diagnostics/suggest.js';
import type { Span } from '../position/span.js';
import type { Check, ModelTestSuite, TestCase } from './model-test-suite.js';
import { testDiagnostic, type TestFileDiagnostic } from './test-diagnostics.js';

/**
 * Names a case uses that the model does not have: a record field that is no input's key
 * (the evaluator would silently ignore it, so a typo would test nothing), a metric, category,
 * playbook or band an expectation names.
 */
export function checkReferences(testCase: TestCase, plan: Plan): TestFileDiagnostic[] {
  const problems: TestFileDiagnostic[] = [];
  const inputs = plan.inputs.map((i) => i.name);
  for (const step of testCase.steps) {
    for (const field of step.fields) {
      if (inputs.includes(field.name)) continue;
      // A case names inputs by key; a column name (`MonthlyCharges`) points at the input reading it.
      const suggestion = plan.inputs.find((input) => input.column === field.name)?.name ?? suggest(field.name, inputs);
      problems.push(testDiagnostic('test-unknown-input', { field: field.name, ...(suggestion ? { suggestion } : {}) }, field.span));
    }
    const seen = new Set<string>();
    for (const check of step.checks) {
      for (const problem of checkNames(check, plan)) {
        const key = `${problem.offset}:${problem.message}`;
        if (!seen.has(key)) problems.push(problem);
        seen.add(key);
      }
    }
  }
  return problems;
}

/** Every name the cases of a suite use that the model does not have, without running them (what `vitals check` says of a test file). */
export function checkSuiteReferences(suite: ModelTestSuite, plan: Plan): TestFileDiagnostic[] {
  return suite.cases.flatMap((testCase) => checkReferences(testCase, plan));
}

function checkNames(check: Check, plan: Plan): TestFileDiagnostic[] {
  if (check.entry !== undefined) {
    const { kind, key } = check.entry;
    const keys = (kind === 'metric' ? plan.metrics : plan.categories).map((e) => e.key);
    if (!keys.includes(key)) return [unknown(kind, key, keys, check.entry.span)];
    const field = check.segments[check.segments.length - 1];
    const bands = kind === 'metric' ? plan.metrics.find((m) => m.key === key)?.bands : plan.categories.find((c) => c.key === key)?.bands;
    return field === 'band' && bands !== undefined ? checkBand(check, bands) : [];
  }
  if (check.path === 'band') return checkBand(check, plan.bands);
  if (check.path === 'playbooks') {
    const keys = plan.playbooks.map((p) => p.key);
    return (check.expected as string[]).filter((name) => !keys.includes(name)).map((name) => unknown('playbook', name, keys, check.span));
  }
  return [];
}

function checkBand(check: Check, bands: BandPlan): TestFileDiagnostic[] {
  const name = check.expected;
  return typeof name === 'string' && !bands.names.includes(name) ? [unknown('band', name, bands.names, check.span)] : [];
}

function unknown(kind: string, name: string, allowed: readonly string[], span: Span): TestFileDiagnostic {
  const suggestion = suggest(name, allowed);
  return testDiagnostic('test-unknown-entry', { kind, name, allowed, ...(suggestion ? { suggestion } : {}) }, span);
}
