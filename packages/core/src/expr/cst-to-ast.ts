import type { CstNode, IToken } from 'chevrotain';
import type { OffsetRange } from '../position/span.js';
import type { BinaryOperator, Expr } from './ast.js';
import { expressionParser } from './grammar.js';

type Children = Record<string, (CstNode | IToken)[] | undefined>;

const BaseVisitor = expressionParser().getBaseCstVisitorConstructor<void, Expr>();

/**
 * CST → AST. Parts that error recovery left out become `invalid` nodes (a diagnostic already says
 * why); what a rule cut short by recovery did parse is kept, marked as a guess by the caller.
 */
class CstToAst extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  expression(c: Children): Expr {
    return this.node(c['orExpression']);
  }

  orExpression(c: Children): Expr {
    return this.leftAssociative(c);
  }

  andExpression(c: Children): Expr {
    return this.leftAssociative(c);
  }

  notExpression(c: Children): Expr {
    const not = tokenAt(c['Not']);
    if (not === undefined) return this.node(c['comparison']);
    const operand = this.node(c['notExpression']);
    return { kind: 'unary', op: 'not', operand, span: join(tokenSpan(not), operand.span) };
  }

  comparison(c: Children): Expr {
    const left = this.node(c['left']);
    const operator = tokenAt(c['operator']);
    if (operator !== undefined) {
      const right = this.node(c['right']);
      return { kind: 'binary', op: operator.image as BinaryOperator, left, right, span: join(left.span, right.span) };
    }
    const list = nodeAt(c['list']);
    if (tokenAt(c['In']) === undefined || list === undefined) return left;
    const items = (list.children['items'] ?? []).map((item) => this.visit(item as CstNode));
    const close = tokenAt(list.children['RBracket']);
    const end = close === undefined ? items.at(-1)?.span ?? left.span : tokenSpan(close);
    return { kind: 'in', negated: tokenAt(c['negation']) !== undefined, value: left, items, span: join(left.span, end) };
  }

  list(): Expr {
    throw new Error('bug: list is read by comparison');
  }

  additive(c: Children): Expr {
    return this.leftAssociative(c);
  }

  multiplicative(c: Children): Expr {
    return this.leftAssociative(c);
  }

  unary(c: Children): Expr {
    const minus = tokenAt(c['Minus']);
    if (minus !== undefined) {
      const operand = this.node(c['unary']);
      return { kind: 'unary', op: '-', operand, span: join(tokenSpan(minus), operand.span) };
    }
    const base = this.node(c['primary']);
    const members = (c['members'] ?? []) as IToken[];
    if (members.length === 0) return base;
    if (base.kind !== 'ref') return { kind: 'invalid', span: base.span };
    const segments = [...base.segments, ...members.map(tokenSpan)];
    return { kind: 'ref', path: [...base.path, ...members.map((m) => m.image)], segments, span: join(base.span, segments.at(-1) as OffsetRange) };
  }

  primary(c: Children): Expr {
    if (c['inner'] !== undefined) return this.node(c['inner']);
    const name = tokenAt(c['Identifier']);
    if (name !== undefined) return this.nameOrCall(name, c);
    const token = firstToken(c);
    if (token === undefined) return { kind: 'invalid', span: { start: NaN, end: NaN } };
    return literal(token);
  }

  private nameOrCall(name: IToken, c: Children): Expr {
    const span = tokenSpan(name);
    if (tokenAt(c['callOpen']) === undefined) return { kind: 'ref', path: [name.image], segments: [span], span };
    const args = (c['arguments'] ?? []).map((arg) => this.visit(arg as CstNode));
    const close = tokenAt(c['callClose']);
    return { kind: 'call', fn: name.image, fnSpan: span, args, span: join(span, close ? tokenSpan(close) : args.at(-1)?.span ?? span) };
  }

  private node(children: (CstNode | IToken)[] | undefined): Expr {
    const node = nodeAt(children);
    return node === undefined ? { kind: 'invalid', span: { start: NaN, end: NaN } } : this.visit(node);
  }

  private leftAssociative(c: Children): Expr {
    const operands = ((c['operands'] ?? []) as CstNode[]).map((operand) => this.visit(operand));
    const operators = (c['operators'] ?? []) as IToken[];
    let result = operands[0] ?? { kind: 'invalid', span: { start: NaN, end: NaN } };
    operators.forEach((operator, i) => {
      const right: Expr = operands[i + 1] ?? { kind: 'invalid', span: tokenSpan(operator) };
      result = { kind: 'binary', op: operator.image as BinaryOperator, left: result, right, span: join(result.span, right.span) };
    });
    return result;
  }
}

function literal(token: IToken): Expr {
  const span = tokenSpan(token);
  switch (token.tokenType.name) {
    case 'NumberLiteral':
      return { kind: 'number', value: Number(token.image), span };
    case 'DurationLiteral': {
      const amount = Number(token.image.slice(0, -1));
      return { kind: 'duration', days: token.image.endsWith('w') ? amount * 7 : amount, text: token.image, span };
    }
    case 'StringLiteral':
      return { kind: 'string', value: decodeString(token.image), span };
    case 'True':
    case 'False':
      return { kind: 'boolean', value: token.tokenType.name === 'True', span };
    case 'Null':
      return { kind: 'null', span };
    default:
      return { kind: 'invalid', span };
  }
}

/** Double-quoted strings use JSON's escapes; single-quoted ones only `\'` and `\\`. */
export function decodeString(image: string): string {
  if (image.startsWith('"')) return JSON.parse(image) as string;
  return image.slice(1, -1).replace(/\\(['\\])/g, '$1');
}

function tokenAt(children: (CstNode | IToken)[] | undefined): IToken | undefined {
  const first = children?.[0];
  return first !== undefined && 'image' in first && !first.isInsertedInRecovery ? first : undefined;
}

/** A rule's node, also when recovery cut it short: what it did parse is still read (its names are checked). */
function nodeAt(children: (CstNode | IToken)[] | undefined): CstNode | undefined {
  const first = children?.[0];
  return first !== undefined && 'children' in first ? first : undefined;
}

function firstToken(c: Children): IToken | undefined {
  for (const children of Object.values(c)) {
    const token = tokenAt(children);
    if (token !== undefined) return token;
  }
  return undefined;
}

function tokenSpan(token: IToken): OffsetRange {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/** The range covering both; a side that recovery left without a position (NaN) is ignored. */
function join(a: OffsetRange, b: OffsetRange): OffsetRange {
  return { start: finiteOr(Math.min, a.start, b.start), end: finiteOr(Math.max, a.end, b.end) };
}

function finiteOr(pick: (x: number, y: number) => number, x: number, y: number): number {
  if (!Number.isFinite(x)) return y;
  return Number.isFinite(y) ? pick(x, y) : x;
}

let visitor: CstToAst | undefined;

export function cstToAst(cst: CstNode): Expr {
  visitor ??= new CstToAst();
  return visitor.visit(cst);
}
