import { describe, expect, test } from 'vitest';
import { parseExpression } from '../../src/expr/parse-expression.js';
import { sExpression } from './s-expression.js';

const parsed = (text: string) => {
  const { ast, diagnostics } = parseExpression(text);
  return { tree: ast === undefined ? undefined : sExpression(ast), diagnostics };
};

describe('precedence and associativity', () => {
  test.each([
    ['a + b * 2', '(+ a (* b 2))'],
    ['(a + b) * 2', '(* (+ a b) 2)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b / c', '(/ (/ a b) c)'],
    ['-a * b', '(* (neg a) b)'],
    ['- -a', '(neg (neg a))'],
    ['a < b + 1', '(< a (+ b 1))'],
    ['not a and b', '(and (not a) b)'],
    ['not a == b', '(not (== a b))'],
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c and d', '(or (and a b) (and c d))'],
    ['x in [1, 2 + 3]', '(in x [1 (+ 2 3)])'],
    ['x not in ["a"]', '(not-in x ["a"])'],
    ['not x in [1]', '(not (in x [1]))'],
    ['metrics.seats.score >= 40', '(>= metrics.seats.score 40)'],
    ['if(a > 1, b, c)', '(if (> a 1) b c)'],
    ['min(a, max(b, 2))', '(min a (max b 2))'],
    ['f()', '(f)'],
    ['30d + 2w', '(+ 30d 14d)'],
    ['1.5e3', '1500'],
    ["'it\\'s' == \"say \\\"hi\\\"\"", '(== "it\'s" "say \\"hi\\"")'],
    ['true and false or null == null', '(or (and true false) (== null null))'],
  ])('%s', (text, tree) => {
    expect(parsed(text)).toEqual({ tree, diagnostics: [] });
  });
});

describe('mistakes people make, each with a clear diagnostic at the right column', () => {
  test.each([
    ['a && b', 'expr-foreign-operator', 3, '`&&` is not an operator here', 'write `and`'],
    ['a || b', 'expr-foreign-operator', 3, '`||` is not an operator here', 'write `or`'],
    ['!a', 'expr-foreign-operator', 1, '`!` is not an operator here', 'write `not`'],
    ['a = 1', 'expr-foreign-operator', 3, '`=` is not an operator here', 'write `==`'],
    ['a <> 1', 'expr-foreign-operator', 3, '`<>` is not an operator here', 'write `!=`'],
    ['a AND b', 'expr-foreign-operator', 3, '`AND` is not an operator here', 'write `and`'],
    ['a < b < c', 'expr-syntax', 7, 'comparisons do not chain: write `a < b and b < c`', undefined],
    ['a +', 'expr-syntax', 4, 'expected a value, found the end of the expression', undefined],
    ['min(a, b', 'expr-syntax', 9, 'expected `)`, found the end of the expression', undefined],
    ['a $ b', 'expr-unknown-character', 3, 'unexpected character `$`', undefined],
    ['1e400', 'expr-bad-number', 1, '`1e400` is not a usable number', undefined],
    ['   ', 'expr-empty', 1, 'the expression is empty', undefined],
  ])('%s', (text, code, column, message, hint) => {
    const [first] = parsed(text).diagnostics;
    expect(first).toMatchObject({ code, line: 1, column, message });
    if (hint !== undefined) expect(first?.hint).toBe(hint);
  });

  test('an unknown character is reported once, not followed by echoes of it', () => {
    expect(parsed('a $ b').diagnostics).toHaveLength(1);
  });
});
