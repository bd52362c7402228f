import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

const describeToken = (token: IToken): string => (token.image === '' ? 'the end of the expression' : `\`${token.image}\``);
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const label = (type: TokenType): string => type.LABEL ?? type.name;

/** Parse errors worded for a model author rather than for a grammar writer. */
export const EXPRESSION_ERROR_MESSAGES: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${label(expected)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (COMPARISONS.has(firstRedundant.image)) return 'comparisons do not chain: write `a < b and b < c`';
    return `unexpected ${describeToken(firstRedundant)} after a complete expression`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const found = actual[0];
    const what = ruleName === 'primary' || ruleName === 'unary' || ruleName === 'notExpression' ? 'a value' : 'an expression';
    return `expected ${what}, found ${found === undefined ? 'the end of the expression' : describeToken(found)}`;
  },
  buildEarlyExitMessage({ actual }) {
    const found = actual[0];
    return `expected more, found ${found === undefined ? 'the end of the expression' : describeToken(found)}`;
  },
};
