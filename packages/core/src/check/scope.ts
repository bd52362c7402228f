import type { Slot } from './typed-expr.js';
import { BOOLEAN, DATE, NUMBER, type ValueType } from './value-type.js';

/** Where an expression stands decides which names it can read. */
export type ExpressionContext = 'metric' | 'score' | 'playbook';

export const CONTEXT_WORDING: Readonly<Record<ExpressionContext, string>> = {
  metric: 'a metric value',
  score: 'a score expression',
  playbook: 'a playbook condition',
};

/** Everything name resolution needs to know about the model; built once per model. */
export interface ModelScope {
  readonly inputs: ReadonlyMap<string, ValueType>;
  readonly metricValueTypes: ReadonlyMap<string, ValueType>;
  readonly metricBandTypes: ReadonlyMap<string, ValueType>;
  readonly categoryBandTypes: ReadonlyMap<string, ValueType>;
  readonly overallBandType: ValueType;
  readonly pulseValueType: ValueType | undefined;
  readonly stageField: string | undefined;
  readonly segmentField: string | undefined;
  readonly hasBenchmarks: boolean;
  readonly hasHistory: boolean;
  /** Names whose definitions had errors: references to them are not reported again. */
  readonly broken: ReadonlySet<string>;
  /** Inside a metric's score expression: the type of that metric's value. */
  readonly ownValueType?: ValueType;
}

export interface Resolved {
  readonly slot: Slot;
  readonly type: ValueType;
}

/** A failed resolution: which path segment is wrong and what would have been allowed there. */
export interface Unresolved {
  readonly segment: number;
  readonly allowed: readonly string[];
  /** For the first segment: the wording of "unknown name" rather than "has no member". */
  readonly unknownName?: boolean;
  readonly silent?: boolean;
}

const RESULT_FIELDS: Readonly<Record<string, ValueType>> = {
  score: NUMBER,
  coverage: NUMBER,
  band_changed: BOOLEAN,
  score_change: NUMBER,
};
const PULSE_FIELDS = ['value', 'score', 'age_days', 'stale'] as const;
const METRIC_FIELDS = ['value', 'score', 'band'] as const;
const CATEGORY_FIELDS = ['score', 'band', 'benchmark', 'gap'] as const;

/** Names an input may not take, because expressions give them another meaning. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set([
  'metrics', 'categories', 'pulse', 'value', 'score', 'band', 'coverage', 'benchmark', 'gap',
  'band_changed', 'score_change', 'as_of', 'stage', 'segment',
]);

export function resolvePath(path: readonly string[], context: ExpressionContext, scope: ModelScope): Resolved | Unresolved {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return resolveName(head, context, scope);
  if (head === 'metrics') return resolveMember(rest, scope.metricValueTypes, METRIC_FIELDS, scope, (metric, field) => metricSlot(metric, field, scope));
  if (head === 'categories' && context === 'playbook') {
    const fields = scope.hasBenchmarks ? CATEGORY_FIELDS : CATEGORY_FIELDS.slice(0, 2);
    return resolveMember(rest, scope.categoryBandTypes, fields, scope, (category, field) => categorySlot(category, field, scope));
  }
  if (head === 'pulse' && scope.pulseValueType !== undefined) return resolvePulse(rest, scope);
  const fromName = resolveName(head, context, scope);
  return 'slot' in fromName ? { segment: 1, allowed: [] } : fromName;
}

function resolveName(name: string, context: ExpressionContext, scope: ModelScope): Resolved | Unresolved {
  if (context === 'score' && name === 'value') return { slot: { kind: 'own-value' }, type: scope.ownValueType ?? NUMBER };
  const input = scope.inputs.get(name);
  if (input !== undefined) return { slot: { kind: 'input', input: name }, type: input };
  const alias = name === 'stage' ? scope.stageField : name === 'segment' ? scope.segmentField : undefined;
  const aliased = alias === undefined ? undefined : scope.inputs.get(alias);
  if (alias !== undefined && aliased !== undefined) return { slot: { kind: 'input', input: alias }, type: aliased };
  if (name === 'as_of') return { slot: { kind: 'result', field: 'as_of' }, type: DATE };
  const result = context === 'playbook' ? resultField(name, scope) : undefined;
  if (result !== undefined) return result;
  if (scope.broken.has(name)) return { segment: 0, allowed: [], silent: true };
  return { segment: 0, allowed: namesIn(context, scope), unknownName: true };
}

function resultField(name: string, scope: ModelScope): Resolved | undefined {
  if (name === 'band') return { slot: { kind: 'result', field: 'band' }, type: scope.overallBandType };
  if ((name === 'benchmark' || name === 'gap') && scope.hasBenchmarks) return { slot: { kind: 'result', field: name }, type: NUMBER };
  const type = RESULT_FIELDS[name];
  return type === undefined ? undefined : { slot: { kind: 'result', field: name as 'score' }, type };
}

function resolveMember(
  rest: readonly string[],
  entries: ReadonlyMap<string, ValueType>,
  fields: readonly string[],
  scope: ModelScope,
  slot: (entry: string, field: string) => Resolved,
): Resolved | Unresolved {
  const [entry, field, ...beyond] = rest as [string, string | undefined, ...string[]];
  if (!entries.has(entry)) return { segment: 1, allowed: [...entries.keys()], silent: scope.broken.has(entry) };
  if (field === undefined || !fields.includes(field)) return { segment: 2, allowed: fields };
  if (beyond.length > 0) return { segment: 3, allowed: [] };
  return slot(entry, field);
}

function metricSlot(metric: string, field: string, scope: ModelScope): Resolved {
  const slot: Slot = { kind: 'metric', metric, field: field as 'value' };
  if (field === 'band') return { slot, type: scope.metricBandTypes.get(metric) as ValueType };
  return { slot, type: field === 'value' ? (scope.metricValueTypes.get(metric) as ValueType) : NUMBER };
}

function categorySlot(category: string, field: string, scope: ModelScope): Resolved {
  const slot: Slot = { kind: 'category', category, field: field as 'score' };
  return { slot, type: field === 'band' ? (scope.categoryBandTypes.get(category) as ValueType) : NUMBER };
}

function resolvePulse(rest: readonly string[], scope: ModelScope): Resolved | Unresolved {
  const [field, ...beyond] = rest as [string, ...string[]];
  if (!(PULSE_FIELDS as readonly string[]).includes(field)) return { segment: 1, allowed: PULSE_FIELDS };
  if (beyond.length > 0) return { segment: 2, allowed: [] };
  const types: Record<string, ValueType> = { value: scope.pulseValueType as ValueType, score: NUMBER, age_days: NUMBER, stale: BOOLEAN };
  return { slot: { kind: 'pulse', field: field as 'value' }, type: types[field] as ValueType };
}

/** Every name an expression in this context could start with, for "did you mean". */
export function namesIn(context: ExpressionContext, scope: ModelScope): string[] {
  const names = [...scope.inputs.keys(), 'metrics', 'as_of'];
  if (scope.stageField !== undefined) names.push('stage');
  if (scope.segmentField !== undefined) names.push('segment');
  if (scope.pulseValueType !== undefined) names.push('pulse');
  if (context === 'score') names.push('value');
  if (context === 'playbook') {
    names.push('categories', 'band', ...Object.keys(RESULT_FIELDS));
    if (scope.hasBenchmarks) names.push('benchmark', 'gap');
  }
  return names;
}
