import type { IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/codes.js';
import { createLineIndex, spanOf } from '../position/line-index.js';
import type { OffsetRange, Span } from '../position/span.js';
import type { Expr } from './ast.js';
import { cstToAst } from './cst-to-ast.js';
import { expressionParser } from './grammar.js';
import { ExpressionLexer, FOREIGN_OPERATORS, Identifier, KEYWORDS_BY_WORD, NumberLiteral } from './tokens.js';

/** Numbers in expressions stay where doubles are exact integers and thresholds make sense. */
const MAX_LITERAL = 1e15;

export interface ParsedExpression {
  /** Undefined only when the text is empty or could not be tokenised at all. */
  readonly ast: Expr | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Maps a range inside the expression to a place in a file. */
export type ExpressionPlace = (range: OffsetRange) => Span;

/** A place for an expression that stands alone (tests, the playground's formula box). */
export function standalonePlace(text: string, file = '<expression>'): ExpressionPlace {
  const lines = createLineIndex(text);
  return (range) => spanOf(file, lines, Number.isFinite(range.start) ? range.start : text.length, Number.isFinite(range.end) ? range.end : text.length);
}

/** Expression text → AST and diagnostics. Never throws. */
export function parseExpression(text: string, place: ExpressionPlace = standalonePlace(text)): ParsedExpression {
  const diagnostics: Diagnostic[] = [];
  const report = <C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], range: OffsetRange) =>
    diagnostics.push(diagnostic(code, params, place(range)));
  if (text.trim() === '') {
    report('expr-empty', {}, { start: 0, end: text.length });
    return { ast: undefined, diagnostics };
  }
  const lexed = ExpressionLexer.tokenize(text);
  for (const error of lexed.errors) {
    report('expr-unknown-character', { char: text.charAt(error.offset) }, { start: error.offset, end: error.offset + error.length });
  }
  const tokens = lexed.tokens.map((token) => normaliseToken(token, report));
  const parser = expressionParser();
  parser.input = tokens;
  const cst = parser.expression();
  // After an unknown character the parse errors are echoes of it: report the character only.
  for (const error of lexed.errors.length > 0 ? [] : parser.errors) {
    const token = error.token;
    // "Found the end of the expression" sits just after its last character, not after a block scalar's final line break.
    const end = text.trimEnd().length;
    const at = Number.isFinite(token.startOffset) && token.image !== '' ? tokenRange(token) : { start: end, end };
    report('expr-syntax', { detail: error.message }, at);
  }
  return { ast: cstToAst(cst), diagnostics };
}

type Report = <C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], range: OffsetRange) => void;

/** Reports foreign operators, miscased keywords and unusable numbers, and reads the first two as meant. */
function normaliseToken(token: IToken, report: Report): IToken {
  const foreign = FOREIGN_OPERATORS.get(token.tokenType);
  if (foreign !== undefined) {
    report('expr-foreign-operator', { found: token.image, use: foreign.use }, tokenRange(token));
    return { ...token, image: foreign.use, tokenType: foreign.token, tokenTypeIdx: foreign.token.tokenTypeIdx as number };
  }
  const keyword = token.tokenType === Identifier ? KEYWORDS_BY_WORD.get(token.image.toLowerCase()) : undefined;
  if (keyword !== undefined) {
    report('expr-foreign-operator', { found: token.image, use: token.image.toLowerCase() }, tokenRange(token));
    return { ...token, image: token.image.toLowerCase(), tokenType: keyword, tokenTypeIdx: keyword.tokenTypeIdx as number };
  }
  if (token.tokenType === NumberLiteral) {
    const value = Number(token.image);
    if (!Number.isFinite(value) || Math.abs(value) > MAX_LITERAL) report('expr-bad-number', { text: token.image }, tokenRange(token));
  }
  return token;
}

function tokenRange(token: IToken): OffsetRange {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}
