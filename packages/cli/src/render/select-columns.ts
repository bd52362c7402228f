import { suggest } from '@vitals/core';
import type { ScoreColumn } from './score-columns.js';

/** A `--columns` item that names no column of the model, and the column it likely meant. */
export interface UnknownColumn {
  readonly item: string;
  readonly suggestion: string | undefined;
}

/**
 * `--columns id,score,band,*_score`: the columns named, in the order named; `*` matches any run
 * of characters, and a pattern's matches come in the model's column order. A column named twice
 * is written once. Items that match nothing are returned, not skipped: a typo would silently
 * drop a column from a report someone relies on.
 */
export function selectColumns(all: readonly ScoreColumn[], spec: string): { columns: ScoreColumn[]; unknown: UnknownColumn[] } {
  const chosen = new Set<ScoreColumn>();
  const unknown: UnknownColumn[] = [];
  for (const item of spec.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const matches = item.includes('*') ? all.filter((column) => globPattern(item).test(column.name)) : all.filter((column) => column.name === item);
    if (matches.length === 0) unknown.push({ item, suggestion: suggestion(item, all) });
    for (const column of matches) chosen.add(column);
  }
  return { columns: [...chosen], unknown };
}

function globPattern(item: string): RegExp {
  return new RegExp(`^${item.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** A key alone (`seat_utilisation`) names all of its columns as `seat_utilisation_*`; otherwise the nearest name. */
function suggestion(item: string, all: readonly ScoreColumn[]): string | undefined {
  if (all.some((column) => column.name.startsWith(`${item}_`))) return `${item}_*`;
  return suggest(item, all.map((column) => column.name));
}
