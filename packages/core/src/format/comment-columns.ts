import { CST, Lexer } from 'yaml';

interface TrailingComment {
  readonly text: string;
  /** Offset of the `#`. */
  readonly offset: number;
  /** 0-based column of the `#`. */
  readonly column: number;
}

/**
 * Comments after a value stay in the column the author put them in, so a block of aligned
 * comments stays aligned (the printer writes each one space after its value). A comment moves
 * right only: when its line grew past the column, it follows one space after the value.
 */
export function keepCommentColumns(original: string, formatted: string): string {
  const columns = new Map<string, number[]>();
  for (const comment of trailingComments(original)) columns.set(comment.text, [...(columns.get(comment.text) ?? []), comment.column]);
  const moves: { offset: number; spaces: number }[] = [];
  for (const comment of trailingComments(formatted)) {
    const column = columns.get(comment.text)?.shift();
    if (column !== undefined && column > comment.column) moves.push({ offset: comment.offset, spaces: column - comment.column });
  }
  let result = formatted;
  for (const { offset, spaces } of moves.reverse()) result = `${result.slice(0, offset)}${' '.repeat(spaces)}${result.slice(offset)}`;
  return result;
}

/** Comments that follow something on their line, in order, as the lexer finds them (not `#` inside strings). */
function trailingComments(text: string): TrailingComment[] {
  const found: TrailingComment[] = [];
  let offset = 0;
  let scalarNext = false;
  for (const lexeme of new Lexer().lex(text)) {
    const type: string | null = scalarNext ? 'scalar-source' : CST.tokenType(lexeme);
    scalarNext = type === 'scalar';
    if (type === 'comment') {
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      if (text.slice(lineStart, offset).trim() !== '') found.push({ text: lexeme.trimEnd(), offset, column: offset - lineStart });
    }
    if (type !== 'doc-mode' && type !== 'flow-error-end' && type !== 'scalar') offset += lexeme.length;
  }
  return found;
}
