import type { OffsetRange } from '../position/span.js';

/** The expression AST: plain data, a discriminated union on `kind`. Spans are offsets into the expression text. */
export type Expr =
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | NullLiteral
  | DurationLiteral
  | Ref
  | Unary
  | Binary
  | InList
  | Call
  | Invalid;

interface Node {
  readonly span: OffsetRange;
}

export interface NumberLiteral extends Node {
  readonly kind: 'number';
  readonly value: number;
}
export interface StringLiteral extends Node {
  readonly kind: 'string';
  readonly value: string;
}
export interface BooleanLiteral extends Node {
  readonly kind: 'boolean';
  readonly value: boolean;
}
export interface NullLiteral extends Node {
  readonly kind: 'null';
}
/** A duration, always held in days (`2w` is 14). */
export interface DurationLiteral extends Node {
  readonly kind: 'duration';
  readonly days: number;
  readonly text: string;
}
/** A name or a member path: `active_users`, `metrics.seats.score`. */
export interface Ref extends Node {
  readonly kind: 'ref';
  readonly path: readonly string[];
  readonly segments: readonly OffsetRange[];
}
export type UnaryOperator = '-' | 'not';
export interface Unary extends Node {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: Expr;
}
export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOperator = 'and' | 'or';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;
export interface Binary extends Node {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}
export interface InList extends Node {
  readonly kind: 'in';
  readonly negated: boolean;
  readonly value: Expr;
  readonly items: readonly Expr[];
}
export interface Call extends Node {
  readonly kind: 'call';
  readonly fn: string;
  readonly fnSpan: OffsetRange;
  readonly args: readonly Expr[];
}
/** Where error recovery could not build a node; only present when the parse reported a diagnostic. */
export interface Invalid extends Node {
  readonly kind: 'invalid';
}

export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['==', '!=', '<', '<=', '>', '>='];
export const ARITHMETIC_OPERATORS: readonly ArithmeticOperator[] = ['+', '-', '*', '/'];
