import { visit, type Document, type Scalar } from 'yaml';

/**
 * Block scalars (`|` and `>`) are kept exactly as written, only re-indented: their line breaks
 * are the author's (a folded description wrapped at 90 columns stays so), and rewrapping prose
 * would turn a one-word edit into a paragraph of diff. The YAML library would re-fold them, so
 * each is swapped for a placeholder before printing and put back afterwards.
 */
export interface ProtectedBlock {
  readonly placeholder: string;
  /** The header (`|`, `>-`, `|+2`) without its comment, which stays on the node. */
  readonly header: string;
  /** Content lines with the block's own indentation removed. */
  readonly lines: readonly string[];
  /** An explicit indentation indicator, which fixes the indentation relative to the parent. */
  readonly indicator: number | undefined;
}

export function protectBlockScalars(doc: Document, text: string): ProtectedBlock[] {
  const blocks: ProtectedBlock[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return;
      const block = readBlock(node, text, `__vitals_fmt_block_${blocks.length}__`);
      if (block === undefined) return;
      blocks.push(block);
      node.value = block.placeholder;
      node.type = 'PLAIN';
    },
  });
  return blocks;
}

function readBlock(node: Scalar, text: string, placeholder: string): ProtectedBlock | undefined {
  const range = node.range;
  if (range === undefined || range === null) return undefined;
  const source = text.slice(range[0], range[1]);
  const newline = source.indexOf('\n');
  if (newline < 0) return undefined;
  const header = /^[|>][0-9+-]*/.exec(source)?.[0] ?? '|';
  const indicator = /\d/.exec(header)?.[0];
  const raw = source.slice(newline + 1).split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (raw[raw.length - 1] === '') raw.pop();
  const keep = header.includes('+');
  while (!keep && raw.length > 0 && (raw[raw.length - 1] as string).trim() === '') raw.pop();
  const parentIndent = indentOfLineAt(text, range[0]);
  const firstContent = raw.find((line) => line.trim() !== '');
  const indent = indicator !== undefined ? parentIndent + Number(indicator) : firstContent === undefined ? 0 : leadingSpaces(firstContent);
  const lines = raw.map((line) => (line.length > indent ? line.slice(indent) : line.trim() === '' ? '' : line.trimStart()));
  return { placeholder, header, lines, indicator: indicator === undefined ? undefined : Number(indicator) };
}

/** Puts each block back under the line that holds its placeholder, indented two past that line's content. */
export function restoreBlockScalars(output: string, blocks: readonly ProtectedBlock[]): string {
  let result = output;
  for (const block of blocks) {
    const at = result.indexOf(block.placeholder);
    if (at < 0) continue;
    const lineStart = result.lastIndexOf('\n', at) + 1;
    const lineEnd = result.indexOf('\n', at) < 0 ? result.length : result.indexOf('\n', at);
    const line = result.slice(lineStart, lineEnd);
    const indent = contentColumn(line) + (block.indicator ?? 2);
    const body = block.lines.map((l) => (l === '' ? '' : ' '.repeat(indent) + l));
    const newLine = line.replace(block.placeholder, block.header);
    result = `${result.slice(0, lineStart)}${[newLine, ...body].join('\n')}${result.slice(lineEnd)}`;
  }
  return result;
}

/** Column (0-based) where a line's content starts, after indentation and `- ` sequence markers. */
function contentColumn(line: string): number {
  return /^(?:\s*-\s+)*\s*/.exec(line)?.[0].length ?? 0;
}

function indentOfLineAt(text: string, offset: number): number {
  return contentColumn(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}
