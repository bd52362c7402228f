import { suggest } from '../diagnostics/suggest.js';
import type { Call, Expr } from '../expr/ast.js';
import type { ExpressionChecker } from './expression-checker.js';
import type { FunctionName, TypedExpr } from './typed-expr.js';
import { BOOLEAN, ERROR_TYPE, NUMBER, describeType, isLenient, unify, type ValueType } from './value-type.js';

interface Signature {
  readonly arity: readonly [min: number, max: number];
  /** The result type, after reporting any argument that does not fit. */
  readonly result: (args: readonly TypedExpr[], call: Call, checker: ExpressionChecker) => ValueType;
  readonly needsHistory?: boolean;
}

type Kinds = readonly ValueType['kind'][];

/** Reports argument `i` unless its type is one of `kinds`; true when it fits. */
function expectArgument(call: Call, args: readonly TypedExpr[], i: number, kinds: Kinds, checker: ExpressionChecker): boolean {
  const type = (args[i] as TypedExpr).type;
  if (isLenient(type) || kinds.includes(type.kind)) return true;
  const expected = kinds.map((k) => (k === 'boolean' ? 'true or false' : `a ${k}`)).join(' or ');
  checker.report('argument-type', { fn: call.fn, position: i + 1, expected, actual: describeType(type) }, (call.args[i] as Expr).span);
  return false;
}

const numeric = (kinds: Kinds = ['number']) =>
  (args: readonly TypedExpr[], call: Call, checker: ExpressionChecker): ValueType =>
    args.map((_, i) => expectArgument(call, args, i, kinds, checker)).every(Boolean) ? sameType(args, call, checker) : ERROR_TYPE;

/** min/max/coalesce/if branches: every argument must have one common type. */
function sameType(args: readonly TypedExpr[], call: Call, checker: ExpressionChecker, from = 0): ValueType {
  let type: ValueType = { kind: 'null' };
  for (let i = from; i < args.length; i++) {
    const next = unify(type, (args[i] as TypedExpr).type);
    if (next === undefined) {
      checker.report('argument-type', { fn: call.fn, position: i + 1, expected: describeType(type), actual: describeType((args[i] as TypedExpr).type) }, (call.args[i] as Expr).span);
      return ERROR_TYPE;
    }
    type = next;
  }
  return type;
}

const typed = (kinds: readonly Kinds[], result: ValueType) =>
  (args: readonly TypedExpr[], call: Call, checker: ExpressionChecker): ValueType =>
    kinds.map((k, i) => expectArgument(call, args, i, k, checker)).every(Boolean) ? result : ERROR_TYPE;

export const FUNCTIONS: Readonly<Record<FunctionName, Signature>> = {
  min: { arity: [2, 20], result: numeric(['number', 'date', 'duration']) },
  max: { arity: [2, 20], result: numeric(['number', 'date', 'duration']) },
  clamp: { arity: [3, 3], result: typed([['number'], ['number'], ['number']], NUMBER) },
  abs: { arity: [1, 1], result: numeric(['number', 'duration']) },
  round: { arity: [1, 2], result: roundResult },
  log: { arity: [1, 1], result: typed([['number']], NUMBER) },
  coalesce: { arity: [2, 20], result: (args, call, checker) => sameType(args, call, checker) },
  ratio: { arity: [2, 2], result: typed([['number'], ['number']], NUMBER) },
  is_null: { arity: [1, 1], result: () => BOOLEAN },
  days_between: { arity: [2, 2], result: typed([['date'], ['date']], NUMBER) },
  if: { arity: [3, 3], result: ifResult },
  delta: { arity: [1, 1], result: numeric(['number', 'duration']), needsHistory: true },
  pct_change: { arity: [1, 1], result: typed([['number']], NUMBER), needsHistory: true },
  days_since: { arity: [1, 1], result: typed([['date']], NUMBER) },
};

function roundResult(args: readonly TypedExpr[], call: Call, checker: ExpressionChecker): ValueType {
  if (!expectArgument(call, args, 0, ['number'], checker)) return ERROR_TYPE;
  const digits = args[1];
  if (digits === undefined) return NUMBER;
  const valid = digits.kind === 'literal' && typeof digits.value === 'number' && Number.isInteger(digits.value) && digits.value >= 0 && digits.value <= 10;
  if (!valid) {
    checker.report('argument-type', { fn: 'round', position: 2, expected: 'a whole number from 0 to 10, written out', actual: checker.source(call.args[1] as Expr) }, (call.args[1] as Expr).span);
  }
  return valid ? NUMBER : ERROR_TYPE;
}

function ifResult(args: readonly TypedExpr[], call: Call, checker: ExpressionChecker): ValueType {
  const condition = expectArgument(call, args, 0, ['boolean'], checker);
  const branches = sameType(args, call, checker, 1);
  return condition ? branches : ERROR_TYPE;
}

/** How each function is called, as the README writes it: the hint of a wrong argument count. */
export const FUNCTION_USAGE: Readonly<Record<FunctionName | 'prev', string>> = {
  min: 'min(a, b, …)',
  max: 'max(a, b, …)',
  clamp: 'clamp(x, lo, hi)',
  abs: 'abs(x)',
  round: 'round(x)` or `round(x, digits)',
  log: 'log(x)',
  coalesce: 'coalesce(a, b, …)',
  ratio: 'ratio(a, b)',
  is_null: 'is_null(x)',
  days_between: 'days_between(d1, d2)',
  if: 'if(cond, a, b)',
  delta: 'delta(x)',
  pct_change: 'pct_change(x)',
  days_since: 'days_since(date)',
  prev: 'prev(x)',
};

/** The types a function's name may be mistyped as, for "did you mean". */
export const FUNCTION_NAMES: readonly string[] = [...Object.keys(FUNCTIONS), 'prev'];

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

export function suggestFunction(name: string): string | undefined {
  return suggest(name, FUNCTION_NAMES);
}

