import { createDistribution } from '@vitals/core';
import { BAD_ROWS_SHOWN, type BadRow, type Preview, type PreviewPart } from './protocol.js';

/**
 * The preview of all accounts from the parts that workers scored (each a share of the accounts,
 * `rowsOfPart`): exactly what one worker scoring them all gives — the core's distribution merges
 * tallies, never summaries; counts add; the bad rows listed are the first by row number.
 */
export function mergePreviewParts(parts: readonly PreviewPart[]): Preview {
  const first = parts[0];
  if (first === undefined) throw new Error('bug: a preview of no parts');
  const distribution = createDistribution(first.plan);
  for (const part of parts) distribution.merge(part.distribution);
  const sum = (count: (part: PreviewPart) => number) => parts.reduce((n, part) => n + count(part), 0);
  const slowest = (time: (part: PreviewPart) => number) => Math.max(...parts.map(time));
  const counts = first.counts;
  return {
    plan: first.plan,
    engine: first.engine,
    asOf: first.asOf,
    counts: Object.fromEntries(Object.keys(counts).map((key) => [key, sum((part) => part.counts[key as keyof typeof counts])])) as Preview['counts'],
    summary: distribution.summary(),
    badRows: firstBadRows(parts.map((part) => part.badRows)),
    badRowCount: sum((part) => part.badRowCount),
    missingColumns: first.missingColumns,
    timings: { compile: slowest((part) => part.timings.compile), score: slowest((part) => part.timings.score) },
    workers: parts.length,
  };
}

/** Each part lists its first bad rows in row order; together, the first of all of them (a row's problems stay in their order). */
function firstBadRows(lists: readonly (readonly BadRow[])[]): BadRow[] {
  return lists
    .flat()
    .sort((a, b) => a.row - b.row)
    .slice(0, BAD_ROWS_SHOWN);
}
