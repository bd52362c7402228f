import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeDifference, healthModel, parseModelTests, planModel, recordByColumn, runModelTests, type HealthModel, type ModelTestReport, type ModelTestSuite, type Plan, type ScoreResult } from '@vitals/core';
import { JS_ENGINES, SQL_ENGINES, type Engine } from '../support/evaluators.js';

/**
 * Hand-worked corner cases as files — `test/fixtures/conformance/<topic>/model.yaml` and its
 * `*.test.yaml` cases, in the model-test format — held against every evaluator. Run away from UTC:
 * no result may depend on the machine's time zone.
 */
const ROOT = fileURLToPath(new URL('../fixtures/conformance/', import.meta.url));
const TOPICS = readdirSync(ROOT).sort();
const SUITES = TOPICS.flatMap((topic) =>
  readdirSync(join(ROOT, topic))
    .filter((name) => name.endsWith('.test.yaml'))
    .sort()
    .map((name) => ({ topic, name, parsed: parseModelTests(readFileSync(join(ROOT, topic, name)), `${topic}/${name}`) })),
);

const timeZone = process.env['TZ'];
beforeAll(() => {
  process.env['TZ'] = 'America/Los_Angeles';
});
afterAll(() => {
  if (timeZone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = timeZone;
});

test('the suites read without diagnostics', () => {
  expect(SUITES.length).toBeGreaterThan(0);
  for (const { name, parsed } of SUITES) expect(parsed.diagnostics.map((d) => `${name}:${d.line}:${d.column} ${d.message}`)).toEqual([]);
});

describe.each(JS_ENGINES)('corner cases on the $name evaluator', ({ make }) => {
  const reports = new Map<string, ModelTestReport>();
  const report = (topic: string, name: string): ModelTestReport => {
    const key = `${topic}/${name}`;
    if (!reports.has(key)) {
      const suite = SUITES.find((s) => s.topic === topic && s.name === name)?.parsed.value;
      const { plan, diagnostics } = planModel(readFileSync(join(ROOT, topic, suite?.model ?? 'model.yaml')), `${topic}/model.yaml`);
      if (suite === undefined || plan === undefined) throw new Error(`${key} does not run: ${diagnostics.map((d) => d.message).join('; ')}`);
      reports.set(key, runModelTests(suite, healthModel(plan, make(plan))));
    }
    return reports.get(key) as ModelTestReport;
  };
  const cases = SUITES.flatMap(({ topic, name, parsed }) => (parsed.value?.cases ?? []).map((c, i) => [`${topic}/${name}: ${c.name}`, topic, name, i] as const));
  test.each(cases)('%s', (_, topic, name, index) => {
    const result = report(topic, name).cases[index];
    expect(result?.problems.map((p) => p.message)).toEqual([]);
    expect(result?.differences.map(describeDifference)).toEqual([]);
  });
});

/**
 * The same cases on the SQL engines: each case's records scored by the engine's query in order
 * (one stream, as the scorer would take them), then checked by the model-test runner over those
 * results. Only the fields an engine computes are compared (`Engine.carries`).
 */
describe.each(SQL_ENGINES)('corner cases on the $name engine', (engine) => {
  const cases = SUITES.flatMap(({ topic, name, parsed }) => (parsed.value?.cases ?? []).map((c, i) => [`${topic}/${name}: ${c.name}`, topic, name, i] as const));
  test.skipIf(engine.unavailable !== undefined).each(cases)('%s', async (_, topic, name, index) => {
    const suite = SUITES.find((s) => s.topic === topic && s.name === name)?.parsed.value as ModelTestSuite;
    const { plan } = planModel(readFileSync(join(ROOT, topic, suite.model ?? 'model.yaml')), `${topic}/model.yaml`);
    const testCase = suite.cases[index] as ModelTestSuite['cases'][number];
    const records = testCase.steps.map((step) => recordByColumn(plan as Plan, step.record));
    const results = await engine.score(plan as Plan, records, suite.asOf === null ? {} : { asOf: suite.asOf });
    const report = runModelTests({ ...suite, cases: [testCase] }, replaying(plan as Plan, results)).cases[0];
    expect(report?.problems.map((p) => p.message)).toEqual([]);
    expect(report?.differences.filter((d) => carried(engine, d.path)).map(describeDifference)).toEqual([]);
  });
});

/** A model whose results are the engine's, handed out in order. */
function replaying(plan: Plan, results: readonly ScoreResult[]): HealthModel {
  let next = 0;
  const take = () => results[next++] as ScoreResult;
  return { plan, evaluator: undefined as never, diagnostics: [], columns: [], evaluate: take, scorer: () => ({ score: take, accounts: () => 0, state: () => undefined }), summaryScorer: () => { throw new Error('the model tests replay full results only'); } };
}

/** Whether a compared path (`snapshots[1].metrics.m.band`) is a field the engine computes. */
function carried(engine: Engine, path: string): boolean {
  return engine.carries(path.replace(/^snapshots\[\d+\]\./, '').replace(/\[\d+\].*$/, ''));
}
