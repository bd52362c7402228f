import type { Slot, TypedExpr } from '../../check/typed-expr.js';
import { FIRST_DAY, LAST_DAY } from '../dates.js';
import { isMeasure } from '../measure.js';
import type { CodeBuilder } from './code-builder.js';
import { jsChoice, jsInteger, jsNumber, jsValue, PlanError } from './js-literal.js';

/** How generated code reads each slot: the name of a local, or an expression over locals. */
export type SlotCode = (slot: Slot) => string;

const isNull = (a: string, b: string) => `${a} === null || ${b} === null`;

/**
 * Typed expression → a JavaScript expression over already-bound locals, binding every operand
 * once. The null rules are the reference interpreter's, spelt out inline (no calls per operator).
 */
export function emitExpression(expr: TypedExpr, out: CodeBuilder, slot: SlotCode, order: (values: readonly string[]) => string): string {
  const emit = (e: TypedExpr): string => out.bind(emitExpression(e, out, slot, order));
  switch (expr.kind) {
    case 'literal':
      // A number is read from the plan's numbers (a tweak to it keeps the source); text and flags are written in.
      return typeof expr.value === 'number' ? out.number(expr.value) : jsValue(expr.value);
    case 'slot':
      return slot(expr.slot);
    case 'prev':
      return `(ps[${jsInteger(expr.site, 'a history site')}] ?? null)`;
    case 'negate': {
      const a = emit(expr.operand);
      return `(${a} === null ? null : -${a})`;
    }
    case 'not': {
      const a = emit(expr.operand);
      return `(${a} === null ? null : !${a})`;
    }
    case 'arithmetic':
    case 'compare':
    case 'logic':
      return emitChain(expr, emit, out, order);
    case 'in': {
      const v = emit(expr.value);
      const items = expr.items.map(emit);
      const equal = isMeasure(expr.value.type) ? (i: string) => `(${i} !== null && rt.compareNumbers(${v}, ${i}) === 0)` : (i: string) => `${v} === ${i}`;
      const hit = items.map(equal).join(' || ') || 'false';
      const anyNull = items.map((i) => `${i} === null`).join(' || ') || 'false';
      if (typeof expr.negated !== 'boolean') throw new PlanError('the `not` of `in`', 'true or false', expr.negated);
      const negated = expr.negated;
      return `(${v} === null ? null : (${hit}) ? ${!negated} : (${anyNull}) ? null : ${negated})`;
    }
    case 'call':
      return emitCall(expr.fn, expr.args.map(emit), expr.args);
    default:
      throw new PlanError('an expression', 'a typed expression of the language', (expr as { kind?: unknown }).kind);
  }
}

type BinaryExpr = Extract<TypedExpr, { kind: 'arithmetic' | 'compare' | 'logic' }>;

const isBinary = (e: TypedExpr): e is BinaryExpr => e.kind === 'arithmetic' || e.kind === 'compare' || e.kind === 'logic';

/**
 * A chain (`a + b + c + …`, a long `or`) nests to the left as deep as it is long, so its left
 * spine is walked in a loop rather than by recursion: the leftmost operand first, then each
 * right operand and the operator that joins it, as recursion would have emitted them.
 */
function emitChain(expr: BinaryExpr, emit: (e: TypedExpr) => string, out: CodeBuilder, order: (values: readonly string[]) => string): string {
  const spine: BinaryExpr[] = [];
  let leftmost: TypedExpr = expr;
  for (; isBinary(leftmost); leftmost = leftmost.left) spine.push(leftmost);
  let left = emit(leftmost);
  let code = left;
  for (let i = spine.length - 1; i >= 0; i--) {
    code = emitBinary(spine[i] as BinaryExpr, left, emit((spine[i] as BinaryExpr).right), out, order);
    if (i > 0) left = out.bind(code);
  }
  return code;
}

function emitBinary(expr: BinaryExpr, a: string, b: string, out: CodeBuilder, order: (values: readonly string[]) => string): string {
  switch (expr.kind) {
    case 'arithmetic': {
      const raw = out.fresh();
      const op = jsChoice(expr.op, 'an arithmetic operator', ARITHMETIC);
      const operation = op === '/' ? `${b} === 0 ? null : ${a} / ${b}` : `${a} ${op} ${b}`;
      out.line(`let ${raw} = ${isNull(a, b)} ? null : ${operation};`);
      out.line(`if (${raw} !== null && ${raw} - ${raw} !== 0) ${raw} = null;`);
      if (expr.type.kind === 'date') out.line(`if (${raw} !== null && (${raw} < ${FIRST_DAY} || ${raw} > ${LAST_DAY})) ${raw} = null;`);
      return raw;
    }
    case 'compare': {
      const op = jsChoice(expr.op, 'a comparison', COMPARISON);
      if (isMeasure(expr.left.type) || isMeasure(expr.right.type)) return `(${isNull(a, b)} ? null : rt.compareNumbers(${a}, ${b}) ${op} 0)`;
      if (expr.order === undefined) return `(${isNull(a, b)} ? null : ${a} ${op} ${b})`;
      const table = order(expr.order);
      return `(${isNull(a, b)} ? null : (${table}.get(${a}) ?? -1) ${op} (${table}.get(${b}) ?? -1))`;
    }
    case 'logic': {
      const decisive = jsChoice(expr.op, 'a logical operator', LOGIC);
      const other = expr.op === 'and' ? 'true' : 'false';
      return `(${a} === ${decisive} || ${b} === ${decisive} ? ${decisive} : ${isNull(a, b)} ? null : ${other})`;
    }
  }
}

const ARITHMETIC: Readonly<Record<string, string>> = { '+': '+', '-': '-', '*': '*', '/': '/' };
const COMPARISON: Readonly<Record<string, string>> = { '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
/** For `and` and `or`: the value of either side that decides the result alone. */
const LOGIC: Readonly<Record<string, string>> = { and: 'false', or: 'true' };

function emitCall(fn: string, args: readonly string[], typed: readonly TypedExpr[]): string {
  const [a = 'null', b = 'null', c = 'null'] = args;
  const anyNull = args.map((x) => `${x} === null`).join(' || ');
  switch (fn) {
    case 'is_null':
      return `(${a} === null)`;
    case 'coalesce':
      return `(${args.map((x) => `${x} !== null ? ${x} : `).join('')}null)`;
    case 'if':
      return `(${a} === true ? ${b} : ${c})`;
    case 'min':
    case 'max':
      return `(${anyNull} ? null : Math.${fn}(${args.join(', ')}))`;
    case 'clamp':
      return `(${anyNull} ? null : Math.min(Math.max(${a}, ${b}), ${c}))`;
    case 'abs':
      return `(${a} === null ? null : Math.abs(${a}))`;
    case 'round': {
      const digits = typed[1]?.kind === 'literal' ? jsNumber(typed[1].value as number) : '0';
      return `(${a} === null ? null : rt.finite(rt.roundTo(${a}, ${digits})))`;
    }
    case 'log':
      return `(${a} === null ? null : ${a} > 0 ? Math.log(${a}) : null)`;
    case 'ratio':
      return `(${anyNull} ? null : ${b} > 0 ? rt.finite(${a} / ${b}) : null)`;
    case 'days_between':
      return `(${anyNull} ? null : ${b} - ${a})`;
    case 'pct_change':
      return `(${anyNull} ? null : ${b} === 0 ? null : rt.finite((${a} - ${b}) / Math.abs(${b}) * 100))`;
    default:
      throw new PlanError('a function', 'one the language has', fn);
  }
}
