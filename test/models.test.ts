import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  compileModel,
  formatModel,
  describeDifference,
  describeUntested,
  parseModelTests,
  runModelTests,
  type CaseReport,
  type Diagnostic,
  type HealthModel,
  type ModelTestReport,
  type ModelTestSuite,
  type TestFileDiagnostic,
  type UntestedItem,
} from '@vitals/core';

/**
 * Every model under `models/*​/` and every `*.test.yaml` beside it: a new model brings its own tests.
 * Each case is one test and runs on both evaluators (compiled and reference), so a hand-checked
 * case also pins the two to the same answer.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODELS = join(ROOT, 'models');

/** Examples whose cases must reach every band and take every path (issue 3: both sides of every boundary). */
const FULLY_COVERED = ['saas-seven-metrics', 'usage-appreciation-context', 'csm-sentiment-pulse', 'lifecycle-b2b'];

const ENGINES = ['compiled', 'reference'] as const;

const modelDirs = readdirSync(MODELS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(MODELS, entry.name, 'model.yaml')))
  .map((entry) => entry.name)
  .sort();

const compiled = new Map<string, ReturnType<typeof compileModel>[]>();
function compileFile(path: string): ReturnType<typeof compileModel>[] {
  if (!compiled.has(path)) {
    const text = existsSync(path) ? readFileSync(path) : undefined;
    compiled.set(path, text === undefined ? [] : ENGINES.map((engine) => compileModel(text, { file: relative(ROOT, path), engine })));
  }
  return compiled.get(path) ?? [];
}

const where = (d: Diagnostic | TestFileDiagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`;

test('there are example models to walk', () => {
  expect(modelDirs).toEqual(expect.arrayContaining(FULLY_COVERED));
});

describe.each(modelDirs)('models/%s', (dir) => {
  const folder = join(MODELS, dir);
  const testFiles = readdirSync(folder).filter((name) => name.endsWith('.test.yaml')).sort();
  const suites = testFiles.map((name) => ({ name, parsed: parseModelTests(readFileSync(join(folder, name)), `models/${dir}/${name}`) }));
  const modelFiles = [...new Set(['model.yaml', ...suites.map((s) => s.parsed.value?.model ?? 'model.yaml')])];

  test.each(modelFiles)('%s is in the canonical layout (`vitals fmt`), so its diffs show only real changes', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    expect(formatModel(text, `models/${dir}/${file}`).value).toBe(text);
  });

  test.each(modelFiles)('%s compiles without errors', (file) => {
    const [result] = compileFile(join(folder, file));
    expect(result, `models/${dir}/${file} does not exist`).toBeDefined();
    const warnings = result?.diagnostics.filter((d) => d.severity === 'warning') ?? [];
    if (warnings.length > 0) console.warn(`${warnings.length} warning(s) in models/${dir}/${file}:\n${warnings.map(where).join('\n')}`);
    expect(result?.diagnostics.filter((d) => d.severity === 'error').map(where)).toEqual([]);
  });

  const reports: ModelTestReport[][] = [];
  for (const { name, parsed } of suites) {
    describe(name, () => {
      test('reads without errors', () => {
        expect(parsed.diagnostics.filter((d) => d.severity === 'error').map(where)).toEqual([]);
      });
      const suite = parsed.value;
      if (suite === undefined || suite.cases.length === 0) return;
      const models = compileFile(join(folder, suite.model)).map((r) => r.model);
      const byEngine = models.every((m): m is HealthModel => m !== undefined) ? models.map((m) => runModelTests(suite, m)) : [];
      if (suite.model === 'model.yaml') reports.push(byEngine);
      test.each(suite.cases.map((c, i) => [c.name, c.line, i] as const))('%s (line %i)', (_name, _line, index) => {
        expect(byEngine.length, `models/${dir}/${suite.model} does not compile`).toBe(ENGINES.length);
        byEngine.forEach((report, e) => expect(failures(suite, report.cases[index] as CaseReport), `${ENGINES[e]} evaluator`).toEqual([]));
      });
    });
  }

  if (FULLY_COVERED.includes(dir)) {
    test('the cases leave nothing of model.yaml untested', () => {
      const untested = reports.map((byEngine) => byEngine[0]?.untested ?? []);
      expect(untested.length, 'no test file runs model.yaml').toBeGreaterThan(0);
      expect(untestedByAll(untested).map(describeUntested)).toEqual([]);
    });
  }
});

function failures(suite: ModelTestSuite, report: CaseReport): string[] {
  return [...report.problems.map(where), ...report.differences.map((d) => `${suite.file}: ${describeDifference(d)}`)];
}

/** What no test file of a model tests: untested in every one of them. */
function untestedByAll(lists: readonly (readonly UntestedItem[])[]): UntestedItem[] {
  const key = (item: UntestedItem) => JSON.stringify(item);
  const [first = [], ...rest] = lists;
  return first.filter((item) => rest.every((list) => list.some((other) => key(other) === key(item))));
}
