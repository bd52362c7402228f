import { COMPARISON_PRECISION, halfUnits } from '../evaluate/numbers.js';
import type { SqlDialect } from './dialect.js';
import { finiteArithmetic } from './finite-arithmetic.js';
import { call, cheap, join, literalNumber, sql, type Sql } from './sql-value.js';
import type { Stage } from './stage.js';

/** Where SQL for numbers is written: the dialect, and the stage that binds repeated operands. */
export interface NumberScope {
  readonly dialect: SqlDialect;
  readonly stage: Stage;
}

export function double(scope: NumberScope, value: number): Sql {
  return { text: scope.dialect.double(value), step: 0, atomic: true };
}

export function arithmetic(scope: NumberScope, op: '+' | '-' | '*' | '/', a: Sql, b: Sql): Sql {
  return finiteArithmetic(scope.dialect, op, scope.stage.once(a, '_t'), scope.stage.once(b, '_t'));
}

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * `compareNumbers(a, b) <op> 0`: two numbers are equal when they differ by at most 1e-12 of the
 * larger. Numbers of opposite signs are never equal (and their difference could overflow), so
 * the difference is taken only for the same sign. Below 1e-311 the tolerance underflows (and
 * PostgreSQL would fail on it): there equal means identical. Null in, null out.
 */
export function compareMeasures(scope: NumberScope, op: ComparisonOperator, left: Sql, right: Sql): Sql {
  const a = scope.stage.once(left, '_t');
  const b = scope.stage.once(right, '_t');
  const n = (x: number) => double(scope, x);
  const equal = equalAsRead(a, b, n);
  const near = nearLiteral(b);
  // The plain comparison first: in a CASE or a filter an engine tests the tolerance only on the
  // rows it leaves undecided. Next to a literal, only values within 10^-11 of it can be equal to it:
  // the rows outside are decided by one more comparison.
  switch (op) {
    case '==':
      return equal;
    case '!=':
      return sql`(NOT ${equal})`;
    case '<':
      return near === null ? sql`(${a} < ${b} AND NOT ${equal})` : sql`(${a} < ${n(near.below)} OR (${a} < ${b} AND NOT ${equal}))`;
    case '<=':
      return near === null ? sql`(${a} < ${b} OR ${equal})` : sql`(${a} < ${b} OR (${a} <= ${n(near.above)} AND ${equal}))`;
    case '>':
      return near === null ? sql`(${a} > ${b} AND NOT ${equal})` : sql`(${a} > ${n(near.above)} OR (${a} > ${b} AND NOT ${equal}))`;
    case '>=':
      return near === null ? sql`(${a} > ${b} OR ${equal})` : sql`(${a} > ${b} OR (${a} >= ${n(near.below)} AND ${equal}))`;
  }
}

/**
 * For a literal c that is neither 0 nor tiny nor huge, bounds outside which no number is equal to
 * c by the tolerance rule: |x − c| ≤ 10^-12·max(|x|, |c|) puts x within about 1.000001·10^-12·|c|
 * of c (rounding included), and the bounds are ten times further out.
 */
function nearLiteral(b: Sql): { below: number; above: number } | null {
  const c = literalNumber(b);
  if (c === undefined || c === 0 || Math.abs(c) < 1e-290 || Math.abs(c) > 1e290) return null;
  const margin = Math.abs(c) * 10 * COMPARISON_PRECISION;
  return { below: c - margin, above: c + margin };
}

/** The tolerance rule, shorter when one side is a literal (its sign and size are known). */
function equalAsRead(a: Sql, b: Sql, n: (x: number) => Sql): Sql {
  const constant = literalNumber(b);
  if (constant === 0) return sql`(${a} = ${b})`;
  if (constant !== undefined && Math.abs(constant) >= 1e-311) {
    return sql`(${a} = ${b} OR (sign(${a}) = ${n(Math.sign(constant))} AND abs(${a} - ${b}) <= greatest(abs(${a}), ${n(Math.abs(constant))}) * ${n(COMPARISON_PRECISION)}))`;
  }
  const larger = sql`greatest(abs(${a}), abs(${b}))`;
  const tolerance = sql`(CASE WHEN ${larger} < ${n(1e-311)} THEN ${n(0)} ELSE ${larger} * ${n(COMPARISON_PRECISION)} END)`;
  return sql`(${a} = ${b} OR (sign(${a}) = sign(${b}) AND abs(${a} - ${b}) <= ${tolerance}))`;
}

/**
 * Half a unit of the 15th digit for the halves of each decade up to 10^14, as the largest double
 * a distance may be below: the next double up when the unit itself counts (numbers.ts).
 */
const UNITS = halfUnits(15).map(({ unit, inclusive }) => (inclusive ? nextUp(unit) : unit));

function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/**
 * `roundTo(x, decimals)` in SQL: half away from zero, on the value read at 15 significant digits.
 * With m = |x|·10^d and the half h = floor(m) + 0.5, the reading is h exactly when m lies within
 * half a unit of the 15th digit of h (the rule numbers.ts uses below 10^9, spelt out for every
 * decade below 10^14; from there the reading has no decimals and a half rounds up). So m rounds
 * up when it is at or above h, down when it is further below h than the largest unit the decades
 * reach, and only in between (a value within 10^-11 or so below a half: almost never) does the
 * unit of h's decade decide: the engine evaluates that ladder for those rows alone. The distance
 * h − m is exact below 10^15; above, the dialect reads m at 15 digits.
 * `largest` bounds |x| when it is known (a score on its scale): only the decades it reaches are
 * written. `nonNegative` says x is never below 0 (a clamped score on a scale from 0 up, a
 * coverage): no sign to restore. No engine's `round` does this: PostgreSQL's rounds doubles half
 * to even, and every engine rounds the binary value (27.435 is 27.434999… in binary and would
 * round down).
 */
export function roundTo(scope: NumberScope, value: Sql, decimals: number, largest: number | null, hint = '_t', nonNegative = false): Sql {
  const { stage } = scope;
  const n = (x: number) => double(scope, x);
  const power = n(10 ** decimals);
  const x = stage.once(value, hint);
  const magnitude = nonNegative ? x : cheap(sql`abs(${x})`, [x]);
  // m is |x|·10^d; a known bound keeps it finite and above zero-underflow, so no guard is needed.
  const scaled = largest !== null && largest * 10 ** decimals < 1e300 ? cheap(sql`${magnitude} * ${power}`, [magnitude]) : arithmetic(scope, '*', magnitude, power);
  const m = decimals === 0 && magnitude === x ? x : stage.bind(decimals === 0 ? magnitude : scaled, `${hint}_magnitude`);
  const half = stage.bind(sql`floor(${m}) + ${n(0.5)}`, `${hint}_half`);
  const rounded = sql`(${halfUp(scope, m, half, largest === null ? Infinity : largest * 10 ** decimals + 1)})`;
  const signed = (absolute: Sql) => (nonNegative ? absolute : sql`sign(${x}) * ${absolute}`);
  const unscaled = decimals === 0 ? signed(rounded) : sql`${signed(rounded)} / ${power}`;
  // + 0 makes the −0 of a negative x that rounds to 0 a 0, as in JavaScript (numbers.ts).
  const small = nonNegative ? sql`(${unscaled})` : sql`(${unscaled} + ${n(0)})`;
  if (largest !== null && largest * 10 ** decimals < 1e15) return small;
  // From m = 10^15 on (or past the largest double) the 15-digit reading has no digit beyond `decimals`: it is x's own reading (numbers.ts).
  return sql`(CASE WHEN ${m} < ${n(1e15)} THEN ${small} ELSE ${signed(call(scope.dialect.fifteenDigits, magnitude))} END)`;
}

/**
 * The whole number m rounds to (m below `reach`), given its half h: h + 0.5 when m is at or
 * above h or reads as h at 15 digits, else h − 0.5. The cheap arms come first.
 */
function halfUp(scope: NumberScope, m: Sql, half: Sql, reach: number): Sql {
  const n = (x: number) => double(scope, x);
  const decades = UNITS.findIndex((_, i) => 10 ** i > reach);
  const reached = decades < 0 ? UNITS : UNITS.slice(0, decades);
  const last = decades < 0 ? Number.MIN_VALUE : (UNITS[decades] as number);
  const ladder = reached.map((unit, i) => sql`WHEN ${half} < ${n(10 ** i)} THEN ${n(unit)}`);
  const unit = ladder.length === 0 ? n(last) : sql`(CASE ${join(ladder, ' ')} ELSE ${n(last)} END)`;
  const up = sql`${half} + ${n(0.5)}`;
  const down = sql`${half} - ${n(0.5)}`;
  const arms = [sql`WHEN ${m} >= ${half} THEN ${up}`];
  if (ladder.length > 0) arms.push(sql`WHEN ${half} - ${m} > ${n(Math.max(last, ...reached))} THEN ${down}`);
  arms.push(sql`WHEN ${half} - ${m} < ${unit} THEN ${up}`);
  return sql`CASE ${join(arms, ' ')} ELSE ${down} END`;
}

/**
 * `Math.min(max, Math.max(min, x))`, NULL for a NULL x. Two comparisons, not LEAST and GREATEST:
 * those skip a NULL (GREATEST(1, NULL) is 1 in DuckDB and PostgreSQL) and cost DuckDB several
 * times a CASE per row.
 */
export function clamp(scope: NumberScope, x: Sql, min: number, max: number): Sql {
  const value = scope.stage.once(x, '_t');
  const [low, high] = [double(scope, min), double(scope, max)];
  return sql`(CASE WHEN ${value} > ${high} THEN ${high} WHEN ${value} < ${low} THEN ${low} ELSE ${value} END)`;
}
