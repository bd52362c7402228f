import pg from 'pg';
import { expect, inject } from 'vitest';
import { compiledEvaluator, createScorer, parseDay, planModel, referenceEvaluator, type Evaluator, type Plan, type ScoreResult } from '@vitals/core';
import { scoreRecordsWithDuckDb, scoreWithPostgres, type EngineRow, type PostgresClient } from '@vitals/engines';

/**
 * Every engine the conformance suite holds to the same cases: the two JavaScript evaluators, and
 * the model's SQL run in embedded DuckDB and in a real PostgreSQL. Each scores a list of records
 * in order, as one stream (an account's snapshots carry their history).
 *
 * The SQL engines compute the columns of `vitals score --format csv` and each metric's value,
 * score and band — not the drill-down a JavaScript result also carries (weights, contributions,
 * missing flags, the override and change details, why a playbook fired). Their results hold
 * only what they compute, and `carries` says which fields those are: the suites compare every
 * field an engine carries and skip, by this one reasoned rule, the rest.
 */
export interface Engine {
  readonly name: 'reference' | 'compiled' | 'duckdb' | 'postgres';
  /** Why the engine cannot run here (PostgreSQL did not start); undefined when it can. */
  readonly unavailable: string | undefined;
  score(plan: Plan, records: readonly Readonly<Record<string, unknown>>[], options?: { asOf?: string }): Promise<ScoreResult[]>;
  carries(path: string): boolean;
}

/** A JavaScript evaluator as an engine, and the evaluator itself (`make`) for suites that step it directly. */
export interface JsEngine extends Engine {
  make(plan: Plan): Evaluator;
}

const javascript = (name: 'reference' | 'compiled', make: (plan: Plan) => Evaluator): JsEngine => ({
  name,
  make,
  unavailable: undefined,
  async score(plan, records, options = {}) {
    const scorer = createScorer(make(plan), options.asOf === undefined ? {} : { asOf: dayOf(options.asOf) });
    return records.map((record) => scorer.score(record));
  },
  carries: () => true,
});

function dayOf(date: string): number {
  const day = parseDay(date);
  if (day === undefined) throw new Error(`bug: as-of ${JSON.stringify(date)} is not a date`);
  return day;
}

/** The fields a row of the SQL query holds, by path (`metrics.<key>.score`). */
const SQL_FIELDS = new Set(['id', 'as_of', 'status', 'reason', 'score', 'band', 'coverage', 'segment', 'stage', 'benchmark', 'gap', 'below_benchmark', 'playbooks', 'issues']);
const SQL_MEMBER_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  metrics: new Set(['value', 'score', 'band']),
  categories: new Set(['score', 'band']),
};

export function sqlCarries(path: string): boolean {
  const [head, member, field] = path.split('.');
  if (head === 'pulse') return member === 'age_days';
  if (member === undefined) return SQL_FIELDS.has(head as string);
  const fields = SQL_MEMBER_FIELDS[head as string];
  return fields !== undefined && (field === undefined || fields.has(field));
}

/** An engine row as much of a result as it holds (see `Engine`). */
function asResult(row: EngineRow): ScoreResult {
  return {
    id: row.id,
    as_of: row.as_of,
    status: row.status,
    reason: row.reason,
    score: row.score,
    band: row.band,
    coverage: row.coverage ?? 0,
    segment: row.segment,
    stage: row.stage,
    benchmark: row.benchmark,
    gap: row.gap,
    below_benchmark: row.below_benchmark,
    playbooks: row.playbooks.map((key) => ({ key })),
    issues: row.issues,
    categories: row.categories,
    metrics: row.metrics,
    pulse: { age_days: row.pulse_age_days },
  } as unknown as ScoreResult;
}

const duckdb: Engine = {
  name: 'duckdb',
  unavailable: undefined,
  score: async (plan, records, options = {}) => (await scoreRecordsWithDuckDb(plan, records, options)).map(asResult),
  carries: sqlCarries,
};

let client: Promise<PostgresClient> | undefined;

/** One connection per test file to the run's PostgreSQL (test/support/global-setup.ts), dates kept as text. */
function postgresClient(): Promise<PostgresClient> {
  const connection = inject('postgres');
  if ('unavailable' in connection) throw new Error(`bug: PostgreSQL is unavailable (${connection.unavailable})`);
  client ??= (async () => {
    const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 1082 ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text')) };
    const c = new pg.Client({ ...connection, types });
    await c.connect();
    return c as unknown as PostgresClient;
  })();
  return client;
}

const postgresUnavailable = (): string | undefined => {
  const connection = inject('postgres');
  return 'unavailable' in connection ? connection.unavailable : undefined;
};

const postgres: Engine = {
  name: 'postgres',
  get unavailable() {
    return postgresUnavailable();
  },
  score: async (plan, records, options = {}) => (await scoreWithPostgres(await postgresClient(), plan, records, options)).map(asResult),
  carries: sqlCarries,
};

export const JS_ENGINES: readonly JsEngine[] = [javascript('reference', referenceEvaluator), javascript('compiled', (plan) => compiledEvaluator(plan))];
export const SQL_ENGINES: readonly Engine[] = [duckdb, postgres];
export const ENGINES: readonly Engine[] = [...JS_ENGINES, ...SQL_ENGINES];

/** Compiles model text to a plan, failing the test with every error diagnostic when it does not compile. */
export function planOf(text: string): Plan {
  const { plan, diagnostics } = planModel(text, 'test-model.yaml');
  if (plan === undefined) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    throw new Error(`model does not compile:\n${errors.map((d) => `  ${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`);
  }
  return plan;
}

/** A value at a dotted path of a result. */
export function pick(result: ScoreResult, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], result);
}

/** An expectation restricted to what an engine carries: an object's keys are kept when their path is carried. */
export function carried(engine: Engine, path: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || path === 'issues' || path === 'playbooks') return engine.carries(path) ? value : undefined;
  const kept = Object.entries(value).filter(([key]) => engine.carries(`${path}.${key}`));
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}

/** Expects `value` at `path` of a result, as much of it as the engine carries: an object's carried keys matched, anything else equal. */
export function expectCarried(engine: Engine, result: ScoreResult, path: string, value: unknown): void {
  const wanted = carried(engine, path, value);
  if (wanted === undefined) return;
  if (typeof wanted === 'object' && wanted !== null && !Array.isArray(wanted)) expect(pick(result, path), path).toMatchObject(wanted);
  else expect(pick(result, path), path).toEqual(wanted);
}
