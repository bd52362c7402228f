import type { IToken } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/codes.js';
import { createLineIndex, spanOf } from '../position/line-index.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NESTING } from '../limits.js';
import type { OffsetRange, Span } from '../position/span.js';
import type { Expr } from './ast.js';
import { cstToAst } from './cst-to-ast.js';
import { expressionParser } from './grammar.js';
import { deeperThan, firstTooDeep } from './expression-limits.js';
import { ExpressionLexer, FOREIGN_OPERATORS, Identifier, KEYWORDS_BY_WORD, NumberLiteral } from './tokens.js';

/** Numbers in expressions stay where doubles are exact integers and thresholds make sense. */
const MAX_LITERAL = 1e15;

export interface ParsedExpression {
  /** Undefined when the text is empty, over a limit, or could not be tokenised at all. */
  readonly ast: Expr | undefined;
  /**
   * The parser had to skip or insert something (a syntax error, an unknown character): the tree
   * is its best guess at what was meant, good for finding unknown names, not for judging types.
   * Not set for foreign operators (`&&`, `=`) or unusable numbers: those are read as meant.
   */
  readonly recovered: boolean;
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
  const whole = { start: 0, end: text.trimEnd().length };
  if (text.trim() === '') {
    report('expr-empty', {}, { start: 0, end: text.length });
    return { ast: undefined, recovered: false, diagnostics };
  }
  // The schema holds a model's expressions to this already; text from elsewhere is held here.
  if (text.length > MAX_EXPRESSION_LENGTH && [...text].length > MAX_EXPRESSION_LENGTH) {
    report('expr-too-long', { length: [...text].length, limit: MAX_EXPRESSION_LENGTH }, whole);
    return { ast: undefined, recovered: false, diagnostics };
  }
  const lexed = ExpressionLexer.tokenize(text);
  for (const error of lexed.errors) {
    report('expr-unknown-character', { char: text.charAt(error.offset) }, { start: error.offset, end: error.offset + error.length });
  }
  const tokens = lexed.tokens.map((token) => normaliseToken(token, report));
  const tooDeep = firstTooDeep(tokens, MAX_EXPRESSION_NESTING);
  if (tooDeep !== undefined) {
    report('expr-too-deep', { limit: MAX_EXPRESSION_NESTING }, tokenRange(tooDeep));
    return { ast: undefined, recovered: false, diagnostics };
  }
  const parser = expressionParser();
  parser.input = tokens;
  const cst = parser.expression();
  // After an unknown character the parse errors are echoes of it: report the character only.
  for (const error of lexed.errors.length > 0 ? [] : parser.errors) {
    const token = error.token;
    // "Found the end of the expression" sits just after its last character, not after a block scalar's final line break.
    const at = Number.isFinite(token.startOffset) && token.image !== '' ? tokenRange(token) : { start: whole.end, end: whole.end };
    report('expr-syntax', { detail: error.message }, at);
  }
  const ast = cstToAst(cst);
  if (deeperThan(ast, MAX_EXPRESSION_DEPTH)) {
    report('expr-too-complex', { limit: MAX_EXPRESSION_DEPTH }, whole);
    return { ast: undefined, recovered: false, diagnostics };
  }
  return { ast, recovered: lexed.errors.length > 0 || parser.errors.length > 0, diagnostics };
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
