import { CstParser, type CstNode } from 'chevrotain';
import { EXPRESSION_ERROR_MESSAGES } from './error-messages.js';
import * as t from './tokens.js';

/**
 * The grammar, loosest binding first:
 *   expression  := or
 *   or          := and ("or" and)*
 *   and         := not ("and" not)*
 *   not         := "not" not | comparison
 *   comparison  := additive (compareOp additive | "not"? "in" list)?     (non-associative)
 *   additive    := multiplicative (("+" | "-") multiplicative)*
 *   multiplicative := unary (("*" | "/") unary)*
 *   unary       := "-" unary | primary ("." Identifier)*
 *   primary     := literal | Identifier ("(" arguments? ")")? | "(" expression ")"
 *
 * Member access, calls and parentheses sit in `unary` and `primary` rather than rules of their
 * own: every operand of a long chain (`a + b + …`) passes through each rule on its way down, and
 * each rule costs a CST node and a stack frame per nesting level.
 */
export class ExpressionParser extends CstParser {
  /**
   * `validate` runs chevrotain's checks of the grammar itself (ambiguities, left recursion): a test
   * does, so the shared instance can skip them and every command starts sooner.
   */
  constructor(options: { validate?: boolean } = {}) {
    super(t.ALL_TOKENS, { recoveryEnabled: true, errorMessageProvider: EXPRESSION_ERROR_MESSAGES, maxLookahead: 2, skipValidations: options.validate !== true });
    this.performSelfAnalysis();
  }

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpression);
  });

  orExpression = this.RULE('orExpression', () => {
    this.SUBRULE(this.andExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(t.Or, { LABEL: 'operators' });
      this.SUBRULE2(this.andExpression, { LABEL: 'operands' });
    });
  });

  andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.notExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(t.And, { LABEL: 'operators' });
      this.SUBRULE2(this.notExpression, { LABEL: 'operands' });
    });
  });

  notExpression = this.RULE('notExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Not);
          this.SUBRULE(this.notExpression);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive, { LABEL: 'left' });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(t.Equal, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.NotEqual, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.LessEqual, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.GreaterEqual, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.Less, { LABEL: 'operator' }) },
              { ALT: () => this.CONSUME(t.Greater, { LABEL: 'operator' }) },
            ]);
            this.SUBRULE2(this.additive, { LABEL: 'right' });
          },
        },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(t.Not, { LABEL: 'negation' }));
            this.CONSUME(t.In);
            this.SUBRULE(this.list);
          },
        },
      ]);
    });
  });

  list = this.RULE('list', () => {
    this.CONSUME(t.LBracket);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'items' }) });
    this.CONSUME(t.RBracket);
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Plus, { LABEL: 'operators' }) },
        { ALT: () => this.CONSUME(t.Minus, { LABEL: 'operators' }) },
      ]);
      this.SUBRULE2(this.multiplicative, { LABEL: 'operands' });
    });
  });

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Star, { LABEL: 'operators' }) },
        { ALT: () => this.CONSUME(t.Slash, { LABEL: 'operators' }) },
      ]);
      this.SUBRULE2(this.unary, { LABEL: 'operands' });
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Minus);
          this.SUBRULE(this.unary);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.primary);
          this.MANY(() => {
            this.CONSUME(t.Dot);
            this.CONSUME(t.Identifier, { LABEL: 'members' });
          });
        },
      },
    ]);
  });

  primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.NumberLiteral) },
      { ALT: () => this.CONSUME(t.DurationLiteral) },
      { ALT: () => this.CONSUME(t.StringLiteral) },
      { ALT: () => this.CONSUME(t.True) },
      { ALT: () => this.CONSUME(t.False) },
      { ALT: () => this.CONSUME(t.Null) },
      {
        ALT: () => {
          this.CONSUME(t.Identifier);
          this.OPTION(() => {
            this.CONSUME(t.LParen, { LABEL: 'callOpen' });
            this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'arguments' }) });
            this.CONSUME(t.RParen, { LABEL: 'callClose' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(t.LParen);
          this.SUBRULE2(this.expression, { LABEL: 'inner' });
          this.CONSUME2(t.RParen);
        },
      },
    ]);
  });
}

let shared: ExpressionParser | undefined;

/** One parser instance for the process: building one runs chevrotain's grammar analysis. */
export function expressionParser(): ExpressionParser {
  shared ??= new ExpressionParser();
  return shared;
}

export type { CstNode };
