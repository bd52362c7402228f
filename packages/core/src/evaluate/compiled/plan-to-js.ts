import type { Slot, TypedExpr } from '../../check/typed-expr.js';
import type { BandPlan, MetricPlan, Plan, RollupPlan } from '../../compile/plan.js';
import { COVERAGE_DECIMALS, WEIGHT_DECIMALS, roundTo } from '../numbers.js';
import { historySites, planNeedsAsOf } from '../plan-facts.js';
import { isPadded } from '../../schema/enum-key.js';
import { READERS } from '../read-value.js';
import { CodeBuilder, type NumbersIn } from './code-builder.js';
import { emitExpression, type SlotCode } from './emit-expression.js';
import { ExpressionFunctions, orderTables, type ExpressionFunction } from './expression-functions.js';
import { MAX_PRECISION } from '../../schema/defaults.js';
import { jsChoice, jsInteger, jsString, PlanError } from './js-literal.js';

/** What the generated function builds: the full result, or only its summary (`summaryOf`). */
export type ResultDetail = 'full' | 'summary';

export interface PlanToJsOptions {
  /** Count the steps run (`ctx.stepsRun`), for tests. */
  readonly instrument?: boolean;
  readonly detail?: ResultDetail;
  /**
   * The plan's numbers as literals (`inline`, the default: the fastest code), or read from
   * `ctx.numbers` (`data`: code kept across edits), where each expression is also a function of its
   * own, read from `ctx.expressions` (`ExpressionFunctions`).
   */
  readonly numbers?: NumbersIn;
}

/**
 * The source of a function of `rt` (the runtime helpers) that returns `step(ctx, record, previous,
 * options)`, and the numbers the step reads from `ctx.numbers`. With `numbers: 'data'` every
 * number of the plan that a person tweaks (weights, thresholds, scale bounds, a formula's
 * literals…) is one of those numbers, not a literal in the source: models that differ only in
 * them give the same source, so the function made from it once, and optimised by the engine,
 * scores them all (`compiledEvaluator` keeps it by its source). The model's expressions are then
 * functions of their own (`expressions`), so a formula edit leaves the step's source as it was too.
 * Literals run faster (the engine folds them in), so that is the default, for a model compiled once
 * and run over many rows.
 */
export interface GeneratedCode {
  readonly source: string;
  readonly numbers: readonly number[];
  /** With `numbers: 'data'`, the functions of the model's expressions, which the step calls as `X[k]` (`ExpressionFunctions`). */
  readonly expressions: readonly ExpressionFunction[];
}

/**
 * Plan → the source of one JavaScript function body that scores a snapshot the way the reference
 * evaluator does, operation for operation (so results agree to the last bit), with every name
 * resolved to a local and every loop over metrics unrolled. The step receives `ctx` (the plan and
 * its numbers); model text enters only through `jsString` and `CodeBuilder.number` (a checked
 * literal, or a read from the number list). With `detail:
 * 'summary'` the function leaves out what only an explanation needs (weights, contributions,
 * missing inputs, why a playbook fired): the same values, fewer of them.
 */
export function planToJs(plan: Plan, options: PlanToJsOptions = {}): GeneratedCode {
  // The one number of the plan the code uses as written, in many places: checked once here.
  jsInteger(plan.precision, 'precision', 0, MAX_PRECISION);
  const full = options.detail !== 'summary';
  const names = new Names(plan);
  const head = new CodeBuilder();
  const body = new CodeBuilder(options.numbers);
  // With numbers as data (code kept across edits), each expression is a function of its own (`ExpressionFunctions`).
  const functions = options.numbers === 'data' ? new ExpressionFunctions() : undefined;
  const order = orderTables(head);
  const expression: Expression = (expr, slot) => (functions === undefined ? emitExpression(expr, body, slot, order) : functions.call(expr, slot));
  head.line('"use strict";');
  head.line('const readers = rt.readers; const NO_SITES = [];');
  // The plan's parts the step reads on every record come from `ctx`'s own fields (one class, one shape), not
  // from the plan, whose shape the engine may see change from model to model (a shared step would deoptimise).
  body.line('const plan = ctx.plan, inputs = ctx.inputs, P = ctx.numbers, planBands = ctx.bands, planPulse = ctx.pulse, modelName = ctx.model, modelHash = ctx.hash;');
  if (functions !== undefined) body.line('const X = ctx.expressions, N = ctx.expressionNumbers;');
  if (options.instrument === true) body.line('ctx.stepsRun++;');
  emitInputs(plan, body, full);
  emitPulse(plan, body);
  const slot = slotCode(plan, names);
  for (const key of plan.evaluationOrder) emitMetric(plan, names.metric(key), body, slot, expression);
  plan.categories.forEach((_, c) => emitCategory(plan, c, names, body));
  emitOverall(plan, names, body);
  emitPlaybooks(plan, body, slot, expression, full);
  if (full) emitResult(plan, body);
  else emitSummary(plan, body);
  emitState(plan, names, body, expression);
  return { source: `${head.toString()}\nreturn function step(ctx, r, previous, options) {\n${body.toString()}\n};`, numbers: body.numbers, expressions: functions?.functions ?? [] };
}

/** Local names for each metric and category, by position in the plan. */
class Names {
  private readonly metricIndex: Map<string, number>;
  private readonly categoryIndex: Map<string, number>;
  constructor(readonly plan: Plan) {
    this.metricIndex = new Map(plan.metrics.map((m, i) => [m.key, i]));
    this.categoryIndex = new Map(plan.categories.map((c, i) => [c.key, i]));
  }
  metric(key: string): number {
    return indexOf(this.metricIndex, key, 'a metric');
  }
  category(key: string): number {
    return indexOf(this.categoryIndex, key, 'a category');
  }
}

function indexOf(index: ReadonlyMap<string, number>, key: string, what: string): number {
  const found = index.get(key);
  if (found === undefined) throw new PlanError(`${what} an expression reads`, 'one the plan has', key);
  return found;
}

function input(plan: Plan, name: string): string {
  const i = plan.inputs.findIndex((declared) => declared.name === name);
  if (i < 0) throw new PlanError('an input the plan reads', 'one of its inputs', name);
  return `i${i}`;
}
const clampCode = (plan: Plan, x: string, out: CodeBuilder) => `(${x} < ${out.number(plan.scale.min)} ? ${out.number(plan.scale.min)} : ${x} > ${out.number(plan.scale.max)} ? ${out.number(plan.scale.max)} : ${x})`;

function bandCode(bands: BandPlan, score: string, out: CodeBuilder): string {
  const chain = bands.thresholds.map((t, i) => `${score} < ${out.number(t)} ? ${jsString(bands.names[i] as string)} : `).join('');
  return `(${score} === null ? null : ${chain}${jsString(bands.names[bands.names.length - 1] as string)})`;
}

function emitInputs(plan: Plan, out: CodeBuilder, full: boolean): void {
  out.line('const issues = [];');
  plan.inputs.forEach((declared, i) => {
    const v = `i${i}`;
    const read = `readers[${jsChoice(declared.type, 'an input type', INPUT_TYPES)}](${v}, inputs[${i}], issues)`;
    out.line(`let ${v} = ${fieldOf('r', declared.column)};`);
    if (declared.type === 'number' || declared.type === 'integer') {
      // Text from a CSV file: a plain decimal in range is read inline; anything else goes to the reader.
      const n = `t${i}`;
      out.line(`if (typeof ${v} === "string") { const ${n} = rt.plainDecimalValue(${v}); ${v} = ${fastPath(declared, n, out)} ? ${n} : ${read}; }`);
      out.line(`else if (!(${fastPath(declared, v, out)})) ${v} = ${read};`);
    } else {
      out.line(`if (!(${fastPath(declared, v, out)})) ${v} = ${read};`);
    }
  });
  const asOf = plan.data.asOf === null ? '(options === undefined || options.asOf === undefined ? null : options.asOf)' : input(plan, plan.data.asOf);
  out.line(`const asOf = ${asOf};`);
  if (planNeedsAsOf(plan)) {
    const message = 'the model needs the snapshot date: give the as-of field, or an as-of date for the run';
    out.line(`if (issues.length === 0 && asOf === null) issues.push({ field: ${jsString(plan.data.asOf ?? 'as_of')}, code: "no-as-of", message: ${jsString(message)} });`);
  }
  const text = (name: string | null) => (name === null ? 'null' : `(${input(plan, name)} === null ? null : String(${input(plan, name)}))`);
  out.line(`const id = ${text(plan.data.id)}; const segment = ${text(plan.data.segment)}; const stage = ${text(plan.data.stage)};`);
  const invalid = `rt.invalidResult(plan, { id, asOf, segment, stage }, issues)`;
  out.line(`if (issues.length > 0) return { result: ${full ? invalid : `rt.summaryOf(${invalid})`}, state: previous };`);
  out.line('const ps = previous === undefined ? NO_SITES : previous.sites;');
}

/**
 * Reads a record's field. A column named like something every object inherits (`toString`,
 * `constructor`) must be the record's own, as the reference evaluator reads it.
 */
function fieldOf(record: string, column: string): string {
  const read = `${record}[${jsString(column)}]`;
  return column in Object.prototype ? `(Object.hasOwn(${record}, ${jsString(column)}) ? ${read} : undefined)` : read;
}

/** The common case, checked inline: a value already of the right type and range needs no reader. */
function fastPath(declared: Plan['inputs'][number], v: string, out: CodeBuilder): string {
  switch (declared.type) {
    case 'number':
    case 'integer': {
      const checks = [`typeof ${v} === "number"`, `${v} - ${v} === 0`];
      if (declared.type === 'integer') checks.push(`Number.isSafeInteger(${v})`);
      if (declared.min !== undefined) checks.push(`${v} >= ${out.number(declared.min)}`);
      if (declared.max !== undefined) checks.push(`${v} <= ${out.number(declared.max)}`);
      return checks.join(' && ');
    }
    case 'boolean':
      return `typeof ${v} === "boolean"`;
    case 'string':
      // Nothing for the reader to trim: it would return the text as it is.
      return `typeof ${v} === "string" && ${v}.length > 0 && ${v}.charCodeAt(0) > 32 && ${v}.charCodeAt(${v}.length - 1) > 32`;
    case 'enum':
      // The reader trims: a declared value with spaces around it is not what it returns for itself.
      return (declared.values ?? []).filter((value) => !isPadded(value)).map((value) => `${v} === ${jsString(value)}`).join(' || ') || 'false';
    default:
      return 'false';
  }
}

function emitPulse(plan: Plan, out: CodeBuilder): void {
  if (plan.pulse === null) return;
  out.line(`const pulse = rt.pulseReading(planPulse, ${input(plan, plan.pulse.field)}, ${input(plan, plan.pulse.recordedAt)}, asOf, ${plan.precision});`);
}

function slotCode(plan: Plan, names: Names): (own: string) => SlotCode {
  return (own) => (slot: Slot) => {
    switch (slot.kind) {
      case 'input':
        return input(plan, slot.input);
      case 'own-value':
        return own;
      case 'metric': {
        const m = names.metric(slot.metric);
        return slot.field === 'value' ? `mv${m}` : slot.field === 'score' ? `ms${m}` : `mb${m}`;
      }
      case 'pulse':
        return jsChoice(slot.field, 'a field of the pulse', PULSE_FIELDS);
      case 'category': {
        const c = names.category(slot.category);
        return jsChoice(slot.field, 'a field of a category', { score: `cs${c}`, band: `cb${c}`, benchmark: `cbm${c}`, gap: `cg${c}` });
      }
      case 'result':
        return jsChoice(slot.field, 'a field of the result', RESULT_FIELDS);
      default:
        throw new PlanError('what an expression reads', 'an input, metric, category, pulse or result field', (slot as { kind?: unknown }).kind);
    }
  };
}

const PULSE_FIELDS: Readonly<Record<string, string>> = {
  value: '(pulse === null ? null : pulse.value)',
  score: '(pulse === null ? null : pulse.score)',
  age_days: '(pulse === null ? null : pulse.age_days)',
  stale: '(pulse === null ? false : pulse.stale)',
};
const RESULT_FIELDS: Readonly<Record<string, string>> = {
  score: 'score', band: 'band', coverage: 'coverage', benchmark: 'benchmark', gap: 'gap', band_changed: 'bandChanged', score_change: 'scoreChange', as_of: 'asOf',
};

/** Each input type, as the code that names its reader. */
const INPUT_TYPES: Readonly<Record<string, string>> = Object.fromEntries(Object.keys(READERS).map((type) => [type, jsString(type)]));

/** An expression as code of the step, its slots read as `slot` gives them. */
type Expression = (expr: TypedExpr, slot: SlotCode) => string;

function emitMetric(plan: Plan, m: number, out: CodeBuilder, slot: (own: string) => SlotCode, expression: Expression): void {
  const metric = plan.metrics[m] as MetricPlan;
  out.line(`const mv${m} = ${expression(metric.value, slot('null'))};`);
  out.line(`const r${m} = mv${m} === null ? null : ${normaliseCode(plan, metric, `mv${m}`, out, slot, expression)};`);
  out.line(`let ms${m} = null, mm${m} = false, mi${m} = false, mu${m} = false;`);
  out.line(`if (r${m} !== null && r${m} - r${m} === 0) ms${m} = rt.roundTo(${clampCode(plan, `r${m}`, out)}, ${plan.precision});`);
  const missing = metric.missing;
  const policy =
    missing.policy === 'score'
      ? `ms${m} = ${out.number(roundTo(Math.min(plan.scale.max, Math.max(plan.scale.min, missing.score)), plan.precision))}; mi${m} = true;`
      : missing.policy === 'unknown'
        ? `mu${m} = true;`
        : '';
  out.line(`else { mm${m} = true; ${policy} }`);
  out.line(`const mb${m} = ${bandCode(metric.bands, `ms${m}`, out)};`);
}

function normaliseCode(plan: Plan, metric: MetricPlan, v: string, out: CodeBuilder, slot: (own: string) => SlotCode, expression: Expression): string {
  const method = metric.score;
  switch (method.method) {
    case 'identity':
      return v;
    case 'linear':
      return linearCode(plan, method, v, out);
    case 'steps':
      return `(${method.thresholds.map((t, i) => `rt.compareNumbers(${v}, ${out.number(t)}) < 0 ? ${out.number(method.scores[i] as number)} : `).join('')}${out.number(method.scores[method.scores.length - 1] as number)})`;
    case 'map': {
      const fallback = method.fallback === null ? 'null' : out.number(method.fallback);
      const score = (key: string) => {
        const entry = method.entries.find(([k]) => k === key);
        return entry === undefined ? fallback : out.number(entry[1]);
      };
      if (metric.valueKind === 'boolean') return `(${v} === true ? ${score('true')} : ${score('false')})`;
      return `(${method.entries.map(([k, s]) => `${v} === ${jsString(k)} ? ${out.number(s)} : `).join('')}${fallback})`;
    }
    case 'expr':
      return out.bind(expression(method.expr, slot(v)));
  }
}

/** As the reference: at or past either end the end's score, so (v − from) / (to − from) never overflows. */
function linearCode(plan: Plan, method: { from: number; to: number }, v: string, out: CodeBuilder): string {
  const { min, max } = plan.scale;
  const [from, to] = [out.number(method.from), out.number(method.to)];
  if (method.from === method.to) return `(rt.compareNumbers(${v}, ${from}) >= 0 ? ${out.number(max)} : ${out.number(min)})`;
  const [pastTo, pastFrom] = method.from < method.to ? ['>=', '<='] : ['<=', '>='];
  return `(${v} ${pastTo} ${to} ? ${out.number(max)} : ${v} ${pastFrom} ${from} ? ${out.number(min)} : ${out.number(min)} + ((${v} - ${from}) / ${out.number(method.to - method.from)}) * ${out.number(max - min)})`;
}

function rollupLines(plan: Plan, rollup: RollupPlan, prefix: string, parts: readonly { score: string; weight: number }[], out: CodeBuilder): string {
  const [w, t, worst] = [`${prefix}w`, `${prefix}t`, `${prefix}x`];
  out.line(`let ${w} = 0, ${t} = 0, ${worst} = Infinity;`);
  for (const part of parts) {
    if (part.weight <= 0) continue;
    const term = rollup.method === 'geometric' ? `${out.number(part.weight)} * Math.log(${part.score})` : `${out.number(part.weight)} * ${part.score}`;
    const track = rollup.method === 'weakest_link' ? ` if (${part.score} < ${worst}) ${worst} = ${part.score};` : '';
    out.line(`if (${part.score} !== null) { ${w} += ${out.number(part.weight)}; ${t} += ${term};${track} }`);
  }
  const mean = rollup.method === 'geometric' ? `Math.exp(${t} / ${w})` : `${t} / ${w}`;
  const raw = rollup.method === 'weakest_link' ? `Math.min(${mean}, ${worst} + ${out.number(rollup.margin)})` : mean;
  const rawName = out.fresh(`${prefix}raw`);
  out.line(`const ${rawName} = ${w} > 0 ? ${raw} : null;`);
  return `(${rawName} === null ? null : rt.roundTo(${clampCode(plan, rawName, out)}, ${plan.precision}))`;
}

function emitCategory(plan: Plan, c: number, names: Names, out: CodeBuilder): void {
  const category = plan.categories[c] as Plan['categories'][number];
  const members = category.metrics.map((key) => ({ m: names.metric(key), weight: (plan.metrics[names.metric(key)] as MetricPlan).weight }));
  const score = rollupLines(plan, category.rollup, `c${c}`, members.map(({ m, weight }) => ({ score: `ms${m}`, weight })), out);
  const weighted = members.filter((x) => x.weight > 0);
  const unknown = weighted.map(({ m }) => `mu${m}`).join(' || ') || 'false';
  out.line(`const cu${c} = ${unknown};`);
  out.line(`const cs${c} = cu${c} ? null : ${score};`);
  out.line(`const cb${c} = ${bandCode(category.bands, `cs${c}`, out)};`);
  const all = weighted.reduce((sum, x) => sum + x.weight, 0);
  out.line(`let cd${c} = 0;`);
  for (const { m, weight } of weighted) out.line(`if (!mm${m}) cd${c} += ${out.number(weight)};`);
  out.line(`const ccov${c} = ${all > 0 ? `rt.roundTo(cd${c} / ${out.number(all)}, ${COVERAGE_DECIMALS})` : '0'};`);
}

function emitOverall(plan: Plan, names: Names, out: CodeBuilder): void {
  out.line('let cov = 0;');
  plan.metrics.forEach((metric, m) => out.line(`if (!mm${m}) cov += ${out.number(metric.fullShare)};`));
  out.line(`const coverage = rt.roundTo(cov, ${COVERAGE_DECIMALS});`);
  const rolled = rollupLines(plan, plan.rollup, 'o', plan.categories.map((c, i) => ({ score: `cs${i}`, weight: c.weight })), out);
  out.line(`const rolled = ${rolled};`);
  const unknown = plan.metrics.map((metric, m) => (metric.weight > 0 ? `mu${m}` : '')).filter(Boolean).join(' || ') || 'false';
  out.line(`const reason = ${unknown} ? "metric-unknown" : coverage < ${out.number(plan.minCoverage)} ? "insufficient-coverage" : rolled === null ? "no-data" : null;`);
  out.line('const computedScore = reason === null ? rolled : null;');
  out.line(`let band = rt.bandWithHysteresis(planBands, ${out.number(plan.hysteresis)}, computedScore, ${bandCode(plan.bands, 'computedScore', out)}, previous === undefined ? null : previous.computedBand);`);
  out.line('const computedBand = band; let score = computedScore;');
  emitOverride(plan, out);
  out.line('const status = score !== null ? "scored" : reason === null ? "scored" : "unscored";');
  out.line(`const benchmark = ${plan.benchmarks.length > 0 ? 'ctx.benchmarks.lookup(stage, segment, null)' : 'null'};`);
  out.line(`const gap = benchmark === null || score === null ? null : rt.roundTo(score - benchmark, ${plan.precision});`);
  out.line(`const change = previous === undefined || previous.scoredAsOf === null ? null : { previous_as_of: rt.formatDay(previous.scoredAsOf), previous_score: previous.score, previous_band: previous.band, score: score === null || previous.score === null ? null : rt.roundTo(score - previous.score, ${plan.precision}), band_changed: band !== null && previous.band !== null && band !== previous.band };`);
  out.line('const bandChanged = change === null ? false : change.band_changed; const scoreChange = change === null ? null : change.score;');
  out.line('const scored = score !== null && computedScore !== null;');
  plan.categories.forEach((category, c) => {
    out.line(`const csh${c} = cs${c} !== null && ${out.number(category.weight)} > 0 ? ${out.number(category.weight)} / ow : 0;`);
    out.line(`const cbm${c} = ${plan.benchmarks.length > 0 ? `ctx.benchmarks.lookup(stage, segment, ${jsString(category.key)})` : 'null'};`);
    out.line(`const cg${c} = cbm${c} === null || cs${c} === null ? null : rt.roundTo(cs${c} - cbm${c}, ${plan.precision});`);
  });
  plan.metrics.forEach((metric, m) => {
    const c = names.category(metric.category);
    out.line(`const mwt${m} = csh${c} * (ms${m} !== null && ${out.number(metric.weight)} > 0 ? ${out.number(metric.weight)} / c${c}w : 0);`);
  });
}

function emitOverride(plan: Plan, out: CodeBuilder): void {
  const o = plan.overrides;
  if (o === null) {
    out.line('const override = null;');
    return;
  }
  const field = (name: string | null) => (name === null ? 'null' : input(plan, name));
  out.line(`const override = rt.overrideReading({ score: ${field(o.score)}, band: ${field(o.band)}, reason: ${field(o.reason)}, setAt: ${field(o.setAt)}, expiresAt: ${field(o.expiresAt)} }, asOf, score, band);`);
  out.line(`if (override !== null && override.status === "active") { if (override.score !== null) score = rt.roundTo(override.score, ${plan.precision}); band = override.band ?? (override.score !== null ? ${bandCode(plan.bands, 'score', out)} : band); }`);
}

function emitPlaybooks(plan: Plan, out: CodeBuilder, slot: (own: string) => SlotCode, expression: Expression, full: boolean): void {
  out.line(`const lastFired = previous === undefined ? ${JSON.stringify(plan.playbooks.map(() => null))} : previous.lastFired.slice();`);
  out.line('const playbooks = [];');
  plan.playbooks.forEach((playbook, p) => {
    const when = out.bind(expression(playbook.when, slot('null')));
    const cooldown = playbook.cooldownDays === null ? '' : ` && (lastFired[${p}] === null || asOf === null || asOf - lastFired[${p}] >= ${out.number(playbook.cooldownDays)})`;
    const fields = ['key', 'title', 'priority', 'owner', 'action'].map((f) => `${f}: plan.playbooks[${p}].${f}`).join(', ');
    const why = full ? `, why: [${playbook.explain.map((item) => `{ ref: ${jsString(item.text)}, value: ${displayCode(item.expr, out.bind(expression(item.expr, slot('null'))))} }`).join(', ')}]` : '';
    out.line(`if (${when} === true${cooldown}) { lastFired[${p}] = asOf; playbooks.push({ ${fields}${why} }); }`);
  });
}

function displayCode(expr: TypedExpr, code: string): string {
  return expr.type.kind === 'date' ? `(typeof ${code} === "number" ? rt.formatDay(${code}) : ${code})` : code;
}

function emitResult(plan: Plan, out: CodeBuilder): void {
  out.line('const missingInputs = [];');
  for (const name of plan.metricInputs) out.line(`if (${input(plan, name)} === null) missingInputs.push(${jsString(name)});`);
  const categories = plan.categories
    .map((category, c) => `${jsString(category.key)}: { score: cs${c}, band: cb${c}, coverage: ccov${c}, weight: rt.roundTo(csh${c}, ${WEIGHT_DECIMALS}), contribution: scored && cs${c} !== null ? rt.roundTo(csh${c} * cs${c}, ${plan.precision}) : null, benchmark: cbm${c}, gap: cg${c} }`)
    .join(', ');
  const metrics = plan.metrics
    .map((metric, m) => `${jsString(metric.key)}: { value: ${metricValueCode(metric, m)}, score: ms${m}, band: mb${m}, weight: rt.roundTo(mwt${m}, ${WEIGHT_DECIMALS}), contribution: scored && ms${m} !== null ? rt.roundTo(mwt${m} * ms${m}, ${plan.precision}) : null, missing: mm${m}, imputed: mi${m} }`)
    .join(', ');
  out.line(`const result = { ${resultHead} missing_inputs: missingInputs, categories: { ${categories} }, metrics: { ${metrics} }, ${resultTail(plan)} };`);
}

/** The summary (`summaryOf` of the full result), field for field in the same order. */
function emitSummary(plan: Plan, out: CodeBuilder): void {
  const categories = plan.categories.map((category, c) => `${jsString(category.key)}: { score: cs${c}, band: cb${c}, coverage: ccov${c}, benchmark: cbm${c}, gap: cg${c} }`).join(', ');
  const metrics = plan.metrics.map((metric, m) => `${jsString(metric.key)}: { value: ${metricValueCode(metric, m)}, score: ms${m}, band: mb${m}, missing: mm${m}, imputed: mi${m} }`).join(', ');
  out.line(`const result = { ${resultHead} categories: { ${categories} }, metrics: { ${metrics} }, ${resultTail(plan)} };`);
}

const resultHead = 'model: modelName, model_hash: modelHash, id, as_of: asOf === null ? null : rt.formatDay(asOf), status, reason: status === "scored" ? null : reason, score, band, coverage,';

function resultTail(plan: Plan): string {
  const keys = JSON.stringify(plan.metrics.map((m) => m.key));
  const below = `gap !== null && gap < 0 ? rt.rankShortfalls(${keys}, [${plan.metrics.map((_, m) => `ms${m}`).join(', ')}], [${plan.metrics.map((_, m) => `mwt${m}`).join(', ')}], benchmark) : []`;
  return `segment, stage, benchmark, gap, below_benchmark: ${below}, pulse: ${plan.pulse === null ? 'null' : 'pulse'}, override, change, playbooks, issues: []`;
}

function metricValueCode(metric: MetricPlan, m: number): string {
  return metric.valueKind === 'date' ? `(mv${m} === null ? null : rt.formatDay(mv${m}))` : `mv${m}`;
}

function emitState(plan: Plan, names: Names, out: CodeBuilder, expression: Expression): void {
  const sites = historySites(plan);
  out.line('const sites = [];');
  for (const site of sites) {
    const own = site.ownMetric === null ? 'null' : `mv${names.metric(site.ownMetric)}`;
    const value = expression(site.operand, slotCode(plan, names)(own));
    const at = jsInteger(site.site, 'a history site');
    out.line(`sites[${at}] = ${site.followsBand ? `band === null ? (ps[${at}] ?? null) : ` : ''}${value};`);
  }
  out.line('if (asOf === null) return { result, state: undefined };');
  out.line('const carried = rt.carriedHistory(previous, asOf, { score, band }, computedBand);');
  out.line('return { result, state: { asOf, scoredAsOf: carried.scoredAsOf, score: carried.score, band: carried.band, computedBand: carried.computedBand, sites, lastFired } };');
}
