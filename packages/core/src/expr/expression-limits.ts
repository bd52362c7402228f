import type { IToken, TokenType } from 'chevrotain';
import type { Expr } from './ast.js';
import * as t from './tokens.js';

const OPENING: ReadonlySet<TokenType> = new Set([t.LParen, t.LBracket]);
const CLOSING: ReadonlySet<TokenType> = new Set([t.RParen, t.RBracket]);
const OPERANDS: ReadonlySet<TokenType> = new Set([t.Identifier, t.NumberLiteral, t.DurationLiteral, t.StringLiteral, t.True, t.False, t.Null]);

/**
 * The first token at which parentheses, lists, calls and prefix operators (`-`, `not`) nest more
 * than `limit` deep, or undefined. Measured on the tokens, without recursion, before the parser
 * (which recurses through every grammar rule at each level) sees them. A prefix operator opens a
 * level until its operand; one written before a bracket stays open until the bracket closes.
 */
export function firstTooDeep(tokens: readonly IToken[], limit: number): IToken | undefined {
  const enclosing: number[] = [];
  let depth = 0;
  let base = 0;
  let expectOperand = true;
  for (const token of tokens) {
    const type = token.tokenType;
    if (OPENING.has(type)) {
      enclosing.push(base);
      base = ++depth;
    } else if (CLOSING.has(type)) {
      base = enclosing.pop() ?? 0;
      depth = base;
    } else if (type === t.Not || (type === t.Minus && expectOperand)) {
      depth++;
    } else if (OPERANDS.has(type)) {
      depth = base;
    }
    if (depth > limit) return token;
    expectOperand = !OPERANDS.has(type) && !CLOSING.has(type);
  }
  return undefined;
}

/**
 * Whether the tree is more than `limit` levels deep. Measured with an explicit stack: a chain of
 * operators (`a + b + …`) nests one level per operator, far deeper than anything written nests.
 */
export function deeperThan(ast: Expr, limit: number): boolean {
  const stack: [Expr, number][] = [[ast, 1]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > limit) return true;
    for (const child of children(node)) stack.push([child, depth + 1]);
  }
  return false;
}

function children(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'in':
      return [node.value, ...node.items];
    case 'call':
      return node.args;
    default:
      return [];
  }
}
