import type { SqlDialect } from './dialect.js';
import { call, cheap, join, literalNumber, raw, sql, type Sql } from './sql-value.js';

/**
 * The language's arithmetic on doubles in SQL: IEEE results, except that a result that
 * overflows is NULL (never ±infinity, never an error) and `x / 0` is NULL. DuckDB follows IEEE
 * (±infinity) and never fails, so its results are made finite-or-NULL after the fact.
 * PostgreSQL raises an error on overflow, and on a product or quotient that underflows to zero
 * (JavaScript gives 0); BigQuery and Snowflake may give ±infinity or an error. For them each
 * operation is guarded before it runs. The guards sort each operand into low (< 2^-511), middle
 * and high (≥ 2^512): only a few combinations can overflow or underflow, and for those the check
 * multiplies or divides copies scaled by 2^±600 (exact), which stay in the normal range, so the
 * check can neither fail nor round differently from the real operation.
 * Operands must be atomic (columns or literals): the guards read them several times.
 */
export function finiteArithmetic(dialect: SqlDialect, op: '+' | '-' | '*' | '/', a: Sql, b: Sql): Sql {
  const n = (x: number): Sql => ({ text: dialect.double(x), step: 0, atomic: true });
  if (dialect.ieeeArithmetic) {
    // Finite operands give a finite result or ±infinity (never NaN: x / 0 is NULL first). One test of
    // it, not nullif(nullif(r, inf), -inf): DuckDB expands NULLIF into a CASE that repeats its operand.
    const result = op === '/' ? sql`${a} / NULLIF(${b}, ${n(0)})` : op === '+' ? sql`${a} + ${b}` : op === '-' ? sql`${a} - ${b}` : sql`${a} * ${b}`;
    return cheap(sql`(CASE WHEN ${call(dialect.isFinite, result)} THEN ${result} END)`, [a, b]);
  }
  const constant = literalNumber(b);
  if (constant !== undefined && constant !== 0 && Math.abs(constant) >= 2 ** -500 && Math.abs(constant) <= 2 ** 500) return byLiteral(op, a, b, constant, n);
  const scale = new Scale(n);
  switch (op) {
    case '+':
    case '-':
      return sum(op, a, b, n);
    case '*':
      return product(a, b, n, scale);
    case '/':
      return quotient(a, b, n, scale);
  }
}

type Num = (x: number) => Sql;

/**
 * An operation with a literal c on the right (|c| between 2^-500 and 2^500), checked only where it
 * can go wrong: a sum only when |a| reaches 2^1022; a product or quotient overflows only when |a|
 * reaches 2^1022 divided (multiplied) by c's power of two, and underflows to zero only below
 * 2^-1021 likewise — the two checks are the general ones, for the case that remains.
 */
function byLiteral(op: '+' | '-' | '*' | '/', a: Sql, b: Sql, c: number, n: Num): Sql {
  const whole = op === '+' ? sql`${a} + ${b}` : op === '-' ? sql`${a} - ${b}` : op === '*' ? sql`${a} * ${b}` : sql`${a} / ${b}`;
  if (op === '+' || op === '-') {
    const half = sql`(CASE WHEN abs(${a}) < ${n(1)} THEN ${n(0)} ELSE ${a} * ${n(0.5)} END) ${raw(op)} ${n(c * 0.5)}`;
    return sql`(CASE WHEN abs(${a}) < ${n(2 ** 1022)} THEN ${whole} WHEN abs(${half}) >= ${n(2 ** 1023)} THEN NULL ELSE ${whole} END)`;
  }
  const power = Math.floor(Math.log2(Math.abs(c)));
  const [high, low] = op === '*' ? [2 ** (1022 - power), 2 ** (-1021 - power)] : [2 ** (1022 + power), 2 ** (-1020 + power)];
  const scaled = (factor: number) => (op === '*' ? sql`(${a} * ${n(factor)}) * ${b}` : sql`(${a} * ${n(factor)}) / ${b}`);
  const arms = [sql`WHEN ${a} = ${n(0)} THEN ${whole}`];
  if (high < 2 ** 1023) arms.push(sql`WHEN abs(${a}) >= ${n(high)} THEN (CASE WHEN abs(${scaled(2 ** -600)}) >= ${n(2 ** 424)} THEN NULL ELSE ${whole} END)`);
  if (low > 2 ** -1074) arms.push(sql`WHEN abs(${a}) < ${n(low)} THEN (CASE WHEN abs(${scaled(2 ** 600)}) <= ${n(2 ** -475)} THEN ${n(0)} ELSE ${whole} END)`);
  return sql`(CASE ${join(arms, ' ')} ELSE ${whole} END)`;
}

class Scale {
  readonly low: Sql;
  readonly high: Sql;
  constructor(private readonly n: Num) {
    this.low = n(2 ** -511);
    this.high = n(2 ** 512);
  }
  /** x·2^-600 when x is high, else x. */
  down(x: Sql): Sql {
    return sql`(CASE WHEN abs(${x}) >= ${this.high} THEN ${x} * ${this.n(2 ** -600)} ELSE ${x} END)`;
  }
  /** x·2^600 when x is low, else x. */
  up(x: Sql): Sql {
    return sql`(CASE WHEN abs(${x}) < ${this.low} THEN ${x} * ${this.n(2 ** 600)} ELSE ${x} END)`;
  }
}

/**
 * Below 2^1023 each, a sum cannot overflow. Otherwise half the sum overflows 2^1023 exactly when
 * the sum would overflow (halving commutes with rounding); an operand below 1 cannot change a
 * sum that large, and halving it could underflow, so it counts as 0 there.
 */
function sum(op: '+' | '-', a: Sql, b: Sql, n: Num): Sql {
  const limit = n(2 ** 1023);
  const half = (x: Sql) => sql`(CASE WHEN abs(${x}) < ${n(1)} THEN ${n(0)} ELSE ${x} * ${n(0.5)} END)`;
  const whole = op === '+' ? sql`${a} + ${b}` : sql`${a} - ${b}`;
  const halves = op === '+' ? sql`${half(a)} + ${half(b)}` : sql`${half(a)} - ${half(b)}`;
  return sql`(CASE WHEN abs(${a}) < ${limit} AND abs(${b}) < ${limit} THEN ${whole} WHEN abs(${halves}) >= ${limit} THEN NULL ELSE ${whole} END)`;
}

/**
 * A product can overflow only when both factors are at least low and one is high (scaled down,
 * it overflows when it reaches 2^(1024 − 600 per scaled factor)); it can underflow to zero only
 * when both are below high and one is low (scaled up, zero when at most 2^(−1075 + 600 each)).
 */
function product(a: Sql, b: Sql, n: Num, s: Scale): Sql {
  const bothHigh = sql`abs(${a}) >= ${s.high} AND abs(${b}) >= ${s.high}`;
  const bothLow = sql`abs(${a}) < ${s.low} AND abs(${b}) < ${s.low}`;
  const overflows = sql`abs(${s.down(a)} * ${s.down(b)}) >= (CASE WHEN ${bothHigh} THEN ${n(2 ** -176)} ELSE ${n(2 ** 424)} END)`;
  const vanishes = sql`abs(${s.up(a)} * ${s.up(b)}) <= (CASE WHEN ${bothLow} THEN ${n(2 ** 125)} ELSE ${n(2 ** -475)} END)`;
  return sql`(CASE WHEN ${a} = ${n(0)} OR ${b} = ${n(0)} THEN ${a} * ${b}
      WHEN abs(${a}) >= ${s.low} AND abs(${b}) >= ${s.low} AND (abs(${a}) >= ${s.high} OR abs(${b}) >= ${s.high}) THEN (CASE WHEN ${overflows} THEN NULL ELSE ${a} * ${b} END)
      WHEN abs(${a}) < ${s.high} AND abs(${b}) < ${s.high} AND (abs(${a}) < ${s.low} OR abs(${b}) < ${s.low}) THEN (CASE WHEN ${vanishes} THEN ${n(0)} ELSE ${a} * ${b} END)
      ELSE ${a} * ${b} END)`;
}

/**
 * A quotient can overflow only when a is high and b is not, or a is middle and b low; it can
 * underflow to zero only when a is low and b is not, or a is middle and b high. The checks divide
 * a scaled-down a by a scaled-up b (or the other way round).
 */
function quotient(a: Sql, b: Sql, n: Num, s: Scale): Sql {
  const overflowCase = sql`(abs(${a}) >= ${s.high} AND abs(${b}) < ${s.high}) OR (abs(${a}) >= ${s.low} AND abs(${b}) < ${s.low})`;
  const vanishCase = sql`(abs(${a}) < ${s.low} AND abs(${b}) >= ${s.low}) OR (abs(${a}) < ${s.high} AND abs(${b}) >= ${s.high})`;
  const widest = sql`abs(${a}) >= ${s.high} AND abs(${b}) < ${s.low}`;
  const narrowest = sql`abs(${a}) < ${s.low} AND abs(${b}) >= ${s.high}`;
  const overflows = sql`abs(${s.down(a)} / ${s.up(b)}) >= (CASE WHEN ${widest} THEN ${n(2 ** -176)} ELSE ${n(2 ** 424)} END)`;
  const vanishes = sql`abs(${s.up(a)} / ${s.down(b)}) <= (CASE WHEN ${narrowest} THEN ${n(2 ** 125)} ELSE ${n(2 ** -475)} END)`;
  return sql`(CASE WHEN ${b} = ${n(0)} THEN NULL WHEN ${a} = ${n(0)} THEN ${a} / ${b}
      WHEN ${overflowCase} THEN (CASE WHEN ${overflows} THEN NULL ELSE ${a} / ${b} END)
      WHEN ${vanishCase} THEN (CASE WHEN ${vanishes} THEN ${n(0)} ELSE ${a} / ${b} END)
      ELSE ${a} / ${b} END)`;
}
