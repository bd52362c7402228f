import type { Slot, TypedExpr } from '../check/typed-expr.js';
import type { ValueType } from '../check/value-type.js';
import { FIRST_DAY, LAST_DAY } from '../evaluate/dates.js';
import { isMeasure } from '../evaluate/measure.js';
import { followsBand } from '../evaluate/plan-facts.js';
import type { SqlDialect } from './dialect.js';
import { arithmetic, compareMeasures, double, roundTo, type ComparisonOperator, type NumberScope } from './sql-numbers.js';
import { FALSE, NULL, TRUE, join, literal, raw, sql, type Sql } from './sql-value.js';

/** What names read while an expression is compiled: columns of the rows the stage runs over. */
export interface ExpressionScope extends NumberScope {
  slot(slot: Slot): Sql;
  /** Inside a metric's score expression: the metric's value. */
  readonly own: Sql | null;
  /**
   * The value a column had at the account's previous accepted snapshot (a window function); with
   * `followsBand`, at its last one that showed a band (plan-facts.ts).
   */
  previous(column: Sql, followsBand: boolean): Sql;
}

/**
 * A typed expression → SQL with the language's semantics (those of the reference interpreter):
 * null propagates, `x / 0` and overflow are null, comparisons of numbers are as read (1e-12),
 * `min`/`max`/`clamp` are null when any argument is (not LEAST's skipping), `log` is natural
 * and null at 0 and below (never an error), `round` is half away from zero, `in` is null when
 * the value is, or when nothing matches and an item is. Every compound is parenthesised, so
 * `not` binds as written whatever the engine's precedence; operands used twice are bound once.
 */
export function expressionToSql(expr: TypedExpr, scope: ExpressionScope): Sql {
  const emit = (e: TypedExpr) => expressionToSql(e, scope);
  const once = (e: TypedExpr) => scope.stage.once(emit(e), '_t');
  switch (expr.kind) {
    case 'literal':
      return literalSql(expr.value, expr.type, scope);
    case 'slot':
      return scope.slot(expr.slot);
    case 'prev':
      return scope.previous(scope.stage.once(emit(expr.operand), '_site'), followsBand(expr.operand));
    case 'negate':
      // A space after the minus: `--` would start a comment when the operand is a negative literal.
      return sql`(- ${emit(expr.operand)})`;
    case 'not':
      return sql`(NOT ${emit(expr.operand)})`;
    case 'arithmetic': {
      const value = arithmetic(scope, expr.op, emit(expr.left), emit(expr.right));
      if (expr.type.kind !== 'date') return value;
      // Date arithmetic that leaves 0001-01-01…9999-12-31 is null (dates.ts dayOrNull).
      const day = scope.stage.once(value, '_day');
      return sql`(CASE WHEN ${day} BETWEEN ${double(scope, FIRST_DAY)} AND ${double(scope, LAST_DAY)} THEN ${day} END)`;
    }
    case 'compare':
      return compare(expr, once(expr.left), once(expr.right), scope);
    case 'logic':
      return sql`(${emit(expr.left)} ${raw(expr.op === 'and' ? 'AND' : 'OR')} ${emit(expr.right)})`;
    case 'in':
      return member(expr.negated, once(expr.value), expr.items.map(once), isMeasure(expr.value.type), scope);
    case 'call':
      return callSql(expr.fn, expr.args, scope);
  }
}

function literalSql(value: number | string | boolean | null, type: ValueType, scope: ExpressionScope): Sql {
  if (value === null) return typedNull(type, scope.dialect);
  if (typeof value === 'boolean') return value ? TRUE : FALSE;
  if (typeof value === 'number') return double(scope, value);
  return literal(scope.dialect.string(value));
}

/** NULL with the SQL type of a language type, so CASE and COALESCE agree on a type in every engine. */
export function typedNull(type: ValueType, dialect: SqlDialect): Sql {
  switch (type.kind) {
    case 'number':
    case 'date':
    case 'duration':
      return raw(dialect.cast('NULL', 'double'));
    case 'boolean':
      return raw(dialect.cast('NULL', 'boolean'));
    case 'string':
    case 'enum':
      return raw(dialect.cast('NULL', 'text'));
    default:
      return NULL;
  }
}

function compare(expr: Extract<TypedExpr, { kind: 'compare' }>, a: Sql, b: Sql, scope: ExpressionScope): Sql {
  if (isMeasure(expr.left.type) || isMeasure(expr.right.type)) return compareMeasures(scope, expr.op, a, b);
  const op = raw(SQL_OPERATORS[expr.op]);
  if (expr.order === undefined) return sql`(${a} ${op} ${b})`;
  const rank = (x: Sql) => orderIndex(x, expr.order as readonly string[], scope);
  return sql`(${rank(a)} ${op} ${rank(b)})`;
}

const SQL_OPERATORS: Readonly<Record<ComparisonOperator, string>> = { '==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** An ordered enum's position (−1 for a value outside the order; null stays null). */
export function orderIndex(x: Sql, order: readonly string[], scope: NumberScope): Sql {
  const arms = order.map((value, i) => sql`WHEN ${literal(scope.dialect.string(value))} THEN ${raw(String(i))}`);
  return sql`(CASE WHEN ${x} IS NULL THEN NULL ELSE (CASE ${x} ${join(arms, ' ')} ELSE -1 END) END)`;
}

function member(negated: boolean, value: Sql, items: readonly Sql[], measures: boolean, scope: ExpressionScope): Sql {
  const equal = (item: Sql) => (measures ? sql`(${item} IS NOT NULL AND ${compareMeasures(scope, '==', value, item)})` : sql`${value} = ${item}`);
  const hit = items.length === 0 ? FALSE : join(items.map(equal), ' OR ');
  const anyNull = items.length === 0 ? FALSE : join(items.map((item) => sql`${item} IS NULL`), ' OR ');
  const [found, missed] = negated ? [FALSE, TRUE] : [TRUE, FALSE];
  return sql`(CASE WHEN ${value} IS NULL THEN NULL WHEN ${hit} THEN ${found} WHEN ${anyNull} THEN NULL ELSE ${missed} END)`;
}

function callSql(fn: string, args: readonly TypedExpr[], scope: ExpressionScope): Sql {
  const emit = (e: TypedExpr) => expressionToSql(e, scope);
  const once = (e: TypedExpr) => scope.stage.once(emit(e), '_t');
  const [first, second, third] = args as [TypedExpr, TypedExpr | undefined, TypedExpr | undefined];
  const n = (x: number) => double(scope, x);
  switch (fn) {
    case 'is_null':
      return sql`(${emit(first)} IS NULL)`;
    case 'coalesce':
      return sql`COALESCE(${join(args.map(emit), ', ')})`;
    case 'if':
      return sql`(CASE WHEN ${emit(first)} THEN ${emit(second as TypedExpr)} ELSE ${emit(third as TypedExpr)} END)`;
    case 'min':
    case 'max': {
      const values = args.map(once);
      return nullIfAnyNull(values, sql`${raw(fn === 'min' ? 'least' : 'greatest')}(${join(values, ', ')})`);
    }
    case 'clamp': {
      const [x, lo, hi] = args.map(once) as [Sql, Sql, Sql];
      return nullIfAnyNull([x, lo, hi], sql`least(greatest(${x}, ${lo}), ${hi})`);
    }
    case 'abs':
      return sql`abs(${emit(first)})`;
    case 'round': {
      const digits = second?.kind === 'literal' ? (second.value as number) : 0;
      const x = once(first);
      return roundTo(scope, x, digits, null);
    }
    case 'log':
      // ln(0) and ln of a negative number fail in every engine (and LOG is base 10 in PostgreSQL): null instead.
      return sql`ln(NULLIF(greatest(${emit(first)}, ${n(0)}), ${n(0)}))`;
    case 'ratio': {
      const [a, b] = [once(first), once(second as TypedExpr)];
      return sql`(CASE WHEN ${b} > ${n(0)} THEN ${arithmetic(scope, '/', a, b)} ELSE NULL END)`;
    }
    case 'days_between':
      return sql`(${emit(second as TypedExpr)} - ${emit(first)})`;
    case 'pct_change': {
      const [x, before] = [once(first), once(second as TypedExpr)];
      const ratio = arithmetic(scope, '/', arithmetic(scope, '-', x, before), sql`abs(${before})`);
      return sql`(CASE WHEN ${before} = ${n(0)} THEN NULL ELSE ${arithmetic(scope, '*', ratio, n(100))} END)`;
    }
    default:
      throw new Error(`bug: no SQL for function ${fn}`);
  }
}

/** SQL's LEAST and GREATEST skip nulls in PostgreSQL and DuckDB; the language's min and max do not. */
function nullIfAnyNull(args: readonly Sql[], value: Sql): Sql {
  return sql`(CASE WHEN ${join(args.map((a) => sql`${a} IS NULL`), ' OR ')} THEN NULL ELSE ${value} END)`;
}
