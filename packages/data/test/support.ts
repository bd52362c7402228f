import { createRowReader, type DataRow, type ReadOptions } from '../src/index.js';

/** Splits text (or bytes) into pieces of `size`: fields, quotes, CRLFs and UTF-8 sequences then straddle pushes. */
export function pieces<T extends string | Uint8Array>(input: T, size: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < input.length; i += size) out.push(input.slice(i, i + size) as T);
  return out;
}

/** Reads input pushed in pieces of `size`, as a stream delivers it. */
export function readIn(input: string | Uint8Array, options: ReadOptions, size = input.length || 1) {
  const reader = createRowReader(options);
  const rows: DataRow[] = [];
  for (const piece of pieces(input, size)) rows.push(...reader.push(piece));
  rows.push(...reader.end());
  return { rows, error: reader.error, warnings: reader.warnings, header: reader.header, delimiter: reader.delimiter };
}

/** A row as [row, line, record or problem code(:field)]. */
export const brief = (r: DataRow) => [r.row, r.line, r.record === null ? `${r.problem?.code}${r.problem?.field === undefined ? '' : `:${r.problem.field}`}` : { ...r.record }];

/** The chunk sizes every case is read in: one push, and pieces small enough to split everything. */
export const SIZES = [Infinity, 1, 2, 3, 7];
