import type { EvaluateOptions, HealthModel } from '../api/compile-model.js';
import { recordByColumn } from '../evaluate/record-by-column.js';
import type { ScoreResult } from '../evaluate/result.js';
import { checkReferences } from './check-references.js';
import { compareCheck } from './compare-check.js';
import { findUntested, type CheckedResult } from './find-untested.js';
import type { CaseReport, Difference, ModelTestReport } from './model-test-report.js';
import type { ModelTestSuite, TestCase } from './model-test-suite.js';

/**
 * Runs every case of a suite against a compiled model: a `record` case with `model.evaluate`, a
 * `snapshots` case through one `model.scorer` (so history, change and cooldowns apply). Only the
 * fields a case names are compared. A record names inputs by key; it is read through each input's
 * column, as a data row would be. Never throws for a case: an evaluator that throws fails it.
 */
export function runModelTests(suite: ModelTestSuite, model: HealthModel): ModelTestReport {
  const options: EvaluateOptions = suite.asOf === null ? {} : { asOf: suite.asOf };
  const checked: CheckedResult[] = [];
  const cases = suite.cases.map((testCase) => {
    const report = runCase(testCase, model, options);
    report.results.forEach((result, i) => checked.push({ result, checks: testCase.steps[i]?.checks ?? [] }));
    return report;
  });
  const passed = cases.filter((c) => c.passed).length;
  return { file: suite.file, model: model.plan.model, passed, failed: cases.length - passed, cases, untested: findUntested(model.plan, checked) };
}

function runCase(testCase: TestCase, model: HealthModel, options: EvaluateOptions): CaseReport {
  const problems = checkReferences(testCase, model.plan);
  const scored = score(testCase, model, options);
  const differences: Difference[] = [];
  scored.results.forEach((result, i) => {
    const prefix = testCase.kind === 'snapshots' ? `snapshots[${i}].` : '';
    for (const check of testCase.steps[i]?.checks ?? []) {
      const difference = compareCheck(check, result, prefix);
      if (difference !== undefined) differences.push(difference);
    }
  });
  if (scored.error !== undefined) {
    differences.push({ path: '', expected: 'a result', actual: scored.error, line: testCase.line, column: testCase.span.start.column, note: 'the evaluator threw' });
  }
  const passed = differences.length === 0 && problems.every((p) => p.severity !== 'error');
  return { name: testCase.name, line: testCase.line, passed, differences, problems, results: scored.results };
}

function score(testCase: TestCase, model: HealthModel, options: EvaluateOptions): { results: ScoreResult[]; error?: string } {
  const results: ScoreResult[] = [];
  try {
    if (testCase.kind === 'record') {
      results.push(model.evaluate(recordByColumn(model.plan, (testCase.steps[0] as TestCase['steps'][number]).record), options));
    } else {
      const scorer = model.scorer(options);
      for (const step of testCase.steps) results.push(scorer.score(recordByColumn(model.plan, step.record)));
    }
    return { results };
  } catch (error) {
    return { results, error: error instanceof Error ? error.message : String(error) };
  }
}
