import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import type { SevenMetricAccount } from '../data/seven-metric-accounts.js';
import { pairUp, type EngineScores } from './engine-scores.js';
import { CATEGORIES, CATEGORY_BANDS, METRICS, MIN_COVERAGE, OVERALL_BANDS, PRECISION, SCALE, metricsOf, type Bands, type MetricSpec } from './seven-metric-spec.js';

/**
 * The seven-metric model as a GoRules decision graph (JDM) run by @gorules/zen-engine (Rust, via
 * N-API): an expression node for the metric values, decision tables for the step and map scores
 * and for every band (what the GoRules editor is for), expression nodes for the linear scores,
 * the weighted means and coverage. ZEN rounds natively (`round(x, 2)`, half away from zero, in
 * decimal arithmetic) and returns null for `x / 0`, but arithmetic on null is an error, so the
 * expressions test for null; each table starts with a `null` row. `evaluate` is asynchronous:
 * the bench awaits one account at a time, as a scoring loop would.
 */
export function zenScorer(): { score: (account: SevenMetricAccount) => Promise<EngineScores>; dispose: () => void } {
  const engine = new ZenEngine();
  const decision: ZenDecision = engine.createDecision(decisionGraph());
  return {
    score: async (account) => {
      const out = (await decision.evaluate(account)).result as ZenOutput;
      return {
        // An expression that gives null leaves its key out of ZEN's output.
        status: out.overall == null ? 'unscored' : 'scored',
        score: out.overall ?? null,
        band: out.band.overall ?? null,
        coverage: out.coverage,
        categories: pairUp(CATEGORIES.map((c) => c.key), out.category, out.categoryBand),
        metrics: pairUp(METRICS.map((m) => m.key), out.score, out.band),
      };
    },
    dispose: () => engine.dispose(),
  };
}

interface ZenOutput {
  readonly value: Record<string, unknown>;
  readonly score: Record<string, unknown>;
  readonly band: Record<string, unknown> & { overall?: string | null };
  readonly category: Record<string, unknown>;
  readonly categoryBand: Record<string, unknown>;
  readonly coverage: number;
  readonly overall?: number | null;
}

interface JdmNode {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly position: { x: number; y: number };
  readonly content?: unknown;
}

/** The graph is a chain: input → values → step/map tables → linear scores → band tables → categories → overall → band tables → output. */
function decisionGraph(): { nodes: JdmNode[]; edges: unknown[] } {
  const chain: JdmNode[] = [
    node('request', 'inputNode'),
    expressions('metric values', METRICS.map((m) => [`value.${m.key}`, valueExpression(m)])),
    ...METRICS.filter((m) => m.scoring.kind !== 'linear').map(scoreTable),
    expressions('linear scores', METRICS.filter((m) => m.scoring.kind === 'linear').map((m) => [`score.${m.key}`, linearScore(m)])),
    ...METRICS.map((m) => bandTable(`${m.key} band`, `score.${m.key}`, `band.${m.key}`, m.bands)),
    expressions('categories', CATEGORIES.flatMap((c) => weightedMean(`category.${c.key}`, metricsOf(c.key).map((m) => [`score.${m.key}`, m.weight])))),
    expressions('overall', [
      ['coverage', `round(${METRICS.map((m) => `(score.${m.key} == null ? 0 : ${m.fullShare})`).join(' + ')}, 4)`],
      ...weightedMean('rolled', CATEGORIES.map((c) => [`category.${c.key}`, c.weight])),
      ['overall', `$.coverage < ${MIN_COVERAGE} ? null : $.rolled`],
    ]),
    ...CATEGORIES.map((c) => bandTable(`${c.key} band`, `category.${c.key}`, `categoryBand.${c.key}`, CATEGORY_BANDS)),
    bandTable('overall band', 'overall', 'band.overall', OVERALL_BANDS),
    node('response', 'outputNode'),
  ];
  const edges = chain.slice(1).map((target, i) => ({ id: `edge-${i}`, type: 'edge', sourceId: (chain[i] as JdmNode).id, targetId: target.id }));
  return { nodes: chain, edges };
}

let nodeCount = 0;
function node(name: string, type: string, content?: unknown): JdmNode {
  nodeCount += 1;
  return { id: `node-${nodeCount}`, type, name, position: { x: nodeCount * 200, y: 100 }, ...(content === undefined ? {} : { content }) };
}

function expressions(name: string, entries: readonly (readonly [string, string])[]): JdmNode {
  return node(name, 'expressionNode', { passThrough: true, expressions: entries.map(([key, value], i) => ({ id: `${name}-${i}`, key, value })) });
}

/** A first-hit table from one field to one field; the first row maps null to null. */
function table(name: string, field: string, output: string, rows: readonly (readonly [string, string])[]): JdmNode {
  const rules = [['null', 'null'] as const, ...rows].map(([test, result], i) => ({ _id: `${name}-${i}`, in: test, out: result }));
  return node(name, 'decisionTableNode', {
    hitPolicy: 'first',
    passThrough: true,
    inputs: [{ id: 'in', name: field, field }],
    outputs: [{ id: 'out', name: output, field: output }],
    rules,
  });
}

function bandTable(name: string, field: string, output: string, bands: Bands): JdmNode {
  const rows = bands.names.map((band, i) => [i < bands.thresholds.length ? `< ${bands.thresholds[i]}` : '', JSON.stringify(band)] as const);
  return table(name, field, output, rows);
}

function scoreTable(metric: MetricSpec): JdmNode {
  const scoring = metric.scoring;
  const rows =
    scoring.kind === 'steps'
      ? scoring.scores.map((score, i) => [i < scoring.thresholds.length ? `< ${scoring.thresholds[i]}` : '', String(score)] as const)
      : scoring.kind === 'map'
        ? scoring.entries.map(([key, score]) => [JSON.stringify(key), String(score)] as const)
        : [];
  return table(`${metric.key} score`, `value.${metric.key}`, `score.${metric.key}`, rows);
}

function valueExpression(metric: MetricSpec): string {
  const value = metric.value;
  switch (value.kind) {
    case 'input':
      return value.input;
    case 'ratio':
      // ZEN gives null for x / 0 on its own.
      return `${value.numerator} == null or ${value.denominator} == null ? null : ${value.numerator} / ${value.denominator}`;
    case 'change':
      return `${value.current} == null or ${value.previous} == null or ${value.previous} == 0 ? null : (${value.current} - ${value.previous}) / ${value.previous} * 100`;
  }
}

/**
 * ZEN computes in decimal, cutting 5 / 24 at 28 digits: a score that is exactly half-way (18.875)
 * comes out 18.87499…97 and would round down. Rounding first to 12 places reads it as a person
 * would, as vitals' `roundTo` does by reading 15 significant digits.
 */
const clampAndRound = (x: string) => `round(round(max([${SCALE.min}, min([${SCALE.max}, ${x}])]), 12), ${PRECISION})`;

function linearScore(metric: MetricSpec): string {
  if (metric.scoring.kind !== 'linear') throw new Error(`${metric.key} is not linear`);
  const { from, to } = metric.scoring;
  const v = `value.${metric.key}`;
  return `${v} == null ? null : ${clampAndRound(`${SCALE.min} + (${v} - ${from}) / ${to - from} * ${SCALE.max - SCALE.min}`)}`;
}

/** Σ weight × score ÷ Σ weight over the parts that have a score, as two expressions (weights, then the mean). */
function weightedMean(key: string, parts: readonly (readonly [string, number])[]): [string, string][] {
  const weightsKey = `weights.${key.replace('.', '_')}`;
  const weights = parts.map(([path, weight]) => `(${path} == null ? 0 : ${weight})`).join(' + ');
  const total = parts.map(([path, weight]) => `(${path} == null ? 0 : ${weight} * ${path})`).join(' + ');
  return [
    [weightsKey, weights],
    [key, `$.${weightsKey} == 0 ? null : ${clampAndRound(`(${total}) / $.${weightsKey}`)}`],
  ];
}
