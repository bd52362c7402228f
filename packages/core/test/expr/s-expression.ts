import type { Expr } from '../../src/expr/ast.js';

/** A compact, fully bracketed print of an AST, so precedence is visible in a one-line expectation. */
export function sExpression(e: Expr): string {
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
      return `${e.days}d`;
    case 'ref':
      return e.path.join('.');
    case 'unary':
      return `(${e.op === '-' ? 'neg' : 'not'} ${sExpression(e.operand)})`;
    case 'binary':
      return `(${e.op} ${sExpression(e.left)} ${sExpression(e.right)})`;
    case 'in':
      return `(${e.negated ? 'not-in' : 'in'} ${sExpression(e.value)} [${e.items.map(sExpression).join(' ')}])`;
    case 'call':
      return `(${e.fn}${e.args.map((a) => ` ${sExpression(a)}`).join('')})`;
    case 'invalid':
      return '<invalid>';
  }
}
