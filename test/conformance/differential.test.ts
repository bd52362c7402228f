import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compiledEvaluator, createScorer, createSummaryScorer, formatDay, referenceEvaluator, summaryOf, type Evaluator, type Scorer, type ScoreResult } from '@vitals/core';
import { JS_ENGINES, SQL_ENGINES, planOf, type Engine } from '../support/evaluators.js';
import { modelArbitrary, recordArbitrary, type GeneratedModel, type GeneratedRecord } from '../support/model-arbitraries.js';
import { createResultOracle } from '../support/result-invariants.js';

/**
 * The fuzzer, kept in `npm test`: random valid models (test/support/model-arbitraries.ts) and random
 * histories of snapshots, through both evaluators. The compiled evaluator must agree with the
 * reference to the last bit (toEqual tells 0 from -0), state included, and its summary step (what
 * `vitals score` runs) the summary of that; neither may throw; every
 * result must satisfy the documented invariants (test/support/result-invariants.ts); a good record
 * after a history is still scored; and the results checked really came from the generated code.
 *
 * A fixed seed keeps `npm test` repeatable and quick (a few seconds). To search longer, or elsewhere:
 *   VITALS_FUZZ_RUNS=5000 VITALS_FUZZ_SEED=$RANDOM npx vitest run test/conformance/differential.test.ts
 * A failure prints the seed and path that replay it, and the shrunk model and records.
 */
const RUNS = Number(process.env['VITALS_FUZZ_RUNS'] ?? 80);
const SEED = Number(process.env['VITALS_FUZZ_SEED'] ?? 1_409_2026);

/** 2026-01-01, where histories start; the as-of date of models without an as-of field. */
const START = 20_454;
const AS_OF = 20_500;

interface Snapshot {
  readonly account: string;
  /** Days after the account's previous snapshot: 0 is a duplicate, negative out of order. */
  readonly gap: number;
  readonly record: GeneratedRecord;
}

const GAPS = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(1, 7, 28, 31, 45, 400) }, { weight: 1, arbitrary: fc.constantFrom(0, -3) });

/** Random models, each with snapshots of two accounts interleaved. */
const histories = modelArbitrary().chain((model) =>
  fc.tuple(fc.constant(model), fc.array(fc.record({ account: fc.constantFrom('a', 'b'), gap: GAPS, record: recordArbitrary(model) }), { minLength: 1, maxLength: 24 })),
);

/** Models with history, hysteresis and overrides, each with one account's long history: the lifecycle's corners. */
const lifecycles = modelArbitrary({ lifecycle: true }).chain((model) =>
  fc.tuple(fc.constant(model), fc.array(fc.record({ account: fc.constant('a'), gap: GAPS, record: recordArbitrary(model) }), { minLength: 4, maxLength: 24 })),
);

/** The record as a file would hold it: snapshot-relative dates placed around its day. */
function materialise(model: GeneratedModel, snapshot: Snapshot, day: number): Record<string, unknown> {
  const record: Record<string, unknown> = { ...snapshot.record.fields };
  for (const [field, offset] of Object.entries(snapshot.record.relative)) record[field] = formatDay(day + offset);
  return model.history ? { ...record, account: snapshot.account, day: formatDay(day) } : record;
}

/** A record every generated model can read: whatever came before, it must not be refused. */
function controlRecord(model: GeneratedModel, day: number): Record<string, unknown> {
  const good: Record<string, unknown> = { n1: 50, n2: 10, n3: 3, n4: 1, tier: model.shape.tierValues[0], flag: true, d1: '2026-01-01', d2: '2026-03-01' };
  if (model.shape.pulseLevels !== null) Object.assign(good, { pulse: model.shape.pulseLevels[0], pulse_day: formatDay(day - 5) });
  if (model.shape.stages) good['stage'] = 'adopt';
  return model.history ? { ...good, account: 'control', day: formatDay(day) } : good;
}

/** Scores the history through both evaluators (each behind a scorer), checking every result. */
function runHistory(model: GeneratedModel, snapshots: readonly Snapshot[]): void {
  const plan = planOf(model.text);
  const compiled = compiledEvaluator(plan, { instrument: true });
  const engines: Evaluator[] = [referenceEvaluator(plan), compiled];
  const [reference, fast] = engines.map((engine) => createScorer(engine, { asOf: AS_OF })) as [Scorer, Scorer];
  const summary = createSummaryScorer(compiled, { asOf: AS_OF });
  // The playground's compile: the plan's numbers read at run time, each expression a function of its own; it scores by the summary step.
  const asDataEvaluator = compiledEvaluator(plan, { numbers: 'data' });
  const asData = createScorer(asDataEvaluator, { asOf: AS_OF });
  const asDataSummary = createSummaryScorer(asDataEvaluator, { asOf: AS_OF });
  const oracle = createResultOracle(plan);
  const lastDay = new Map<string, number>();
  let stepped = 0;
  const score = (record: Record<string, unknown>, account: string): ScoreResult => {
    const expected = reference.score(record);
    expect(fast.score(record)).toEqual(expected);
    expect(asData.score(record)).toEqual(expected);
    expect(fast.state(account)).toEqual(reference.state(account));
    expect(summary.score(record)).toEqual(summaryOf(expected));
    expect(asDataSummary.score(record)).toEqual(summaryOf(expected));
    expect(summary.state(account)).toEqual(reference.state(account));
    oracle.check(expected);
    if (!expected.issues.some((issue) => issue.code.startsWith('snapshot-'))) stepped++;
    return expected;
  };
  for (const snapshot of snapshots) {
    const day = (lastDay.get(snapshot.account) ?? START) + snapshot.gap;
    lastDay.set(snapshot.account, Math.max(day, lastDay.get(snapshot.account) ?? day));
    score(materialise(model, snapshot, day), snapshot.account);
  }
  const control = score(controlRecord(model, START + 2000), 'control');
  expect(control.status, 'a good record after the history').not.toBe('invalid');
  expect(compiled.stepsRun()).toBe(stepped);
  expect(compiled.summaryStepsRun()).toBe(stepped);
}

const TIMEOUT = Math.max(60_000, RUNS * 1_000);

describe('the fuzzer: both evaluators on random models and histories', () => {
  test(`${RUNS} models (seed ${SEED}): bit-equal results and states, no throw, every invariant`, () => {
    fc.assert(fc.property(histories, ([model, snapshots]) => runHistory(model, snapshots)), { numRuns: RUNS, seed: SEED });
  }, TIMEOUT);

  test(`${Math.ceil(RUNS / 2)} lifecycle models (seed ${SEED}): snapshots without data, overrides on them, hysteresis`, () => {
    fc.assert(fc.property(lifecycles, ([model, snapshots]) => runHistory(model, snapshots)), { numRuns: Math.ceil(RUNS / 2), seed: SEED });
  }, TIMEOUT);

  test('the compiled evaluator runs generated code, not the interpreter', () => {
    const plan = planOf(`
vitals: 1
model: tiny
bands: [{ name: low, below: 50 }, { name: high }]
inputs: { x: { type: number } }
categories: { all: { weight: 1 } }
metrics: { m: { category: all, value: x * 2, score: identity } }
`);
    const compiled = compiledEvaluator(plan, { instrument: true });
    expect(compiled.engine).toBe('compiled');
    expect(compiled.source).toContain('ctx.stepsRun++');
    expect(compiled.source).not.toMatch(/interpret/);
    expect(compiled.step({ x: 30 }, undefined).result.score).toBe(60);
    expect(compiled.stepsRun()).toBe(1);
  });
});

/** A result as the SQL engines carry it, with −0 read as 0 (SQL and JavaScript may sign a zero differently). */
function comparable(result: ScoreResult): Record<string, unknown> {
  const zero = (v: unknown) => (Object.is(v, -0) ? 0 : v);
  const out: Record<string, unknown> = {};
  for (const path of ['id', 'as_of', 'status', 'reason', 'score', 'band', 'coverage', 'segment', 'stage', 'benchmark', 'gap', 'below_benchmark', 'issues']) out[path] = zero(result[path as keyof ScoreResult]);
  out['playbooks'] = result.playbooks.map((p) => p.key);
  for (const [key, c] of Object.entries(result.categories)) out[`categories.${key}`] = [zero(c.score), c.band];
  for (const [key, m] of Object.entries(result.metrics)) out[`metrics.${key}`] = [zero(m.value), zero(m.score), m.band];
  return out;
}

/** Records as a CSV file gives them: text, blank for missing. */
function asText(record: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));
}

/**
 * Engines' own ln and exp differ from JavaScript's in the last bit on a few per cent of inputs
 * (V8's fdlibm against the C library): a raw value computed with `log` may differ by an ulp or
 * two. Everything else — scores (read at 15 digits before rounding), bands, coverage, playbooks,
 * issues — must be identical.
 */
function sameValue(a: unknown, b: unknown, logarithmic: boolean): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  return logarithmic && typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
}

/** The snapshots of a generated history as a file holds them, in order. */
function historyRecords(model: GeneratedModel, snapshots: readonly Snapshot[]): Record<string, string>[] {
  const lastDay = new Map<string, number>();
  return snapshots.map((snapshot) => {
    const day = (lastDay.get(snapshot.account) ?? START) + snapshot.gap;
    lastDay.set(snapshot.account, Math.max(day, lastDay.get(snapshot.account) ?? day));
    return asText(materialise(model, snapshot, day));
  });
}

describe('the DuckDB engine agrees with the reference', () => {
  const duckdb = SQL_ENGINES.find((e) => e.name === 'duckdb') as Engine;
  const reference = JS_ENGINES[0] as Engine;
  const check = async ([model, snapshots]: [GeneratedModel, readonly Snapshot[]]) => {
    const plan = planOf(model.text);
    const records = historyRecords(model, snapshots);
    const asOf = formatDay(AS_OF);
    const [expected, actual] = await Promise.all([reference.score(plan, records, { asOf }), duckdb.score(plan, records, { asOf })]);
    const logarithmic = /log\(/.test(model.text);
    expected.forEach((result, i) => {
      const [want, got] = [comparable(result), comparable(actual[i] as ScoreResult)];
      for (const [path, value] of Object.entries(want)) {
        const other = got[path];
        const same = Array.isArray(value) ? Array.isArray(other) && value.every((v, j) => sameValue(v, other[j], logarithmic && path.startsWith('metrics.') && j === 0)) : JSON.stringify(value) === JSON.stringify(other);
        if (!same) expect({ record: i + 1, path, sql: other }).toEqual({ record: i + 1, path, sql: value });
      }
    });
  };
  const SQL_RUNS = Number(process.env['VITALS_SQL_RUNS'] ?? 30);
  test(`${SQL_RUNS} random models and histories (seed ${SEED})`, async () => {
    await fc.assert(fc.asyncProperty(histories, check), { numRuns: SQL_RUNS, seed: SEED });
  }, 300_000);
  test(`${Math.ceil(SQL_RUNS / 2)} lifecycle models (seed ${SEED})`, async () => {
    await fc.assert(fc.asyncProperty(lifecycles, check), { numRuns: Math.ceil(SQL_RUNS / 2), seed: SEED });
  }, 300_000);
});
