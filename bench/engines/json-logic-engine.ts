import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { roundTo } from '@vitals/core';
import type { SevenMetricAccount } from '../data/seven-metric-accounts.js';
import { CATEGORIES, CATEGORY_BANDS, METRICS, MIN_COVERAGE, OVERALL_BANDS, PRECISION, SCALE, metricsOf, type Bands, type MetricSpec } from './seven-metric-spec.js';
import { below } from './compare-as-read.js';
import { pairUp, type EngineScores } from './engine-scores.js';

/**
 * The seven-metric model in json-logic-js: one rule per metric value, score and band, per category
 * and for the overall score, applied stage by stage (each stage reads the previous ones' results
 * from the data). json-logic has no rounding and no null propagation (`null / 2` is 0, `null < 40`
 * is true), so the rules test for null explicitly and rounding is a custom operation, `round_to`,
 * backed by the core's `roundTo` (half away from zero) — what a team would add with `add_operation`;
 * step thresholds compare as read with another, `below` (binary `<` puts 9.999999999999993 below 10).
 */
export function jsonLogicScorer(): (account: SevenMetricAccount) => EngineScores {
  jsonLogic.add_operation('round_to', (x: number, decimals: number) => roundTo(x, decimals));
  jsonLogic.add_operation('below', below);
  const rules = {
    values: METRICS.map((m) => [m.key, valueRule(m)] as const),
    scores: METRICS.map((m) => [m.key, scoreRule(m)] as const),
    bands: METRICS.map((m) => [m.key, bandRule(`score.${m.key}`, m.bands)] as const),
    categories: CATEGORIES.map((c) => [c.key, weightedMeanRule(metricsOf(c.key).map((m) => [`score.${m.key}`, m.weight]))] as const),
    categoryBands: CATEGORIES.map((c) => [c.key, bandRule(`category.${c.key}`, CATEGORY_BANDS)] as const),
    coverage: coverageRule(),
    overall: overallRule(),
    overallBand: bandRule('overall', OVERALL_BANDS),
  };
  return (account) => {
    const data: Record<string, unknown> = { input: account };
    data.value = applyAll(rules.values, data);
    const score = (data.score = applyAll(rules.scores, data));
    const band = applyAll(rules.bands, data);
    const category = (data.category = applyAll(rules.categories, data));
    const categoryBand = applyAll(rules.categoryBands, data);
    const coverage = (data.coverage = jsonLogic.apply(rules.coverage as RulesLogic, data) as number);
    const overall = (data.overall = jsonLogic.apply(rules.overall as RulesLogic, data) as number | null);
    return {
      status: overall === null ? 'unscored' : 'scored',
      score: overall,
      band: jsonLogic.apply(rules.overallBand as RulesLogic, data) as string | null,
      coverage,
      categories: pairUp(CATEGORIES.map((c) => c.key), category, categoryBand),
      metrics: pairUp(METRICS.map((m) => m.key), score, band),
    };
  };
}

/** json-logic rules are plain JSON; its typings cannot follow `if` chains built from arrays. */
type Logic = unknown;
const v = (path: string): Logic => ({ var: path });
const isNull = (logic: Logic): Logic => ({ '===': [logic, null] });
const round = (logic: Logic, decimals = PRECISION): Logic => ({ round_to: [logic, decimals] });
const clamp = (logic: Logic): Logic => ({ max: [SCALE.min, { min: [SCALE.max, logic] }] });

function valueRule(metric: MetricSpec): Logic {
  const value = metric.value;
  switch (value.kind) {
    case 'input':
      return v(`input.${value.input}`);
    case 'ratio':
      return safeDivide(v(`input.${value.numerator}`), v(`input.${value.denominator}`));
    case 'change': {
      const [current, previous] = [v(`input.${value.current}`), v(`input.${value.previous}`)];
      return { if: [{ or: [isNull(current), isNull(previous), { '===': [previous, 0] }] }, null, { '*': [{ '/': [{ '-': [current, previous] }, previous] }, 100] }] };
    }
  }
}

function safeDivide(numerator: Logic, denominator: Logic): Logic {
  return { if: [{ or: [isNull(numerator), isNull(denominator), { '===': [denominator, 0] }] }, null, { '/': [numerator, denominator] }] };
}

function scoreRule(metric: MetricSpec): Logic {
  const value = v(`value.${metric.key}`);
  const scoring = metric.scoring;
  switch (scoring.kind) {
    case 'linear': {
      const normalised = { '+': [SCALE.min, { '*': [{ '/': [{ '-': [value, scoring.from] }, scoring.to - scoring.from] }, SCALE.max - SCALE.min] }] };
      return { if: [isNull(value), null, round(clamp(normalised))] };
    }
    case 'steps': {
      const branches = scoring.thresholds.flatMap((t, i) => [{ below: [value, t] }, scoring.scores[i] as number]);
      return { if: [isNull(value), null, ...branches, scoring.scores[scoring.scores.length - 1] as number] };
    }
    case 'map':
      return { if: [...scoring.entries.flatMap(([key, score]) => [{ '===': [value, key] }, score]), null] };
  }
}

function bandRule(path: string, bands: Bands): Logic {
  const score = v(path);
  const branches = bands.thresholds.flatMap((t, i) => [{ '<': [score, t] }, bands.names[i] as string]);
  return { if: [isNull(score), null, ...branches, bands.names[bands.names.length - 1] as string] };
}

/** Σ weight × score ÷ Σ weight over the parts that have a score: the missing ones are left out. */
function weightedMeanRule(parts: readonly (readonly [string, number])[]): Logic {
  const weights = { '+': parts.map(([path, weight]) => ({ if: [isNull(v(path)), 0, weight] })) };
  const total = { '+': parts.map(([path, weight]) => ({ if: [isNull(v(path)), 0, { '*': [weight, v(path)] }] })) };
  return { if: [{ '===': [weights, 0] }, null, round(clamp({ '/': [total, weights] }))] };
}

function coverageRule(): Logic {
  return round({ '+': METRICS.map((m) => ({ if: [isNull(v(`score.${m.key}`)), 0, m.fullShare] })) }, 4);
}

function overallRule(): Logic {
  const rolled = weightedMeanRule(CATEGORIES.map((c) => [`category.${c.key}`, c.weight]));
  return { if: [{ '<': [v('coverage'), MIN_COVERAGE] }, null, rolled] };
}

function applyAll(rules: readonly (readonly [string, Logic])[], data: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, rule] of rules) out[key] = jsonLogic.apply(rule as RulesLogic, data);
  return out;
}
