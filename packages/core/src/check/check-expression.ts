import { suggest } from '../diagnostics/suggest.js';
import type { Binary, Call, Expr, InList, Ref, Unary } from '../expr/ast.js';
import type { ExpressionChecker } from './expression-checker.js';
import { FUNCTION_NAMES, FUNCTION_USAGE, FUNCTIONS, isFunctionName, suggestFunction } from './functions.js';
import { CONTEXT_WORDING, resolvePath } from './scope.js';
import type { FunctionName, RuntimeFunction, TypedExpr } from './typed-expr.js';
import { BOOLEAN, DATE, DURATION, ERROR_TYPE, NULL_TYPE, NUMBER, STRING, describeType, isLenient, type ValueType } from './value-type.js';

type NodeChecker<K extends Expr['kind']> = (node: Extract<Expr, { kind: K }>, checker: ExpressionChecker) => TypedExpr;

const invalid = (): TypedExpr => ({ kind: 'literal', type: ERROR_TYPE, value: null });

/** One small checker per node kind. */
export const NODE_CHECKERS: { readonly [K in Expr['kind']]: NodeChecker<K> } = {
  number: (node) => ({ kind: 'literal', type: NUMBER, value: node.value }),
  string: (node) => ({ kind: 'literal', type: STRING, value: node.value }),
  boolean: (node) => ({ kind: 'literal', type: BOOLEAN, value: node.value }),
  null: () => ({ kind: 'literal', type: NULL_TYPE, value: null }),
  duration: (node) => ({ kind: 'literal', type: DURATION, value: node.days }),
  ref: checkRef,
  unary: checkUnary,
  binary: checkBinary,
  in: checkIn,
  call: checkCall,
  invalid: () => invalid(),
};

function checkRef(node: Ref, checker: ExpressionChecker): TypedExpr {
  const resolved = resolvePath(node.path, checker.context, checker.scope);
  if ('slot' in resolved) {
    const typed: TypedExpr = { kind: 'slot', type: resolved.type, slot: resolved.slot };
    checker.reads.push({ text: node.path.join('.'), slot: resolved.slot, span: node.span });
    if (explains(checker)) checker.explain.push({ text: node.path.join('.'), expr: typed });
    return typed;
  }
  if (resolved.silent === true) return invalid();
  const at = node.segments[resolved.segment] ?? node.span;
  const name = node.path[resolved.segment] ?? '';
  if (resolved.unknownName === true) {
    const suggestion = suggest(name, resolved.allowed);
    checker.report('unknown-name', { name, context: CONTEXT_WORDING[checker.context], ...(suggestion ? { suggestion } : {}) }, at);
  } else if (resolved.segment >= node.path.length) {
    const whole = node.path.join('.');
    checker.report('unknown-name', { name: whole, context: CONTEXT_WORDING[checker.context], suggestion: `${whole}.${resolved.allowed[0] ?? 'value'}` }, node.span);
  } else {
    const of = node.path.slice(0, resolved.segment).join('.');
    const suggestion = suggest(name, resolved.allowed);
    checker.report('unknown-member', { member: name, of, allowed: [...resolved.allowed], ...(suggestion ? { suggestion } : {}) }, at);
  }
  return invalid();
}

function checkUnary(node: Unary, checker: ExpressionChecker): TypedExpr {
  const operand = checker.check(node.operand);
  if (node.op === 'not') {
    expectOperand(node.operand, operand, ['boolean'], 'not', checker);
    return { kind: 'not', type: BOOLEAN, operand };
  }
  const ok = expectOperand(node.operand, operand, ['number', 'duration'], '-', checker);
  return { kind: 'negate', type: ok && operand.type.kind === 'duration' ? DURATION : ok ? NUMBER : ERROR_TYPE, operand };
}

function expectOperand(node: Expr, typed: TypedExpr, kinds: readonly ValueType['kind'][], op: string, checker: ExpressionChecker): boolean {
  if (isLenient(typed.type) || kinds.includes(typed.type.kind)) return true;
  const expected = kinds.includes('boolean') ? 'true or false' : 'numbers';
  checker.report('operand-type', { op, expected, actual: describeType(typed.type), operand: checker.source(node) }, node.span);
  return false;
}

/** Result kinds of arithmetic, by operator and operand kinds; dates and durations are days underneath. */
const ARITHMETIC: Readonly<Record<string, ValueType['kind']>> = {
  'number+number': 'number', 'date+duration': 'date', 'duration+date': 'date', 'duration+duration': 'duration',
  'number-number': 'number', 'date-date': 'duration', 'date-duration': 'date', 'duration-duration': 'duration',
  'number*number': 'number', 'duration*number': 'duration', 'number*duration': 'duration',
  'number/number': 'number', 'duration/duration': 'number', 'duration/number': 'duration',
};

function checkBinary(node: Binary, checker: ExpressionChecker): TypedExpr {
  const left = checker.check(node.left);
  const right = checker.check(node.right);
  switch (node.op) {
    case 'and':
    case 'or': {
      const ok = [expectOperand(node.left, left, ['boolean'], node.op, checker), expectOperand(node.right, right, ['boolean'], node.op, checker)];
      return { kind: 'logic', op: node.op, type: ok.every(Boolean) ? BOOLEAN : ERROR_TYPE, left, right };
    }
    case '+':
    case '-':
    case '*':
    case '/':
      return { kind: 'arithmetic', op: node.op, type: arithmeticType(node, left, right, checker), left, right };
    default:
      return checkComparison(node, left, right, checker);
  }
}

const MEASURES: readonly ValueType['kind'][] = ['number', 'date', 'duration'];

function arithmeticType(node: Binary, left: TypedExpr, right: TypedExpr, checker: ExpressionChecker): ValueType {
  const ok = [expectOperand(node.left, left, MEASURES, node.op, checker), expectOperand(node.right, right, MEASURES, node.op, checker)];
  if (!ok.every(Boolean)) return ERROR_TYPE;
  if (left.type.kind === 'error' || right.type.kind === 'error') return ERROR_TYPE;
  const leftKind = left.type.kind === 'null' ? right.type.kind : left.type.kind;
  const rightKind = right.type.kind === 'null' ? leftKind : right.type.kind;
  const kind = ARITHMETIC[`${leftKind}${node.op}${rightKind}`];
  if (kind === undefined) {
    checker.report('incompatible-operands', { op: node.op, left: describeType(left.type), right: describeType(right.type) }, node.span);
    return ERROR_TYPE;
  }
  return MEASURE_TYPES[kind] as ValueType;
}

const MEASURE_TYPES: Readonly<Record<string, ValueType>> = { number: NUMBER, date: DATE, duration: DURATION };

function checkComparison(node: Binary, left: TypedExpr, right: TypedExpr, checker: ExpressionChecker): TypedExpr {
  const op = node.op as '==';
  const base = { kind: 'compare', op, type: BOOLEAN } as const;
  if (left.type.kind === 'null' || right.type.kind === 'null') {
    checker.report('compare-with-null', { op }, node.span);
    return { ...base, type: ERROR_TYPE, left, right };
  }
  const [typedLeft, typedRight] = [literalAsEnum(left, right.type, node.left, checker), literalAsEnum(right, left.type, node.right, checker)];
  if (typedLeft === undefined || typedRight === undefined) return { ...base, type: ERROR_TYPE, left, right };
  if (!comparable(typedLeft.type, typedRight.type)) {
    if (!isLenient(typedLeft.type) && !isLenient(typedRight.type)) {
      checker.report('incompatible-operands', { op, left: describeType(typedLeft.type), right: describeType(typedRight.type) }, node.span);
    }
    return { ...base, type: ERROR_TYPE, left: typedLeft, right: typedRight };
  }
  if (op === '==' || op === '!=') return { ...base, left: typedLeft, right: typedRight };
  return orderedComparison({ ...base, left: typedLeft, right: typedRight }, node, checker);
}

function orderedComparison(
  compare: Extract<TypedExpr, { kind: 'compare' }>,
  node: Binary,
  checker: ExpressionChecker,
): TypedExpr {
  const type = compare.left.type.kind === 'enum' ? compare.left.type : compare.right.type;
  if (type.kind === 'enum') {
    if (type.ordered) return { ...compare, order: type.values };
    checker.report('not-ordered', { type: describeType(type) }, node.span);
    return { ...compare, type: ERROR_TYPE };
  }
  if (type.kind === 'string' || type.kind === 'boolean') {
    checker.report('not-ordered', { type: describeType(type) }, node.span);
    return { ...compare, type: ERROR_TYPE };
  }
  return compare;
}

function comparable(a: ValueType, b: ValueType): boolean {
  if (isLenient(a) || isLenient(b)) return true;
  if (a.kind === 'enum' && b.kind === 'enum') return a.name === b.name || a.values.join('\u0000') === b.values.join('\u0000');
  if ((a.kind === 'enum' && b.kind === 'string') || (a.kind === 'string' && b.kind === 'enum')) return true;
  return a.kind === b.kind;
}

/** A string literal compared with an enum must be one of its values; it then takes the enum's type. */
function literalAsEnum(typed: TypedExpr, other: ValueType, node: Expr, checker: ExpressionChecker): TypedExpr | undefined {
  if (other.kind !== 'enum' || typed.kind !== 'literal' || typeof typed.value !== 'string') return typed;
  if (other.values.includes(typed.value)) return { ...typed, type: other };
  const suggestion = suggest(typed.value, other.values);
  checker.report('unknown-enum-value', { value: typed.value, type: describeType(other), allowed: [...other.values], ...(suggestion ? { suggestion } : {}) }, node.span);
  return undefined;
}

function checkIn(node: InList, checker: ExpressionChecker): TypedExpr {
  const value = checker.check(node.value);
  let ok = true;
  const items = node.items.map((itemNode) => {
    const item = checker.check(itemNode);
    if (item.type.kind === 'null') {
      checker.report('in-list-null', { negated: node.negated }, itemNode.span);
      ok = false;
      return item;
    }
    const typed = literalAsEnum(item, value.type, itemNode, checker);
    if (typed === undefined) ok = false;
    else if (!comparable(value.type, typed.type)) {
      checker.report('incompatible-operands', { op: 'in', left: describeType(value.type), right: describeType(typed.type) }, itemNode.span);
      ok = false;
    }
    return typed ?? item;
  });
  return { kind: 'in', type: ok ? BOOLEAN : ERROR_TYPE, negated: node.negated, value, items };
}

function checkCall(node: Call, checker: ExpressionChecker): TypedExpr {
  if (node.fn === 'prev') return checkPrev(node, checker);
  if (!isFunctionName(node.fn)) {
    const suggestion = suggestFunction(node.fn);
    checker.report('unknown-function', { name: node.fn, allowed: [...FUNCTION_NAMES], ...(suggestion ? { suggestion } : {}) }, node.fnSpan);
    node.args.forEach((arg) => checker.check(arg));
    return invalid();
  }
  const signature = FUNCTIONS[node.fn];
  const args = signature.needsHistory === true ? checkHistoryOperands(node, checker) : node.args.map((arg) => checker.check(arg));
  if (!arityFits(node, signature.arity, checker)) return invalid();
  if (signature.needsHistory === true && !checker.scope.hasHistory) {
    checker.report('needs-snapshots', { feature: `${node.fn}()` }, node.fnSpan);
  }
  const typed = desugar(node.fn, signature.result(args, node, checker), args, checker);
  if (signature.needsHistory === true) explainWhole(node, typed, checker);
  return typed;
}

function checkHistoryOperands(node: Call, checker: ExpressionChecker): TypedExpr[] {
  checker.historyDepth++;
  const args = node.args.map((arg) => checker.check(arg));
  checker.historyDepth--;
  return args;
}

function explainWhole(node: Call, typed: TypedExpr, checker: ExpressionChecker): void {
  if (explains(checker) && typed.type.kind !== 'error') checker.explain.push({ text: checker.source(node), expr: typed });
}

/** Only a playbook says why it fired; inside a history function the call as a whole is what it read. */
function explains(checker: ExpressionChecker): boolean {
  return checker.context === 'playbook' && checker.historyDepth === 0;
}

/**
 * Functions defined by others are expanded here, so evaluators implement fewer primitives:
 * `delta(x)` is `x - prev(x)`, `pct_change(x)` compares `x` with `prev(x)`, `days_since(d)` is `as_of - d`.
 */
function desugar(fn: FunctionName, type: ValueType, args: readonly TypedExpr[], checker: ExpressionChecker): TypedExpr {
  const [first] = args as [TypedExpr];
  switch (fn) {
    case 'delta':
      return { kind: 'arithmetic', op: '-', type, left: first, right: { kind: 'prev', type: first.type, site: checker.nextHistorySite(), operand: first } };
    case 'pct_change':
      return { kind: 'call', fn, type, args: [first, { kind: 'prev', type: first.type, site: checker.nextHistorySite(), operand: first }] };
    case 'days_since':
      return { kind: 'arithmetic', op: '-', type, left: { kind: 'slot', type: DATE, slot: { kind: 'result', field: 'as_of' } }, right: first };
    default:
      return { kind: 'call', fn: fn as RuntimeFunction, type, args };
  }
}

function arityFits(node: Call, [min, max]: readonly [number, number], checker: ExpressionChecker): boolean {
  if (node.args.length >= min && node.args.length <= max) return true;
  const expected = min === max ? String(min) : max >= 20 ? `at least ${min}` : `${min} or ${max}`;
  const usage = FUNCTION_USAGE[node.fn as keyof typeof FUNCTION_USAGE];
  checker.report('wrong-argument-count', { fn: node.fn, expected, actual: node.args.length, usage }, node.span);
  return false;
}

function checkPrev(node: Call, checker: ExpressionChecker): TypedExpr {
  if (!arityFits(node, [1, 1], checker)) return invalid();
  if (!checker.scope.hasHistory) checker.report('needs-snapshots', { feature: 'prev()' }, node.fnSpan);
  const [operand] = checkHistoryOperands(node, checker) as [TypedExpr];
  const typed: TypedExpr = { kind: 'prev', type: operand.type, site: checker.nextHistorySite(), operand };
  explainWhole(node, typed, checker);
  return typed;
}
