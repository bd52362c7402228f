import { CST, Lexer, Parser } from 'yaml';

/** Nesting depth of the document: a model is about six levels deep. */
export const MAX_DEPTH = 64;

/**
 * Offset of a collection nested deeper than `limit`, or undefined. yaml's composer recurses once
 * per level: a few thousand `[` or `- ` exhaust the call stack, and V8 can then abort the whole
 * process (not throw) when it compiles a regular expression that close to the stack limit. So a
 * file is measured here, without recursion, before it is composed.
 */
export function firstTooDeep(text: string, limit: number): number | undefined {
  return firstTooDeepFlow(text, limit) ?? firstTooDeepTree(text, limit);
}

/** Brackets alone, from the lexer: stops at the first one too deep, so a megabyte of `[` costs nothing. */
function firstTooDeepFlow(text: string, limit: number): number | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > limit) return offset;
    } else if (token === ']' || token === '}') depth--;
    if (!LEXER_CONTROL.has(CST.tokenType(token) ?? '')) offset += token.length;
  }
  return undefined;
}

/** Lexer tokens that mark a mode or the start of a scalar and have no characters in the source. */
const LEXER_CONTROL = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/** Block and flow collections together, from yaml's concrete syntax tree, with an explicit stack. */
function firstTooDeepTree(text: string, limit: number): number | undefined {
  for (const token of new Parser().parse(text)) {
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
