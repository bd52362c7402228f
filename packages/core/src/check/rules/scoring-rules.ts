import { suggest } from '../../diagnostics/suggest.js';
import { childPointer } from '../../load/source-document.js';
import type { MetricSource } from '../../schema/model-source.js';
import { describeType, type ValueType } from '../value-type.js';
import { checkSteps, checkThresholdValue } from './thresholds.js';
import type { ModelRule, RuleContext } from './rule-context.js';

/** Each metric's score method fits its value's type and is well-formed. */
export const checkScoreMethods: ModelRule = (ctx) => {
  for (const [name, metric] of Object.entries(ctx.model.metrics)) {
    const pointer = childPointer('/metrics', name);
    const type = ctx.typed.metricValueTypes.get(name);
    if (type !== undefined && type.kind !== 'error') checkMethod(metric, type, pointer, ctx);
    const scoreExpression = ctx.typed.metricScores[name];
    const scoreType = scoreExpression?.expr.type;
    if (scoreType !== undefined && scoreType.kind !== 'number' && scoreType.kind !== 'error' && scoreType.kind !== 'null') {
      const span = ctx.locate.inScalar(scoreExpression?.pointer as string, { start: 0, end: scoreExpression?.text.length ?? 0 });
      ctx.report('score-not-numeric', { actual: describeType(scoreType) }, span);
    }
    if (typeof metric.missing === 'object') checkThresholdValue(metric.missing.score, `${pointer}/missing/score`, 'missing-value score', ctx, true);
  }
};

const NUMERIC_KINDS: readonly ValueType['kind'][] = ['number', 'duration'];
const CATEGORICAL_KINDS: readonly ValueType['kind'][] = ['enum', 'boolean', 'string'];

function checkMethod(metric: MetricSource, type: ValueType, pointer: string, ctx: RuleContext): void {
  const score = metric.score;
  const mismatch = (method: string, expected: string) =>
    ctx.report('score-method-type', { method, expected, actual: describeType(type) }, ctx.locate.value(`${pointer}/value`));
  if (score === 'identity' || 'linear' in score || 'steps' in score) {
    const method = score === 'identity' ? 'identity' : 'linear' in score ? 'linear' : 'steps';
    if (!NUMERIC_KINDS.includes(type.kind)) return mismatch(method, 'numeric');
    if (typeof score === 'object' && 'linear' in score && score.linear.from === score.linear.to) {
      ctx.report('linear-empty-range', { at: score.linear.from }, ctx.locate.value(`${pointer}/score/linear`));
    }
    if (typeof score === 'object' && 'steps' in score) checkSteps(score.steps, `${pointer}/score/steps`, ctx);
    return;
  }
  if ('map' in score) {
    if (!CATEGORICAL_KINDS.includes(type.kind)) return mismatch('map', 'enum, boolean or text');
    checkMap(score.map, type, `${pointer}/score/map`, ctx);
  }
}

function checkMap(map: Readonly<Record<string, number>>, type: ValueType, pointer: string, ctx: RuleContext): void {
  const possible = type.kind === 'enum' ? type.values : type.kind === 'boolean' ? ['true', 'false'] : undefined;
  for (const [key, score] of Object.entries(map)) {
    checkThresholdValue(score, childPointer(pointer, key), 'map score', ctx, true);
    if (key === 'default' || possible === undefined || possible.includes(key)) continue;
    const suggestion = suggest(key, possible);
    ctx.report('map-unknown-key', { key, allowed: [...possible], ...(suggestion ? { suggestion } : {}) }, ctx.locate.key(childPointer(pointer, key)));
  }
  if (Object.hasOwn(map, 'default')) return;
  const missing = possible === undefined ? ['any other text (add `default`)'] : possible.filter((value) => !Object.hasOwn(map, value));
  if (missing.length > 0) ctx.report('map-not-exhaustive', { missing }, ctx.locate.key(pointer));
}
