import type { Plan } from '../compile/plan.js';
import { roundTo } from '../evaluate/numbers.js';
import type { ScoreResult } from '../evaluate/result.js';

/**
 * How the book moved between two dates: each account's band as of the earlier date (its latest
 * snapshot on or before it) against its band as of the later one, the accounts whose score moved
 * most and the metric that moved them, and the book's band counts as of every snapshot date. Plain data.
 */
export interface BookMovement {
  readonly from: string;
  readonly to: string;
  /** The matrix's states: the bands, worst first, then `unscored`. */
  readonly states: readonly string[];
  /** `matrix[i][j]`: accounts in state i as of `from` and state j as of `to`. */
  readonly matrix: readonly (readonly number[])[];
  /** Accounts whose first snapshot is after `from`: not in the matrix. */
  readonly newAccounts: number;
  readonly up: readonly Mover[];
  readonly down: readonly Mover[];
  /** Accounts per band as of each snapshot date (each account's latest snapshot on or before it), oldest first. */
  readonly trend: readonly { readonly as_of: string; readonly bands: Readonly<Record<string, number>> }[];
}

export interface Mover {
  readonly id: string;
  readonly from_score: number;
  readonly to_score: number;
  readonly delta: number;
  readonly from_band: string | null;
  readonly to_band: string | null;
  /** The metric whose contribution moved most in the direction of the score, and by how many points. */
  readonly metric: string | null;
  readonly metric_delta: number | null;
}

export interface MovementAccumulator {
  add(result: ScoreResult): void;
  /** Null when the data has fewer than two snapshot dates (or none after `since`). */
  summary(): BookMovement | null;
}

interface Point {
  readonly asOf: string;
  readonly score: number | null;
  readonly state: string;
  readonly contributions: readonly (number | null)[];
}

interface Trail {
  previous: Point | null;
  latest: Point;
  /** With `since`: the latest snapshot on or before it. */
  atSince: Point | null;
}

const UNSCORED = 'unscored';
const MOVERS = 5;

/** `since`: the earlier date (YYYY-MM-DD); without it, the second-latest snapshot date in the data. Memory: two snapshots per account, and a row of counts per date. */
export function createMovement(plan: Plan, since?: string): MovementAccumulator {
  const trails = new Map<string, Trail>();
  const trend = new Map<string, Map<string, number>>();
  const add = (result: ScoreResult) => {
    if (result.status === 'invalid' || result.id === null || result.as_of === null) return;
    const point: Point = {
      asOf: result.as_of,
      score: result.status === 'scored' ? result.score : null,
      state: result.status === 'scored' && result.band !== null ? result.band : UNSCORED,
      contributions: plan.metrics.map((m) => result.metrics[m.key]?.contribution ?? null),
    };
    const trail = trails.get(result.id);
    // From this date on the account counts in its new state, not its old one (snapshots come in date order).
    const changes = trend.get(point.asOf) ?? new Map<string, number>();
    changes.set(point.state, (changes.get(point.state) ?? 0) + 1);
    if (trail !== undefined) changes.set(trail.latest.state, (changes.get(trail.latest.state) ?? 0) - 1);
    trend.set(point.asOf, changes);
    const atSince = since !== undefined && point.asOf <= since ? point : (trail?.atSince ?? null);
    if (trail === undefined) trails.set(result.id, { previous: null, latest: point, atSince });
    else Object.assign(trail, { previous: trail.latest, latest: point, atSince });
  };
  const summary = (): BookMovement | null => {
    const dates = [...trend.keys()].sort();
    const to = dates[dates.length - 1];
    const from = since ?? dates[dates.length - 2];
    if (to === undefined || from === undefined || from >= to) return null;
    const states = [...plan.bands.names, UNSCORED];
    const matrix = states.map(() => states.map(() => 0));
    const movers: Mover[] = [];
    let newAccounts = 0;
    for (const [id, trail] of trails) {
      const before = since !== undefined ? trail.atSince : trail.latest.asOf <= from ? trail.latest : trail.previous;
      if (before === null) {
        newAccounts++;
        continue;
      }
      const after = trail.latest;
      const row = matrix[states.indexOf(before.state)] as number[];
      const column = states.indexOf(after.state);
      row[column] = (row[column] ?? 0) + 1;
      if (before !== after && before.score !== null && after.score !== null && before.score !== after.score) movers.push(mover(plan, id, before, after));
    }
    const byDelta = (a: Mover, b: Mover) => Math.abs(b.delta) - Math.abs(a.delta) || a.id.localeCompare(b.id);
    return {
      from,
      to,
      states,
      matrix,
      newAccounts,
      up: movers.filter((m) => m.delta > 0).sort(byDelta).slice(0, MOVERS),
      down: movers.filter((m) => m.delta < 0).sort(byDelta).slice(0, MOVERS),
      trend: asOfEach(dates, states, trend),
    };
  };
  return { add, summary };
}

/** The running totals of each date's changes: the book as of each date. */
function asOfEach(dates: readonly string[], states: readonly string[], changes: Map<string, Map<string, number>>): BookMovement['trend'] {
  const running = new Map(states.map((s) => [s, 0]));
  return dates.map((asOf) => {
    for (const [state, change] of changes.get(asOf) ?? []) running.set(state, (running.get(state) ?? 0) + change);
    return { as_of: asOf, bands: Object.fromEntries(states.map((s) => [s, running.get(s) ?? 0])) };
  });
}

function mover(plan: Plan, id: string, before: Point, after: Point): Mover {
  const delta = roundTo((after.score as number) - (before.score as number), plan.precision);
  let metric: string | null = null;
  let moved = 0;
  plan.metrics.forEach((m, i) => {
    const change = (after.contributions[i] ?? 0) - (before.contributions[i] ?? 0);
    if (Math.sign(change) === Math.sign(delta) && Math.abs(change) > Math.abs(moved)) [metric, moved] = [m.key, change];
  });
  return { id, from_score: before.score as number, to_score: after.score as number, delta, from_band: before.state === UNSCORED ? null : before.state, to_band: after.state === UNSCORED ? null : after.state, metric, metric_delta: metric === null ? null : roundTo(moved, plan.precision) };
}
