import { createToken, Lexer, type TokenType } from 'chevrotain';

/** Tokens of the expression language. `LABEL`s are what error messages show. */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\u00a0]+/, group: Lexer.SKIPPED });
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });

const keyword = (name: string, word: string) =>
  createToken({ name, pattern: new RegExp(`${word}(?![A-Za-z0-9_])`), longer_alt: Identifier, label: `\`${word}\`` });
export const And = keyword('And', 'and');
export const Or = keyword('Or', 'or');
export const Not = keyword('Not', 'not');
export const In = keyword('In', 'in');
export const True = keyword('True', 'true');
export const False = keyword('False', 'false');
export const Null = keyword('Null', 'null');

export const DurationLiteral = createToken({ name: 'DurationLiteral', pattern: /[0-9]+[dw](?![A-Za-z0-9_])/, label: 'a duration' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/, label: 'a number' });
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|'(?:[^'\\\n]|\\['\\])*'/,
  label: 'a string',
});

const operator = (name: string, pattern: RegExp, text: string) => createToken({ name, pattern, label: `\`${text}\`` });
export const LessEqual = operator('LessEqual', /<=/, '<=');
export const GreaterEqual = operator('GreaterEqual', />=/, '>=');
export const NotEqual = operator('NotEqual', /!=/, '!=');
export const Equal = operator('Equal', /==/, '==');
export const Less = operator('Less', /</, '<');
export const Greater = operator('Greater', />/, '>');
export const Plus = operator('Plus', /\+/, '+');
export const Minus = operator('Minus', /-/, '-');
export const Star = operator('Star', /\*/, '*');
export const Slash = operator('Slash', /\//, '/');
export const LParen = operator('LParen', /\(/, '(');
export const RParen = operator('RParen', /\)/, ')');
export const LBracket = operator('LBracket', /\[/, '[');
export const RBracket = operator('RBracket', /]/, ']');
export const Comma = operator('Comma', /,/, ',');
export const Dot = operator('Dot', /\./, '.');

/**
 * Operators from other languages (SQL, JavaScript, Excel). They are lexed so the author gets
 * "write `and`" instead of "unexpected character", then replaced by their vitals spelling so the
 * rest of the expression is still checked.
 */
export const AmpAmp = operator('AmpAmp', /&&/, '&&');
export const PipePipe = operator('PipePipe', /\|\|/, '||');
export const LessGreater = operator('LessGreater', /<>/, '<>');
export const Bang = operator('Bang', /!/, '!');
export const SingleEqual = operator('SingleEqual', /=/, '=');

export const FOREIGN_OPERATORS: ReadonlyMap<TokenType, { use: string; token: TokenType }> = new Map([
  [AmpAmp, { use: 'and', token: And }],
  [PipePipe, { use: 'or', token: Or }],
  [LessGreater, { use: '!=', token: NotEqual }],
  [Bang, { use: 'not', token: Not }],
  [SingleEqual, { use: '==', token: Equal }],
]);

/** Keywords written in another case (`AND`, `True`): reported, then read as the keyword. */
export const KEYWORDS_BY_WORD: ReadonlyMap<string, TokenType> = new Map([
  ['and', And],
  ['or', Or],
  ['not', Not],
  ['in', In],
  ['true', True],
  ['false', False],
  ['null', Null],
]);

// Order matters: longer operators before their prefixes, keywords before Identifier, durations before numbers.
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  And, Or, Not, In, True, False, Null,
  Identifier,
  DurationLiteral, NumberLiteral, StringLiteral,
  AmpAmp, PipePipe, LessGreater,
  LessEqual, GreaterEqual, NotEqual, Equal,
  Bang, SingleEqual,
  Less, Greater, Plus, Minus, Star, Slash,
  LParen, RParen, LBracket, RBracket, Comma, Dot,
];

export const ExpressionLexer = new Lexer(ALL_TOKENS, { ensureOptimizations: false, positionTracking: 'onlyOffset' });
