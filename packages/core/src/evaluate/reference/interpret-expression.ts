import type { Slot, TypedExpr } from '../../check/typed-expr.js';
import { dayOrNull } from '../dates.js';
import { isMeasure } from '../measure.js';
import { compareNumbers, finite, roundTo } from '../numbers.js';

export type Value = number | string | boolean | null;

/** What an expression can read while it is evaluated. */
export interface Environment {
  slot(slot: Slot): Value;
  prev(site: number): Value;
}

/**
 * The reference semantics of the expression language, written for reading rather than speed.
 * Null is SQL's unknown: it propagates through arithmetic and comparisons, `x / 0` is null,
 * `false and null` is false, `true or null` is true, and a condition that is null does not hold.
 * Arithmetic that overflows is null: a number past ±1.8e308, a date past 0001-01-01…9999-12-31.
 */
export function interpret(expr: TypedExpr, env: Environment): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'slot':
      return env.slot(expr.slot);
    case 'prev':
      return env.prev(expr.site);
    case 'negate': {
      const x = interpret(expr.operand, env);
      return x === null ? null : finite(-(x as number));
    }
    case 'not': {
      const x = interpret(expr.operand, env);
      return x === null ? null : !x;
    }
    case 'arithmetic': {
      const x = arithmetic(expr.op, interpret(expr.left, env), interpret(expr.right, env));
      return x !== null && expr.type.kind === 'date' ? dayOrNull(x as number) : x;
    }
    case 'compare':
      return compare(expr.op, interpret(expr.left, env), interpret(expr.right, env), expr.order, isMeasure(expr.left.type) || isMeasure(expr.right.type));
    case 'logic':
      return logic(expr.op, interpret(expr.left, env), interpret(expr.right, env));
    case 'in':
      return member(interpret(expr.value, env), expr.items.map((item) => interpret(item, env)), expr.negated, isMeasure(expr.value.type));
    case 'call':
      return call(expr.fn, expr.args.map((arg) => interpret(arg, env)));
  }
}

function arithmetic(op: '+' | '-' | '*' | '/', a: Value, b: Value): Value {
  if (a === null || b === null) return null;
  const x = a as number;
  const y = b as number;
  if (op === '+') return finite(x + y);
  if (op === '-') return finite(x - y);
  if (op === '*') return finite(x * y);
  return y === 0 ? null : finite(x / y);
}

function compare(op: string, a: Value, b: Value, order: readonly string[] | undefined, measures: boolean): Value {
  if (a === null || b === null) return null;
  const [x, y] = measures ? [compareNumbers(a as number, b as number), 0] : order === undefined ? [a, b] : [order.indexOf(a as string), order.indexOf(b as string)];
  switch (op) {
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

function logic(op: 'and' | 'or', a: Value, b: Value): Value {
  const decisive = op === 'and' ? false : true;
  if (a === decisive || b === decisive) return decisive;
  if (a === null || b === null) return null;
  return !decisive;
}

function member(value: Value, items: readonly Value[], negated: boolean, measures: boolean): Value {
  if (value === null) return null;
  const equal = (item: Value) => (measures ? item !== null && compareNumbers(value as number, item as number) === 0 : item === value);
  if (items.some(equal)) return !negated;
  if (items.includes(null)) return null;
  return negated;
}

function call(fn: string, args: readonly Value[]): Value {
  const [a, b, c] = args;
  switch (fn) {
    case 'is_null':
      return a === null;
    case 'coalesce':
      return args.find((x) => x !== null) ?? null;
    case 'if':
      return a === true ? (b as Value) : (c as Value);
  }
  if (args.includes(null)) return null;
  const n = args as number[];
  switch (fn) {
    case 'min':
      return Math.min(...n);
    case 'max':
      return Math.max(...n);
    case 'clamp':
      return Math.min(Math.max(n[0] as number, n[1] as number), n[2] as number);
    case 'abs':
      return Math.abs(a as number);
    case 'round':
      return finite(roundTo(a as number, (b ?? 0) as number)); // the reading of the largest doubles overflows
    case 'log':
      return (a as number) > 0 ? Math.log(a as number) : null;
    case 'ratio':
      return (b as number) > 0 ? finite((a as number) / (b as number)) : null;
    case 'days_between':
      return (b as number) - (a as number);
    case 'pct_change':
      return b === 0 ? null : finite((((a as number) - (b as number)) / Math.abs(b as number)) * 100);
    default:
      throw new Error(`bug: unknown function ${fn}`);
  }
}
