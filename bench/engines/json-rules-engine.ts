import { Engine, Operator, type Almanac, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { roundTo } from '@vitals/core';
import type { SevenMetricAccount } from '../data/seven-metric-accounts.js';
import { below } from './compare-as-read.js';
import { pairUp, type EngineScores } from './engine-scores.js';
import { CATEGORIES, CATEGORY_BANDS, METRICS, MIN_COVERAGE, OVERALL_BANDS, PRECISION, SCALE, metricsOf, type Bands, type MetricSpec } from './seven-metric-spec.js';

/**
 * The seven-metric model in json-rules-engine, the way its documentation chains rules: the
 * account's fields are runtime facts; arithmetic lives in dynamic facts (metric values, linear
 * scores, weighted means, coverage — the engine has no arithmetic, so rounding is the core's
 * `roundTo` inside them); step and map scores are rules whose events set a runtime fact; every
 * band is a set of range rules whose events name the band. Step thresholds compare values as read
 * (custom operators `belowAsRead`, `atLeastAsRead`), as vitals does. Rule priorities order the stages:
 * step scores (100), metric bands (50), category bands (10), the overall band (1).
 * `run` is asynchronous: the bench awaits one account at a time.
 */
export function jsonRulesEngineScorer(): (account: SevenMetricAccount) => Promise<EngineScores> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  const isNumber = (value: unknown) => typeof value === 'number';
  engine.addOperator(new Operator('belowAsRead', (value: number, threshold: number) => below(value, threshold), isNumber));
  engine.addOperator(new Operator('atLeastAsRead', (value: number, threshold: number) => !below(value, threshold), isNumber));
  for (const metric of METRICS) engine.addFact(`value:${metric.key}`, (_params: Record<string, unknown>, almanac: Almanac) => metricValue(metric, almanac));
  for (const metric of METRICS) if (metric.scoring.kind === 'linear') engine.addFact(`score:${metric.key}`, (_params: Record<string, unknown>, almanac: Almanac) => linearScore(metric, almanac));
  for (const category of CATEGORIES) engine.addFact(`category:${category.key}`, (_params: Record<string, unknown>, almanac: Almanac) => weightedMean(almanac, metricsOf(category.key).map((m) => [`score:${m.key}`, m.weight])));
  engine.addFact('coverage', coverage);
  engine.addFact('overall', async (_params: Record<string, unknown>, almanac: Almanac) =>
    (await almanac.factValue<number>('coverage')) < MIN_COVERAGE ? null : weightedMean(almanac, CATEGORIES.map((c) => [`category:${c.key}`, c.weight])),
  );
  for (const rule of rules()) engine.addRule(rule);
  engine.on('score', (params: Record<string, unknown>, almanac: Almanac) => almanac.addRuntimeFact(`score:${params.metric as string}`, params.score));

  // Step and map scores start as null (no rule fires for a missing value).
  const unscored = Object.fromEntries(METRICS.filter((m) => m.scoring.kind !== 'linear').map((m) => [`score:${m.key}`, null]));
  return async (account) => {
    const { events, almanac } = await engine.run({ ...account, ...unscored });
    const bands: Record<string, string> = {};
    for (const event of events) if (event.type === 'band') bands[event.params?.of as string] = event.params?.band as string;
    const fact = (id: string) => almanac.factValue<number | null>(id);
    const scores = Object.fromEntries(await Promise.all(METRICS.map(async (m) => [m.key, await fact(`score:${m.key}`)] as const)));
    const categories = Object.fromEntries(await Promise.all(CATEGORIES.map(async (c) => [c.key, await fact(`category:${c.key}`)] as const)));
    const overall = await fact('overall');
    return {
      status: overall === null ? 'unscored' : 'scored',
      score: overall,
      band: bands.overall ?? null,
      coverage: (await fact('coverage')) as number,
      categories: pairUp(CATEGORIES.map((c) => c.key), categories, prefixed(bands, 'category:')),
      metrics: pairUp(METRICS.map((m) => m.key), scores, prefixed(bands, 'metric:')),
    };
  };
}

function rules(): RuleProperties[] {
  return [
    ...METRICS.flatMap(scoreRules),
    ...METRICS.flatMap((m) => bandRules(`score:${m.key}`, `metric:${m.key}`, m.bands, 50)),
    ...CATEGORIES.flatMap((c) => bandRules(`category:${c.key}`, `category:${c.key}`, CATEGORY_BANDS, 10)),
    ...bandRules('overall', 'overall', OVERALL_BANDS, 1),
  ];
}

/** `[from, to)` on a fact; either end may be open. Step thresholds compare as read (custom operators). */
function range(fact: string, from: number | undefined, to: number | undefined, asRead = false): TopLevelCondition {
  const all = [];
  if (from !== undefined) all.push({ fact, operator: asRead ? 'atLeastAsRead' : 'greaterThanInclusive', value: from });
  if (to !== undefined) all.push({ fact, operator: asRead ? 'belowAsRead' : 'lessThan', value: to });
  return { all };
}

function scoreRules(metric: MetricSpec): RuleProperties[] {
  const scoring = metric.scoring;
  const fact = `value:${metric.key}`;
  const event = (score: number) => ({ type: 'score', params: { metric: metric.key, score } });
  switch (scoring.kind) {
    case 'linear':
      return [];
    case 'steps':
      return scoring.scores.map((score, i) => ({ priority: 100, conditions: range(fact, scoring.thresholds[i - 1], scoring.thresholds[i], true), event: event(score) }));
    case 'map':
      return scoring.entries.map(([value, score]) => ({ priority: 100, conditions: { all: [{ fact, operator: 'equal', value }] }, event: event(score) }));
  }
}

function bandRules(fact: string, of: string, bands: Bands, priority: number): RuleProperties[] {
  return bands.names.map((band, i) => ({ priority, conditions: range(fact, bands.thresholds[i - 1], bands.thresholds[i]), event: { type: 'band', params: { of, band } } }));
}

async function metricValue(metric: MetricSpec, almanac: Almanac): Promise<number | string | null> {
  const value = metric.value;
  const input = (name: string) => almanac.factValue<number | null>(name);
  switch (value.kind) {
    case 'input':
      return almanac.factValue<string | null>(value.input);
    case 'ratio': {
      const [n, d] = [await input(value.numerator), await input(value.denominator)];
      return n === null || d === null || d === 0 ? null : n / d;
    }
    case 'change': {
      const [current, previous] = [await input(value.current), await input(value.previous)];
      return current === null || previous === null || previous === 0 ? null : ((current - previous) / previous) * 100;
    }
  }
}

const clampAndRound = (x: number) => roundTo(x < SCALE.min ? SCALE.min : x > SCALE.max ? SCALE.max : x, PRECISION);

async function linearScore(metric: MetricSpec, almanac: Almanac): Promise<number | null> {
  if (metric.scoring.kind !== 'linear') return null;
  const value = await almanac.factValue<number | null>(`value:${metric.key}`);
  const { from, to } = metric.scoring;
  return value === null ? null : clampAndRound(SCALE.min + ((value - from) / (to - from)) * (SCALE.max - SCALE.min));
}

async function weightedMean(almanac: Almanac, parts: readonly (readonly [string, number])[]): Promise<number | null> {
  let weights = 0;
  let total = 0;
  for (const [fact, weight] of parts) {
    const score = await almanac.factValue<number | null>(fact);
    if (score === null) continue;
    weights += weight;
    total += weight * score;
  }
  return weights > 0 ? clampAndRound(total / weights) : null;
}

async function coverage(_params: Record<string, unknown>, almanac: Almanac): Promise<number> {
  let covered = 0;
  for (const metric of METRICS) if ((await almanac.factValue(`score:${metric.key}`)) !== null) covered += metric.fullShare;
  return roundTo(covered, 4);
}

function prefixed(bands: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, band] of Object.entries(bands)) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = band;
  return out;
}
