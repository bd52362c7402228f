import { CST, Lexer, Parser } from 'yaml';

/** yaml's concrete syntax tree of a whole file, or the offset of the first collection nested too deep. */
export type ParsedYaml = { readonly tokens: readonly CST.Token[] } | { readonly tooDeepAt: number };

/**
 * Lexes and parses the text once, measuring nesting on the way, without recursion. yaml's composer
 * recurses once per level: a few thousand `[` or `- ` exhaust the call stack, and V8 can then abort
 * the whole process (not throw) when it compiles a regular expression that close to the stack
 * limit. So the file is measured here, before it is composed: first a lower bound from each lexeme
 * as it is read (it stops a megabyte of `[` at the 66th, before the parser slows down on it), then
 * the tree itself.
 */
export function parseWithinDepth(text: string, limit: number): ParsedYaml {
  const bound = new NestingBound(limit);
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    const tooDeepAt = bound.read(lexeme);
    if (tooDeepAt !== undefined) return { tooDeepAt };
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  const tooDeepAt = firstTooDeepTree(tokens, limit);
  return tooDeepAt === undefined ? { tokens } : { tooDeepAt };
}

/** Lexer tokens that mark a mode or the start of a scalar and have no characters in the source. */
const LEXER_CONTROL = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/**
 * A lower bound of the depth from the lexemes: open brackets, plus the block `- ` and `? `
 * indicators written on the current line (each opens a level). Never more than the tree has.
 */
class NestingBound {
  private brackets = 0;
  private indicators = 0;
  private offset = 0;
  private scalarNext = false;

  constructor(private readonly limit: number) {}

  /** The offset of this lexeme when it opens a level beyond the limit. */
  read(lexeme: string): number | undefined {
    // The token after a scalar marker is the scalar's text, even when that text is `-`.
    const type: string | null = this.scalarNext ? 'scalar-source' : CST.tokenType(lexeme);
    this.scalarNext = type === 'scalar';
    if (type === 'flow-seq-start' || type === 'flow-map-start') this.brackets++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') this.brackets--;
    else if ((type === 'seq-item-ind' || type === 'explicit-key-ind') && this.brackets === 0) this.indicators++;
    else if (type === 'newline') this.indicators = 0;
    const at = this.offset;
    if (!LEXER_CONTROL.has(type ?? '')) this.offset += lexeme.length;
    // n open collections reach depth n - 1 at least (the root is depth 0).
    return this.brackets + this.indicators - 1 > this.limit ? at : undefined;
  }
}

/** Block and flow collections together, from yaml's concrete syntax tree, with an explicit stack. */
function firstTooDeepTree(tokens: readonly CST.Token[], limit: number): number | undefined {
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    const stack: [CST.Token | null | undefined, number][] = [[token.value, 0]];
    for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
      const [node, depth] = entry;
      if (node === null || node === undefined || !('items' in node)) continue;
      if (depth > limit) return node.offset;
      for (const item of node.items as CST.CollectionItem[]) stack.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return undefined;
}
