import { Environment } from '@marcbachmann/cel-js';
import { roundTo } from '@vitals/core';
import type { SevenMetricAccount } from '../data/seven-metric-accounts.js';
import { CATEGORIES, CATEGORY_BANDS, METRICS, MIN_COVERAGE, OVERALL_BANDS, PRECISION, SCALE, metricsOf, type Bands, type MetricSpec } from './seven-metric-spec.js';
import { below } from './compare-as-read.js';
import { pairUp, type EngineScores } from './engine-scores.js';

/**
 * The seven-metric model in CEL (@marcbachmann/cel-js): one parsed expression per metric value,
 * score and band, per category and for the overall score, evaluated stage by stage with the
 * earlier stages' results as map variables. CEL has no rounding function and no null
 * propagation (`null / 2` is an error), so the expressions test for null and use `cel.bind` to
 * name a clamped value; rounding is a registered function, `roundTo(double, int)`, backed by the
 * core's `roundTo` (half away from zero), and step thresholds compare as read with `below(double,
 * double)`. Ternaries mixing null and a number need `dyn(…)`.
 */
export function celScorer(): (account: SevenMetricAccount) => EngineScores {
  const env = new Environment()
    .registerVariable('input', 'map')
    .registerVariable('value', 'map')
    .registerVariable('score', 'map')
    .registerVariable('category', 'map')
    .registerVariable('coverage', 'double')
    .registerVariable('overall', 'dyn')
    .registerFunction('roundTo(double, int): double', (x: number, decimals: bigint) => roundTo(x, Number(decimals)))
    .registerFunction('below(double, double): bool', below);
  const compile = (source: string) => env.parse(source);
  const values = METRICS.map((m) => [m.key, compile(valueSource(m))] as const);
  const scores = METRICS.map((m) => [m.key, compile(scoreSource(m))] as const);
  const bands = METRICS.map((m) => [m.key, compile(bandSource(`score.${m.key}`, m.bands))] as const);
  const categories = CATEGORIES.map((c) => [c.key, compile(weightedMeanSource(metricsOf(c.key).map((m) => [`score.${m.key}`, m.weight])))] as const);
  const categoryBands = CATEGORIES.map((c) => [c.key, compile(bandSource(`category.${c.key}`, CATEGORY_BANDS))] as const);
  const coverage = compile(coverageSource());
  const overall = compile(`coverage < ${dbl(MIN_COVERAGE)} ? null : ${weightedMeanSource(CATEGORIES.map((c) => [`category.${c.key}`, c.weight]))}`);
  const overallBand = compile(bandSource('overall', OVERALL_BANDS));

  return (account) => {
    const context: Record<string, unknown> = { input: account };
    context.value = evaluateAll(values, context);
    const score = (context.score = evaluateAll(scores, context));
    const band = evaluateAll(bands, context);
    const category = (context.category = evaluateAll(categories, context));
    const categoryBand = evaluateAll(categoryBands, context);
    const covered = (context.coverage = coverage(context) as number);
    const total = (context.overall = overall(context) as number | null);
    return {
      status: total === null ? 'unscored' : 'scored',
      score: total,
      band: overallBand(context) as string | null,
      coverage: covered,
      categories: pairUp(CATEGORIES.map((c) => c.key), category, categoryBand),
      metrics: pairUp(METRICS.map((m) => m.key), score, band),
    };
  };
}

/** A JavaScript number as a CEL double literal (CEL does not mix ints and doubles). */
function dbl(n: number): string {
  const text = String(n);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

const clampAndRound = (x: string, decimals = PRECISION) =>
  `roundTo(cel.bind(x, ${x}, x < ${dbl(SCALE.min)} ? ${dbl(SCALE.min)} : x > ${dbl(SCALE.max)} ? ${dbl(SCALE.max)} : x), ${decimals})`;

function valueSource(metric: MetricSpec): string {
  const value = metric.value;
  switch (value.kind) {
    case 'input':
      return `input.${value.input}`;
    case 'ratio': {
      const [n, d] = [`input.${value.numerator}`, `input.${value.denominator}`];
      return `${n} == null || ${d} == null || ${d} == 0.0 ? null : ${n} / ${d}`;
    }
    case 'change': {
      const [c, p] = [`input.${value.current}`, `input.${value.previous}`];
      return `${c} == null || ${p} == null || ${p} == 0.0 ? null : dyn((${c} - ${p}) / ${p} * 100.0)`;
    }
  }
}

function scoreSource(metric: MetricSpec): string {
  const v = `value.${metric.key}`;
  const scoring = metric.scoring;
  switch (scoring.kind) {
    case 'linear': {
      const normalised = `${dbl(SCALE.min)} + (${v} - ${dbl(scoring.from)}) / ${dbl(scoring.to - scoring.from)} * ${dbl(SCALE.max - SCALE.min)}`;
      return `${v} == null ? null : dyn(${clampAndRound(normalised)})`;
    }
    case 'steps': {
      const chain = scoring.thresholds.map((t, i) => `below(${v}, ${dbl(t)}) ? ${dbl(scoring.scores[i] as number)} : `).join('');
      return `${v} == null ? null : dyn(${chain}${dbl(scoring.scores[scoring.scores.length - 1] as number)})`;
    }
    case 'map': {
      const table = scoring.entries.map(([key, score]) => `${JSON.stringify(key)}: ${dbl(score)}`).join(', ');
      return `${v} == null ? null : dyn({${table}}[${v}])`;
    }
  }
}

function bandSource(path: string, bands: Bands): string {
  const chain = bands.thresholds.map((t, i) => `${path} < ${dbl(t)} ? ${JSON.stringify(bands.names[i])} : `).join('');
  return `${path} == null ? null : dyn(${chain}${JSON.stringify(bands.names[bands.names.length - 1])})`;
}

/** Σ weight × score ÷ Σ weight over the parts that have a score. */
function weightedMeanSource(parts: readonly (readonly [string, number])[]): string {
  const weights = parts.map(([path, weight]) => `(${path} == null ? 0.0 : ${dbl(weight)})`).join(' + ');
  const total = parts.map(([path, weight]) => `(${path} == null ? 0.0 : ${dbl(weight)} * ${path})`).join(' + ');
  return `cel.bind(w, ${weights}, w == 0.0 ? null : dyn(${clampAndRound(`(${total}) / w`)}))`;
}

function coverageSource(): string {
  return `roundTo(${METRICS.map((m) => `(score.${m.key} == null ? 0.0 : ${dbl(m.fullShare)})`).join(' + ')}, 4)`;
}

type Compiled = (context: Record<string, unknown>) => unknown;

function evaluateAll(expressions: readonly (readonly [string, Compiled])[], context: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, expression] of expressions) out[key] = expression(context);
  return out;
}
