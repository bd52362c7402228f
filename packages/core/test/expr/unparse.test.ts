import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Expr } from '../../src/expr/ast.js';
import { parseExpression } from '../../src/expr/parse-expression.js';
import { unparse } from '../../src/expr/unparse.js';

const NO_SPAN = { start: 0, end: 0 };

/** ASTs as parse can produce them (numbers non-negative: `-1` parses as negation of 1). */
const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.nat({ max: 1_000_000 }), fc.double({ min: 0, max: 1e15, noNaN: true })).map((value) => ({ kind: 'number', value, span: NO_SPAN }) as Expr),
    fc.string({ maxLength: 8, unit: 'binary' }).map((value) => ({ kind: 'string', value, span: NO_SPAN }) as Expr),
    fc.boolean().map((value) => ({ kind: 'boolean', value, span: NO_SPAN }) as Expr),
    fc.constant({ kind: 'null', span: NO_SPAN } as Expr),
    fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom('d', 'w')).map(([n, unit]) => ({ kind: 'duration', days: unit === 'w' ? n * 7 : n, text: `${n}${unit}`, span: NO_SPAN }) as Expr),
    fc.array(fc.constantFrom('usage', 'metrics', 'seats', 'score', 'x_1'), { minLength: 1, maxLength: 3 }).map((path) => ({ kind: 'ref', path, segments: path.map(() => NO_SPAN), span: NO_SPAN }) as Expr),
    fc.tuple(fc.constantFrom('-', 'not'), tie('expr')).map(([op, operand]) => ({ kind: 'unary', op, operand, span: NO_SPAN }) as Expr),
    fc.tuple(fc.constantFrom('+', '-', '*', '/', '==', '!=', '<', '<=', '>', '>=', 'and', 'or'), tie('expr'), tie('expr')).map(([op, left, right]) => ({ kind: 'binary', op, left, right, span: NO_SPAN }) as Expr),
    fc.tuple(fc.boolean(), tie('expr'), fc.array(tie('expr'), { maxLength: 3 })).map(([negated, value, items]) => ({ kind: 'in', negated, value, items, span: NO_SPAN }) as Expr),
    fc.tuple(fc.constantFrom('min', 'if', 'coalesce'), fc.array(tie('expr'), { maxLength: 3 })).map(([fn, args]) => ({ kind: 'call', fn, fnSpan: NO_SPAN, args, span: NO_SPAN }) as Expr),
  ),
})).expr;

/** Spans differ between a tree and its reprint; everything else must not. */
function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !['span', 'segments', 'fnSpan'].includes(k)).map(([k, v]) => [k, withoutSpans(v)]));
}

test('every AST unparses to text that parses back to the same AST', () => {
  fc.assert(
    fc.property(exprArbitrary, (ast) => {
      const text = unparse(ast);
      const reparsed = parseExpression(text);
      expect(reparsed.diagnostics).toEqual([]);
      expect(withoutSpans(reparsed.ast)).toEqual(withoutSpans(ast));
    }),
    { numRuns: 2000 },
  );
});

test('unparse adds parentheses only where precedence needs them', () => {
  const canonical = (text: string) => unparse(parseExpression(text).ast as Expr);
  expect(canonical('((a + (b * 2)))')).toBe('a + b * 2');
  expect(canonical('(a + b) * 2')).toBe('(a + b) * 2');
  expect(canonical('a - (b - c)')).toBe('a - (b - c)');
  expect(canonical('not (a and b)')).toBe('not (a and b)');
  expect(canonical('(a < b) == c')).toBe('(a < b) == c');
});
