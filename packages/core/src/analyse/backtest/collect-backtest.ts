import type { Plan } from '../../compile/plan.js';
import { formatDay, parseDay } from '../../evaluate/dates.js';
import type { ScoreResult } from '../../evaluate/result.js';
import type { BacktestCounts, BacktestRefusal, Miss, OutcomeDescription } from './backtest-report.js';
import { growableFloat64, growableInt32, growableUint8, type Growable } from './growable.js';
import { outcomeMappingText, readOutcome, type OutcomeReading } from './outcome.js';
import { wilsonRate } from './wilson.js';

export interface BacktestSetup {
  /** One model, or two to compare on the same rows. */
  readonly plans: readonly Plan[];
  /** The column holding the outcome. */
  readonly outcomeField: string;
  /** Date outcomes: a churn counts when it falls within this many days after the snapshot (null: any time later). */
  readonly horizonDays?: number | null;
  /** Date outcomes: the last day the data can tell about (YYYY-MM-DD); default the latest date in the data. */
  readonly observedUntil?: string | null;
  /** Misses listed per model (default 10). */
  readonly misses?: number;
}

/** An outcome value the backtest refuses to guess at. */
export interface OutcomeIssue {
  readonly row: number;
  readonly line: number | null;
  readonly field: string;
  readonly value: string;
  readonly message: string;
}

/** One model's columns over the observations. */
export interface CollectedModel {
  readonly plan: Plan;
  readonly scores: Float64Array;
  /** Band index (worst first) of each observation. */
  readonly bands: Int32Array;
  /** Each category followed by its metrics, in the plan's order: each one's score per observation (NaN: none). */
  readonly components: readonly { readonly kind: 'category' | 'metric'; readonly key: string; readonly title: string | null; readonly scores: Float64Array }[];
  /** Per metric (plan order), 1 where its data was missing (its score, if any, was imputed). */
  readonly metricMissing: readonly Uint8Array[];
  readonly misses: readonly Miss[];
}

/** What the statistics read: plain data, one entry per observation in every array. */
export interface CollectedBacktest {
  readonly outcome: OutcomeDescription;
  readonly counts: BacktestCounts;
  /** 1: churned within the outcome's window; 0: retained. */
  readonly labels: Uint8Array;
  /** Account index per observation when accounts have several snapshots; null when each observation is its own account. */
  readonly clusters: Int32Array | null;
  readonly models: readonly CollectedModel[];
}

export interface BacktestCollector {
  /** One data row: its result under each model (null: the row could not be read) and its outcome cell. */
  add(results: readonly (ScoreResult | null)[], outcome: unknown, where: { readonly row: number; readonly line: number | null }): OutcomeIssue | undefined;
  finish(): { readonly value: CollectedBacktest } | { readonly refusal: BacktestRefusal };
}

const SCORED = 0;
const UNSCORED = 1;

/**
 * Gathers a backtest row by row in compact columns (memory: a few numbers per row and component),
 * so a million-row file streams through. Which rows count is decided in `finish`, once the outcome
 * kind and the end of the data are known: a snapshot on or after its churn date never counts (it
 * would be judged on what it already shows), nor one whose horizon runs past the end of the data
 * without a churn in it (its outcome is not known yet).
 */
export function createBacktest(setup: BacktestSetup): BacktestCollector {
  const horizon = setup.horizonDays ?? null;
  const listed = setup.misses ?? 10;
  const rows = { status: growableUint8(), asOf: growableFloat64(), outcome: growableFloat64(), cluster: growableInt32() };
  const models = setup.plans.map((plan) => modelColumns(plan, listed));
  const ids = new Map<string, number>();
  const counts = { rows: 0, invalid: 0 };
  let nextCluster = 0;
  let kind: { kind: 'label' | 'date'; row: number } | null = null;
  let latestDay = -Infinity;

  function kindConflict(reading: OutcomeReading, where: { row: number; line: number | null }, value: unknown): OutcomeIssue | undefined {
    if (reading.kind !== 'label' && reading.kind !== 'date') return undefined;
    if (kind === null) kind = { kind: reading.kind, row: where.row };
    if (kind.kind === reading.kind) return undefined;
    const held = kind.kind === 'date' ? 'churn dates' : 'labels (churned or not)';
    return issue(where, value, `the outcome column holds ${held} (from row ${kind.row} on), but this row has ${reading.kind === 'date' ? 'a date' : 'a label'}`);
  }

  function issue(where: { row: number; line: number | null }, value: unknown, message: string): OutcomeIssue {
    return { row: where.row, line: where.line, field: setup.outcomeField, value: typeof value === 'string' ? value : JSON.stringify(value), message };
  }

  return {
    add(results, value, where) {
      counts.rows++;
      const reading = readOutcome(value);
      if (reading.kind === 'unknown') return issue(where, value, `${JSON.stringify(value)} is not an outcome: expected ${outcomeMappingText()}`);
      const conflict = kindConflict(reading, where, value);
      if (conflict !== undefined) return conflict;
      if (results.some((r) => r === null || r.status === 'invalid')) {
        counts.invalid++;
        return undefined;
      }
      const scored = results as readonly ScoreResult[];
      const asOf = scored[0]?.as_of == null ? NaN : (parseDay(scored[0].as_of) as number);
      const outcome = reading.kind === 'label' ? (reading.churned ? 1 : 0) : reading.kind === 'date' ? reading.day : NaN;
      if (!Number.isNaN(asOf)) latestDay = Math.max(latestDay, asOf);
      if (reading.kind === 'date') latestDay = Math.max(latestDay, reading.day);
      const status = scored.every((r) => r.status === 'scored') ? SCORED : UNSCORED;
      rows.status.push(status);
      rows.asOf.push(asOf);
      rows.outcome.push(outcome);
      const id = scored[0]?.id ?? null;
      let cluster = id === null ? undefined : ids.get(id);
      if (cluster === undefined) {
        cluster = nextCluster++;
        if (id !== null) ids.set(id, cluster);
      }
      rows.cluster.push(cluster);
      const positive = reading.kind === 'label' ? reading.churned : reading.kind === 'date' && asOf < reading.day && (horizon === null || reading.day <= asOf + horizon);
      scored.forEach((result, m) => (models[m] as ModelColumns).add(result, status === SCORED && positive, where));
      return undefined;
    },
    finish() {
      const outcomeKind = kind?.kind ?? 'label';
      if (outcomeKind === 'label' && horizon !== null) return { refusal: { code: 'horizon-needs-dates' } };
      const asOf = rows.asOf.values();
      if (outcomeKind === 'date' && asOf.some((d) => Number.isNaN(d))) return { refusal: { code: 'dates-need-as-of' } };
      const until = setup.observedUntil == null ? latestDay : (parseDay(setup.observedUntil) as number);
      const judged = judge(outcomeKind, rows.status.values(), asOf, rows.outcome.values(), horizon, until);
      const keep = judged.keep;
      const clusterColumn = rows.cluster.values();
      const clusters = select(clusterColumn, keep, Int32Array);
      const accounts = new Set(clusters).size;
      const outcome: OutcomeDescription = {
        field: setup.outcomeField,
        kind: outcomeKind,
        horizonDays: outcomeKind === 'date' ? horizon : null,
        observedUntil: outcomeKind === 'date' && Number.isFinite(until) ? formatDay(until) : null,
      };
      const value: CollectedBacktest = {
        outcome,
        counts: {
          rows: counts.rows,
          observations: keep.length,
          accounts: ids.size === 0 ? null : accounts,
          invalid: counts.invalid,
          unscored: judged.unscored.count,
          unscoredRate: judged.unscored.known === 0 ? null : wilsonRate(judged.unscored.churned, judged.unscored.known),
          noOutcome: judged.noOutcome,
          afterOutcome: judged.afterOutcome,
          censored: judged.censored,
        },
        labels: select(judged.labels, keep, Uint8Array),
        clusters: ids.size > 0 && accounts < keep.length ? clusters : null,
        models: models.map((m) => m.finish(keep)),
      };
      return { value };
    },
  };
}

interface Judged {
  /** Row indexes (among the rows kept in the columns) that are observations. */
  readonly keep: Int32Array;
  /** Per kept row: its label. */
  readonly labels: Uint8Array;
  readonly noOutcome: number;
  readonly afterOutcome: number;
  readonly censored: number;
  readonly unscored: { count: number; known: number; churned: number };
}

/** Which rows are observations, and their labels (see `createBacktest`). */
function judge(kind: 'label' | 'date', status: Uint8Array, asOf: Float64Array, outcome: Float64Array, horizon: number | null, until: number): Judged {
  const keep: number[] = [];
  const labels = new Uint8Array(status.length);
  const tally = { noOutcome: 0, afterOutcome: 0, censored: 0 };
  const unscored = { count: 0, known: 0, churned: 0 };
  for (let i = 0; i < status.length; i++) {
    const label = kind === 'label' ? labelOf(outcome[i] as number) : dateLabel(asOf[i] as number, outcome[i] as number, horizon, until);
    if (status[i] === UNSCORED) {
      unscored.count++;
      if (label === 0 || label === 1) (unscored.known++, (unscored.churned += label));
      continue;
    }
    if (label === 'blank') tally.noOutcome++;
    else if (label === 'after') tally.afterOutcome++;
    else if (label === 'censored') tally.censored++;
    else {
      labels[i] = label;
      keep.push(i);
    }
  }
  return { keep: Int32Array.from(keep), labels, ...tally, unscored };
}

type Label = 0 | 1 | 'blank' | 'after' | 'censored';

function labelOf(outcome: number): Label {
  return Number.isNaN(outcome) ? 'blank' : outcome === 1 ? 1 : 0;
}

function dateLabel(asOf: number, churnDay: number, horizon: number | null, until: number): Label {
  const churned = !Number.isNaN(churnDay);
  if (churned && churnDay <= asOf) return 'after';
  if (churned && (horizon === null || churnDay <= asOf + horizon)) return 1;
  if (horizon !== null && asOf + horizon > until) return 'censored';
  return 0;
}

function select<T extends Int32Array | Uint8Array | Float64Array>(column: T, keep: Int32Array, Type: new (n: number) => T): T {
  const out = new Type(keep.length);
  for (let k = 0; k < keep.length; k++) out[k] = column[keep[k] as number] as number;
  return out;
}

interface ModelColumns {
  add(result: ScoreResult, miss: boolean, where: { row: number; line: number | null }): void;
  finish(keep: Int32Array): CollectedModel;
}

function modelColumns(plan: Plan, listed: number): ModelColumns {
  const best = plan.bands.names[plan.bands.names.length - 1] as string;
  const scores = growableFloat64();
  const bands = growableInt32();
  const categories = plan.categories.map((c) => ({ kind: 'category' as const, key: c.key, title: c.title, column: growableFloat64() }));
  const metrics = plan.metrics.map((m) => ({ kind: 'metric' as const, key: m.key, title: m.title, column: growableFloat64(), missing: growableUint8() }));
  const misses: Miss[] = [];
  return {
    add(result, positive, where) {
      scores.push(result.score ?? NaN);
      bands.push(result.band === null ? -1 : plan.bands.names.indexOf(result.band));
      for (const c of categories) c.column.push(result.categories[c.key]?.score ?? NaN);
      for (const m of metrics) {
        const metric = result.metrics[m.key];
        m.column.push(metric?.score ?? NaN);
        m.missing.push(metric?.missing === true ? 1 : 0);
      }
      if (positive && result.band === best) keepMiss(misses, { row: where.row, line: where.line, result }, listed);
    },
    finish(keep) {
      const column = (g: Growable<Float64Array>) => select(g.values(), keep, Float64Array);
      return {
        plan,
        scores: column(scores),
        bands: select(bands.values(), keep, Int32Array),
        components: categories.flatMap((c, i) => [c, ...metrics.filter((m) => (plan.categories[i]?.metrics ?? []).includes(m.key))]).map((c) => ({ kind: c.kind, key: c.key, title: c.title, scores: column(c.column) })),
        metricMissing: metrics.map((m) => select(m.missing.values(), keep, Uint8Array)),
        misses,
      };
    },
  };
}

/** The highest-scoring misses, earliest row first among equal scores. */
function keepMiss(misses: Miss[], miss: Miss, listed: number): void {
  if (listed === 0) return;
  const score = miss.result.score as number;
  if (misses.length === listed && score <= ((misses[misses.length - 1] as Miss).result.score as number)) return;
  let at = misses.length;
  while (at > 0 && ((misses[at - 1] as Miss).result.score as number) < score) at--;
  misses.splice(at, 0, miss);
  if (misses.length > listed) misses.pop();
}
