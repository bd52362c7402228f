import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compiledEvaluator, healthModel, parseModelTests, planModel, recordByColumn, summaryOf, type EvaluateOptions, type Plan } from '@vitals/core';
import { readRows } from '@vitals/data';
import { JS_ENGINES } from '../support/evaluators.js';

/**
 * The summary step (what `vitals score` runs: the result without its explanation) must give
 * exactly `summaryOf` the full step's result, state for state, on every evaluator: over the
 * example models' sample files as the CLI reads them (text cells), and over the conformance
 * fixtures' records and histories, both as written (numbers, booleans) and as text, as a CSV
 * would give them.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Stream {
  readonly name: string;
  readonly plan: Plan;
  readonly options: EvaluateOptions;
  /** Each a history scored through one scorer. */
  readonly histories: readonly (readonly Readonly<Record<string, unknown>>[])[];
}

function planAt(file: string): Plan {
  const { plan, diagnostics } = planModel(readFileSync(file), file);
  if (plan === undefined) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return plan;
}

function exampleStreams(): Stream[] {
  const models = join(ROOT, 'models');
  return readdirSync(models)
    .filter((name) => existsSync(join(models, name, 'sample.csv')))
    .sort()
    .flatMap((name) =>
      readdirSync(join(models, name))
        .filter((file) => /^model.*\.yaml$/.test(file))
        .map((file) => {
          const plan = planAt(join(models, name, file));
          const { rows } = readRows(readFileSync(join(models, name, 'sample.csv')), { format: 'csv' });
          const records = rows.flatMap((row) => (row.record === null ? [] : [row.record]));
          return { name: `models/${name}/${file} on sample.csv`, plan, options: { asOf: '2026-06-30' }, histories: [records] };
        }),
    );
}

function fixtureStreams(): Stream[] {
  const root = join(ROOT, 'test/fixtures/conformance');
  return readdirSync(root)
    .sort()
    .flatMap((topic) =>
      readdirSync(join(root, topic))
        .filter((file) => file.endsWith('.test.yaml'))
        .sort()
        .map((file) => {
          const suite = parseModelTests(readFileSync(join(root, topic, file)), `${topic}/${file}`).value;
          if (suite === undefined) throw new Error(`${topic}/${file} does not parse`);
          const plan = planAt(join(root, topic, suite.model ?? 'model.yaml'));
          const histories = suite.cases.map((c) => c.steps.map((step) => recordByColumn(plan, step.record)));
          return { name: `conformance/${topic}/${file}`, plan, options: suite.asOf === null ? {} : { asOf: suite.asOf }, histories };
        }),
    );
}

/** The record as a CSV file would give it: every value as its text, nothing for null. */
function asText(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value === null || value === undefined ? '' : String(value)]));
}

const STREAMS = [...exampleStreams(), ...fixtureStreams()];

test('the streams are there', () => {
  expect(STREAMS.filter((s) => s.name.startsWith('models/')).length).toBeGreaterThanOrEqual(4);
  expect(STREAMS.filter((s) => s.name.startsWith('conformance/')).length).toBeGreaterThanOrEqual(5);
});

describe.each(JS_ENGINES)('the summary step of the $name evaluator', ({ make }) => {
  test.each(STREAMS.map((s) => [s.name, s] as const))('%s', (_, stream) => {
    const model = healthModel(stream.plan, make(stream.plan), []);
    let compared = 0;
    for (const history of stream.histories) {
      for (const read of [(r: Readonly<Record<string, unknown>>) => r, asText]) {
        const full = model.scorer(stream.options);
        const summary = model.summaryScorer(stream.options);
        for (const record of history) {
          expect(summary.score(read(record))).toEqual(summaryOf(full.score(read(record))));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

test('the compiled summary step runs its own generated code', () => {
  const plan = planAt(join(ROOT, 'models/saas-seven-metrics/model.yaml'));
  const compiled = compiledEvaluator(plan, { instrument: true });
  const { rows } = readRows(readFileSync(join(ROOT, 'models/saas-seven-metrics/sample.csv')), { format: 'csv' });
  for (const row of rows) if (row.record !== null) compiled.stepSummary(row.record, undefined);
  expect(compiled.summaryStepsRun()).toBe(rows.length);
  expect(compiled.stepsRun()).toBe(0);
});
