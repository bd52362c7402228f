import { CST, Lexer, Parser } from 'yaml';

/**
 * Offset of a collection nested deeper than `limit`, or undefined. yaml's composer recurses once
 * per level: a few thousand `[` or `- ` exhaust the call stack, and V8 can then abort the whole
 * process (not throw) when it compiles a regular expression that close to the stack limit. So a
 * file is measured here, without recursion, before it is composed.
 */
export function firstTooDeep(text: string, limit: number): number | undefined {
  return firstTooDeepByTokens(text, limit) ?? firstTooDeepTree(text, limit);
}

/**
 * A fast lower bound from the lexer: open brackets, plus the block `- ` and `? ` indicators
 * written on the current line (each opens a level). It stops at the first token too deep, so a
 * megabyte of `[` or of `- ` costs milliseconds; the tree walk below then only sees plausible files.
 */
function firstTooDeepByTokens(text: string, limit: number): number | undefined {
  let brackets = 0;
  let indicators = 0;
  let offset = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    // The token after a scalar marker is the scalar's text, even when that text is `-`.
    const type: string | null = scalarNext ? 'scalar-source' : CST.tokenType(token);
    scalarNext = type === 'scalar';
    if (type === 'flow-seq-start' || type === 'flow-map-start') brackets++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') brackets--;
    else if ((type === 'seq-item-ind' || type === 'explicit-key-ind') && brackets === 0) indicators++;
    else if (type === 'newline') indicators = 0;
    // n open collections reach depth n - 1 at least (the root is depth 0): never more than the tree walk finds.
    if (brackets + indicators - 1 > limit) return offset;
    if (!LEXER_CONTROL.has(type ?? '')) offset += token.length;
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
