import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/codes.js';
import type { Expr } from '../expr/ast.js';
import type { ModelExpression, ModelExpressions } from '../expr/parse-model-expressions.js';
import { unparse } from '../expr/unparse.js';
import type { Locator } from '../position/locator.js';
import type { ModelSource } from '../schema/model-source.js';
import { NODE_CHECKERS } from './check-expression.js';
import type { ExpressionChecker } from './expression-checker.js';
import { orderMetrics, referencedMetrics, type MetricReference } from './metric-graph.js';
import { inputValueType, pulseLevelsByScore, type InputDeclaration } from './resolve-inputs.js';
import type { ExpressionContext, ModelScope } from './scope.js';
import type { CheckedExpression, TypedExpr } from './typed-expr.js';
import { ERROR_TYPE, describeType, enumType, type ValueType } from './value-type.js';

export interface TypedModelExpressions {
  readonly metricOrder: readonly string[];
  readonly metricValues: Readonly<Record<string, CheckedExpression>>;
  readonly metricScores: Readonly<Record<string, CheckedExpression>>;
  readonly playbooks: Readonly<Record<string, CheckedExpression>>;
  readonly metricValueTypes: ReadonlyMap<string, ValueType>;
  readonly historySites: number;
}

/** Resolves names and types every expression of the model, metrics first in dependency order. */
export function typeCheckModel(
  model: ModelSource,
  expressions: ModelExpressions,
  inputs: readonly InputDeclaration[],
  broken: ReadonlySet<string>,
  locate: Locator,
): { value: TypedModelExpressions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const names = Object.keys(model.metrics);
  const references = new Map<string, MetricReference[]>();
  const metricSet = new Set(names);
  for (const name of names) {
    const fromValue = referencedMetrics(readable(expressions.metricValues[name]), metricSet, `/metrics/${name}/value`);
    const fromScore = referencedMetrics(readable(expressions.metricScores[name]), metricSet, `/metrics/${name}/score/expr`);
    references.set(name, [...fromValue, ...fromScore]);
  }
  const { order, cycles } = orderMetrics(names, references);
  for (const cycle of cycles) {
    diagnostics.push(diagnostic('metric-cycle', { cycle: [...cycle.members] }, locate.inScalar(cycle.closing.pointer, cycle.closing.span)));
  }
  const valueTypes = new Map<string, ValueType>(names.map((name) => [name, ERROR_TYPE]));
  const scope = modelScope(model, inputs, valueTypes, broken);
  let sites = 0;
  const check = (expression: ModelExpression | undefined, context: ExpressionContext, contextScope: ModelScope = scope) => {
    if (expression === undefined) return undefined;
    const result = checkExpression(expression, context, contextScope, locate, () => sites++);
    diagnostics.push(...result.diagnostics);
    return result.checked;
  };
  const metricValues: Record<string, CheckedExpression> = Object.create(null);
  const metricScores: Record<string, CheckedExpression> = Object.create(null);
  for (const name of order) {
    const checked = check(expressions.metricValues[name], 'metric');
    if (checked === undefined) continue;
    metricValues[name] = checked;
    valueTypes.set(name, checked.expr.type);
  }
  for (const name of order) {
    const checked = check(expressions.metricScores[name], 'score', { ...scope, ownValueType: valueTypes.get(name) as ValueType });
    if (checked !== undefined) metricScores[name] = checked;
  }
  const playbooks: Record<string, CheckedExpression> = Object.create(null);
  for (const [name, expression] of Object.entries(expressions.playbooks)) {
    const checked = check(expression, 'playbook');
    if (checked === undefined) continue;
    playbooks[name] = checked;
    expectCondition(checked, locate, diagnostics);
  }
  return { value: { metricOrder: order, metricValues, metricScores, playbooks, metricValueTypes: valueTypes, historySites: sites }, diagnostics };
}

/** The tree of an expression that parsed as written (not a guess after a syntax error). */
function readable(expression: ModelExpression | undefined): Expr | undefined {
  return expression?.recovered === true ? undefined : expression?.ast;
}

/** What is still worth saying about a tree recovered from a syntax error: names and values that don't exist. */
const SAID_OF_A_GUESS: ReadonlySet<DiagnosticCode> = new Set(['unknown-name', 'unknown-member', 'unknown-function', 'unknown-enum-value']);

function expectCondition(checked: CheckedExpression, locate: Locator, diagnostics: Diagnostic[]): void {
  const type = checked.expr.type;
  if (type.kind === 'boolean' || type.kind === 'error') return;
  const span = locate.inScalar(checked.pointer, { start: 0, end: checked.text.length });
  diagnostics.push(diagnostic('condition-not-boolean', { actual: describeType(type), where: 'a playbook condition' }, span));
}

function modelScope(model: ModelSource, inputs: readonly InputDeclaration[], metricValueTypes: ReadonlyMap<string, ValueType>, broken: ReadonlySet<string>): ModelScope {
  const bandType = (name: string, bands: readonly { name: string }[] | undefined) =>
    enumType(name, (bands ?? model.bands).map((b) => b.name), true);
  return {
    inputs: new Map(inputs.map((input) => [input.name, inputValueType(input)])),
    metricValueTypes,
    metricBandTypes: new Map(Object.entries(model.metrics).map(([name, m]) => [name, bandType(`metrics.${name}.band`, m.bands)])),
    categoryBandTypes: new Map(Object.entries(model.categories).map(([name, c]) => [name, bandType(`categories.${name}.band`, c.bands)])),
    overallBandType: bandType('band', model.bands),
    pulseValueType: model.pulse === undefined ? undefined : enumType('pulse.value', pulseLevelsByScore(model), true),
    stageField: model.data?.stage,
    segmentField: model.data?.segment,
    hasBenchmarks: (model.benchmarks ?? []).length > 0,
    hasHistory: model.data?.id !== undefined && model.data.as_of !== undefined,
    broken,
  };
}

/** Checks one parsed expression in its context; the checker's recursion dispatches on node kind. */
export function checkExpression(
  expression: ModelExpression,
  context: ExpressionContext,
  scope: ModelScope,
  locate: Locator,
  nextHistorySite: () => number,
): { checked: CheckedExpression | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (expression.ast === undefined) return { checked: undefined, diagnostics };
  const reads: CheckedExpression['reads'][number][] = [];
  const explain: CheckedExpression['explain'][number][] = [];
  const checker: ExpressionChecker = {
    context,
    scope,
    text: expression.text,
    reads,
    explain,
    historyDepth: 0,
    check: (node: Expr): TypedExpr => (NODE_CHECKERS[node.kind] as (n: Expr, c: ExpressionChecker) => TypedExpr)(node, checker),
    report: <C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], range: { start: number; end: number }) => {
      diagnostics.push(diagnostic(code, params, locate.inScalar(expression.pointer, range)));
    },
    source: (node: Expr) => expression.text.slice(node.span.start, node.span.end),
    nextHistorySite,
  };
  const expr = checker.check(expression.ast);
  if (expression.recovered) return { checked: undefined, diagnostics: diagnostics.filter((d) => SAID_OF_A_GUESS.has(d.code)) };
  return { checked: { text: expression.text, canonical: unparse(expression.ast), pointer: expression.pointer, expr, reads, explain }, diagnostics };
}
