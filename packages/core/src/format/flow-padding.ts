import { CST, Parser } from 'yaml';

/**
 * Lists are written as people write them by hand: `[basic, pro]`, not `[ basic, pro ]`; mappings
 * keep their padding, `{ min: 1, max: 100 }`. The printer pads both or neither, so the space it put
 * inside each one-line flow list is taken out again, found by the syntax tree (not by matching text:
 * `[ ` can be part of a string).
 */
export function unpadFlowLists(text: string): string {
  const cuts: number[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, ({ value }) => {
      if (value?.type !== 'flow-collection' || value.start.source !== '[') return;
      const open = value.start.offset;
      const close = value.end.find((t) => t.type === 'flow-seq-end')?.offset;
      if (close === undefined || text.slice(open, close).includes('\n')) return;
      if (text[open + 1] === ' ' && text[close - 1] === ' ' && close - open > 2) cuts.push(open + 1, close - 1);
    });
  }
  let result = text;
  for (const at of cuts.sort((a, b) => b - a)) result = result.slice(0, at) + result.slice(at + 1);
  return result;
}
