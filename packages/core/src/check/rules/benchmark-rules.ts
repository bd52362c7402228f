import { suggest } from '../../diagnostics/suggest.js';
import type { ModelRule, RuleContext } from './rule-context.js';
import { checkThresholdValue } from './thresholds.js';

/** The stage field orders the journey, so it must be a declared enum: its values are the stages. */
export const checkStageField: ModelRule = (ctx) => {
  const field = ctx.model.data?.stage;
  if (field === undefined) return;
  const input = ctx.model.inputs[field];
  if (input === undefined) {
    ctx.report('undeclared-field', { field, role: 'stage', expected: 'an enum whose values are the stages in order' }, ctx.locate.value('/data/stage'));
  } else if (input.type !== 'enum') {
    ctx.report('field-type-conflict', { field, role: 'stage', expected: 'an enum', actual: input.type }, ctx.locate.value('/data/stage'));
  }
};

export const checkBenchmarks: ModelRule = (ctx) => {
  const benchmarks = ctx.model.benchmarks ?? [];
  if (benchmarks.length === 0) return;
  const stages = enumValues(ctx, ctx.model.data?.stage);
  if (ctx.model.data?.stage === undefined) {
    ctx.report('missing-field', { field: 'stage', parent: '`data` (benchmarks are set per stage)' }, ctx.locate.key('/benchmarks'));
  }
  const segments = enumValues(ctx, ctx.model.data?.segment);
  const categories = Object.keys(ctx.model.categories);
  const seen = new Set<string>();
  benchmarks.forEach((benchmark, i) => {
    const at = `/benchmarks/${i}`;
    if (stages !== undefined) expectMember(benchmark.stage, stages, `${at}/stage`, 'unknown-stage', ctx);
    if (benchmark.segment !== undefined) {
      if (ctx.model.data?.segment === undefined) ctx.report('missing-field', { field: 'segment', parent: '`data` (this benchmark is per segment)' }, ctx.locate.key(`${at}/segment`));
      else if (segments !== undefined) expectMember(benchmark.segment, segments, `${at}/segment`, 'unknown-segment', ctx);
    }
    if (benchmark.category !== undefined && !categories.includes(benchmark.category)) {
      const suggestion = suggest(benchmark.category, categories);
      ctx.report('unknown-category', { name: benchmark.category, ...(suggestion ? { suggestion } : {}) }, ctx.locate.value(`${at}/category`));
    }
    const key = [benchmark.stage, benchmark.segment ?? '*', benchmark.category ?? '*'].join('/');
    if (seen.has(key)) ctx.report('duplicate-name', { name: key, kind: 'benchmark' }, ctx.locate.value(at));
    seen.add(key);
    checkThresholdValue(benchmark.score, `${at}/score`, 'benchmark', ctx, true);
  });
};

function enumValues(ctx: RuleContext, field: string | undefined): readonly string[] | undefined {
  const input = field === undefined ? undefined : ctx.inputs.get(field);
  return input?.type === 'enum' ? input.values : undefined;
}

function expectMember(value: string, allowed: readonly string[], pointer: string, code: 'unknown-stage' | 'unknown-segment', ctx: RuleContext): void {
  if (allowed.includes(value)) return;
  const suggestion = suggest(value, allowed);
  ctx.report(code, { name: value, allowed: [...allowed], ...(suggestion ? { suggestion } : {}) }, ctx.locate.value(pointer));
}
