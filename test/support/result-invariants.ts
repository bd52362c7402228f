import { expect } from 'vitest';
import { roundTo, type BandPlan, type Plan, type ScoreResult } from '@vitals/core';

/** What the oracle remembers of an account, from the results alone (never the evaluators' state). */
interface Seen {
  /** The last computed band (after hysteresis, before any override). */
  computedBand: string | null;
  /** The last snapshot that showed a band. */
  shown: { asOf: string; band: string; score: number | null } | null;
  /** Day each playbook last fired. */
  fired: Map<string, number>;
}

/**
 * What every result must satisfy, whatever the model and the record, worked out from the documented
 * rules and independently of the evaluators' code: it keeps its own account histories (from the
 * results it is shown, in order) rather than trusting the state an evaluator hands on.
 */
export function createResultOracle(plan: Plan): { check(result: ScoreResult): void } {
  const accounts = new Map<string, Seen>();
  return {
    check(result) {
      const seen = result.id === null ? undefined : accounts.get(result.id);
      expectResultInvariants(plan, result, seen);
      if (result.status === 'invalid' || result.id === null || result.as_of === null) return;
      const next = seen ?? { computedBand: null, shown: null, fired: new Map() };
      next.computedBand = computedBand(result) ?? next.computedBand;
      if (result.band !== null) next.shown = { asOf: result.as_of, band: result.band, score: result.score };
      for (const p of result.playbooks) next.fired.set(p.key, day(result.as_of));
      accounts.set(result.id, next);
    },
  };
}

const day = (iso: string) => Date.parse(iso) / 86_400_000;
const computedBand = (result: ScoreResult) => (result.override?.status === 'active' ? result.override.computed_band : result.band);

function expectResultInvariants(plan: Plan, result: ScoreResult, seen: Seen | undefined): void {
  expectFiniteNumbers(result);
  if (result.status === 'invalid') {
    expect(result.issues.length, 'an invalid result says why').toBeGreaterThan(0);
    expect([result.score, result.band, result.playbooks.length]).toEqual([null, null, 0]);
    return;
  }
  expect(result.issues).toEqual([]);
  expect(result.status === 'scored', 'scored exactly when there is a score').toBe(result.score !== null);
  expect(result.reason === null, 'a reason exactly when unscored').toBe(result.status === 'scored');
  expect(result.coverage).toBeGreaterThanOrEqual(0);
  expect(result.coverage).toBeLessThanOrEqual(1);
  expectScoresOnTheGrid(plan, result);
  expectMetricsScored(plan, result);
  expectOverrideWindow(result);
  expectBands(plan, result, seen?.computedBand ?? null);
  expectChange(plan, result, seen?.shown ?? null);
  expectDates(plan, result);
  expectCooldowns(plan, result, seen?.fired);
}

/** Overflow is null: no Infinity or NaN anywhere in a result. */
function expectFiniteNumbers(value: unknown, path = 'result'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} is ${value}`).toBe(true);
  else if (Array.isArray(value)) value.forEach((item, i) => expectFiniteNumbers(item, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) expectFiniteNumbers(item, `${path}.${key}`);
}

/** Every score lies on the scale and on the precision grid; a gap on the grid. */
function expectScoresOnTheGrid(plan: Plan, result: ScoreResult): void {
  const { min, max } = plan.scale;
  const onScale = (score: number | null, what: string) => {
    if (score === null) return;
    expect(score >= min && score <= max, `${what} ${score} on the scale ${min}–${max}`).toBe(true);
    expect(roundTo(score, plan.precision), `${what} ${score} on the precision grid`).toBe(score);
  };
  onScale(result.score, 'score');
  for (const [key, category] of Object.entries(result.categories)) onScale(category.score, `category ${key}`);
  for (const [key, metric] of Object.entries(result.metrics)) onScale(metric.score, `metric ${key}`);
  if (result.gap !== null) expect(roundTo(result.gap, plan.precision)).toBe(result.gap);
}

/** A number under identity, linear or steps always has a score, however large: the scale clamps it. */
function expectMetricsScored(plan: Plan, result: ScoreResult): void {
  for (const metric of plan.metrics) {
    const m = result.metrics[metric.key];
    const method = metric.score.method;
    if (typeof m?.value === 'number' && (method === 'identity' || method === 'linear' || method === 'steps')) {
      expect(m.missing, `metric ${metric.key} with value ${m.value}`).toBe(false);
    }
  }
}

/** Active exactly inside set_at ≤ as_of < expires_at; inverted when the window is empty. */
function expectOverrideWindow(result: ScoreResult): void {
  const o = result.override;
  if (o === null || result.as_of === null) return;
  const [asOf, from, until] = [day(result.as_of), o.set_at === null ? null : day(o.set_at), o.expires_at === null ? null : day(o.expires_at)];
  const expected =
    until === null ? 'no-expiry' : from !== null && until <= from ? 'inverted' : asOf >= until ? 'expired' : from !== null && asOf < from ? 'not-yet-valid' : 'active';
  expect(o.status, `override ${o.set_at}…${o.expires_at} as of ${result.as_of}`).toBe(expected);
}

function plainBand(bands: BandPlan, score: number | null): string | null {
  if (score === null) return null;
  const index = bands.thresholds.findIndex((t) => score < t);
  return bands.names[index < 0 ? bands.names.length - 1 : index] as string;
}

/**
 * Metric and category bands are plain. The overall band is an active override's, or else the plain
 * band — unless hysteresis holds the previous computed band P: lower(P) − h ≤ score < upper(P) + h.
 */
function expectBands(plan: Plan, result: ScoreResult, previousBand: string | null): void {
  for (const metric of plan.metrics) {
    const m = result.metrics[metric.key];
    expect(m?.band, `metric ${metric.key}`).toBe(plainBand(metric.bands, m?.score ?? null));
  }
  for (const category of plan.categories) {
    const c = result.categories[category.key];
    expect(c?.band, `category ${category.key}`).toBe(plainBand(category.bands, c?.score ?? null));
  }
  const override = result.override?.status === 'active' ? result.override : null;
  const computed = override === null ? result.score : override.computed_score;
  const expected = withHysteresis(plan, computed, previousBand);
  if (expected !== undefined) expect(override === null ? result.band : override.computed_band, `band of ${computed} after ${previousBand ?? 'nothing'}`).toBe(expected);
  if (override !== null && override.score !== null) {
    expect(result.score).toBe(roundTo(override.score, plan.precision));
    expect(result.band).toBe(override.band ?? plainBand(plan.bands, result.score));
  } else if (override !== null) {
    expect([result.score, result.band]).toEqual([override.computed_score, override.band]);
  }
}

/** The band hysteresis gives, or undefined when the score is too close to an edge for this oracle to judge. */
function withHysteresis(plan: Plan, score: number | null, previousBand: string | null): string | null | undefined {
  const plain = plainBand(plan.bands, score);
  const h = plan.hysteresis;
  if (score === null || h <= 0 || previousBand === null || plain === previousBand) return plain;
  const index = plan.bands.names.indexOf(previousBand);
  const lower = index > 0 ? (plan.bands.thresholds[index - 1] as number) - h : -Infinity;
  const upper = index < plan.bands.thresholds.length ? (plan.bands.thresholds[index] as number) + h : Infinity;
  const near = (edge: number) => Math.abs(score - edge) <= 1e-9 * Math.max(1, Math.abs(edge));
  if (near(lower) || near(upper)) return undefined;
  return score >= lower && score < upper ? previousBand : plain;
}

/** `change` is about the last snapshot that showed a band. */
function expectChange(plan: Plan, result: ScoreResult, shown: Seen['shown']): void {
  if (shown === null) {
    expect(result.change).toBeNull();
    return;
  }
  expect(result.change).toEqual({
    previous_as_of: shown.asOf,
    previous_band: shown.band,
    previous_score: shown.score,
    score: result.score === null || shown.score === null ? null : roundTo(result.score - shown.score, plan.precision),
    band_changed: result.band !== null && result.band !== shown.band,
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function expectDates(plan: Plan, result: ScoreResult): void {
  const dates = [result.as_of, result.pulse?.recorded_at ?? null, ...plan.metrics.filter((m) => m.valueKind === 'date').map((m) => result.metrics[m.key]?.value ?? null)];
  for (const date of dates) if (date !== null) expect(date).toMatch(ISO_DATE);
}

/** A playbook with a cooldown fires only N days or more after it last fired for the account. */
function expectCooldowns(plan: Plan, result: ScoreResult, fired: Map<string, number> | undefined): void {
  if (fired === undefined || result.as_of === null) return;
  for (const p of result.playbooks) {
    const cooldown = plan.playbooks.find((playbook) => playbook.key === p.key)?.cooldownDays ?? null;
    const last = fired.get(p.key);
    if (cooldown !== null && last !== undefined) expect(day(result.as_of) - last, `${p.key} within its cooldown`).toBeGreaterThanOrEqual(cooldown);
  }
}
