import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import type { ScoreResult } from '@vitals/core';
import { ENGINES, planOf, sqlCarries } from './support/evaluators.js';

/**
 * Every example model over its sample data gives the same result, to the row, in the JavaScript
 * evaluators, DuckDB and PostgreSQL: every field the SQL engines compute (scores, bands, coverage,
 * categories, each metric's value, score and band, benchmarks, gaps, the metrics below the
 * benchmark, playbooks, issues, pulse age). The records are read as the CSV reader reads them.
 */
const MODELS = join(import.meta.dirname, '../models');
const examples = readdirSync(MODELS)
  .filter((name) => existsSync(join(MODELS, name, 'model.yaml')) && existsSync(join(MODELS, name, 'sample.csv')))
  .sort();

function fields(result: ScoreResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(result)) if (sqlCarries(key) && key !== 'playbooks') out[key] = value;
  out['playbooks'] = result.playbooks.map((p) => p.key);
  out['pulse.age_days'] = result.pulse?.age_days ?? null;
  for (const [key, c] of Object.entries(result.categories)) out[`categories.${key}`] = { score: c.score, band: c.band };
  for (const [key, m] of Object.entries(result.metrics)) out[`metrics.${key}`] = { value: m.value, score: m.score, band: m.band };
  delete out['categories'];
  delete out['metrics'];
  return out;
}

describe.each(examples)('%s over its sample', (name) => {
  const plan = planOf(readFileSync(join(MODELS, name, 'model.yaml'), 'utf8'));
  const records = parse(readFileSync(join(MODELS, name, 'sample.csv')), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const reference = ENGINES[0] as (typeof ENGINES)[number];
  test.for(ENGINES.slice(1).map((engine) => [engine.name, engine] as const))('%s gives what the reference evaluator gives, to the row', async ([, engine], { skip }) => {
    if (engine.unavailable !== undefined) skip(engine.unavailable);
    const [expected, actual] = await Promise.all([reference.score(plan, records, { asOf: '2026-06-30' }), engine.score(plan, records, { asOf: '2026-06-30' })]);
    expect(actual).toHaveLength(records.length);
    actual.forEach((result, i) => expect({ row: i + 1, ...fields(result) }).toEqual({ row: i + 1, ...fields(expected[i] as ScoreResult) }));
  });
});
