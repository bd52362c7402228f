import type { Expr } from './ast.js';

/** Binding strength of each form, loosest first; unparse adds parentheses only where these require. */
const PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  not: 3,
  '==': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4, in: 4,
  '+': 5, '-': 5,
  '*': 6, '/': 6,
  negate: 7,
  atom: 8,
};

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'binary':
      return PRECEDENCE[e.op] as number;
    case 'in':
      return PRECEDENCE['in'] as number;
    case 'unary':
      return (e.op === 'not' ? PRECEDENCE['not'] : PRECEDENCE['negate']) as number;
    default:
      return PRECEDENCE['atom'] as number;
  }
}

const wrap = (e: Expr, parenthesise: boolean): string => (parenthesise ? `(${unparse(e)})` : unparse(e));

/** AST → canonical expression text that parses back to the same AST. */
export function unparse(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'boolean':
      return String(e.value);
    case 'null':
      return 'null';
    case 'duration':
      return e.text;
    case 'ref':
      return e.path.join('.');
    case 'unary':
      return e.op === 'not' ? `not ${wrap(e.operand, precedence(e.operand) < 3)}` : `-${wrap(e.operand, precedence(e.operand) < 7)}`;
    case 'binary': {
      const p = PRECEDENCE[e.op] as number;
      const comparison = p === 4;
      return `${wrap(e.left, comparison ? precedence(e.left) <= p : precedence(e.left) < p)} ${e.op} ${wrap(e.right, precedence(e.right) <= p)}`;
    }
    case 'in':
      return `${wrap(e.value, precedence(e.value) <= 4)} ${e.negated ? 'not in' : 'in'} [${e.items.map(unparse).join(', ')}]`;
    case 'call':
      return `${e.fn}(${e.args.map(unparse).join(', ')})`;
    case 'invalid':
      return '<invalid>';
  }
}
