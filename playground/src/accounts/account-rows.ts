import { STATUS_CODES, type AccountsTable } from '../worker/protocol.js';

export type SortColumn = 'id' | 'score' | 'band' | 'stage' | 'segment' | 'gap' | 'pulseAge' | 'playbooks';

export interface RowQuery {
  readonly sort: SortColumn;
  readonly descending: boolean;
  /** Band index, stage or segment to keep; null keeps all. */
  readonly band: number | null;
  readonly stage: string | null;
  readonly segment: string | null;
  /** Part of the account id, any case. */
  readonly search: string;
}

/** The rows of the table to show, in order: filtered, then sorted (missing values last either way). */
export function queryRows(table: AccountsTable, query: RowQuery): number[] {
  const search = query.search.trim().toLowerCase();
  const rows: number[] = [];
  for (let i = 0; i < table.ids.length; i++) {
    if (query.band !== null && table.band[i] !== query.band) continue;
    if (query.stage !== null && table.stage[i] !== query.stage) continue;
    if (query.segment !== null && table.segment[i] !== query.segment) continue;
    if (search !== '' && !(table.ids[i] as string).toLowerCase().includes(search)) continue;
    rows.push(i);
  }
  const key = sortKey(table, query.sort);
  const sign = query.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : a - b) * sign;
  });
}

function sortKey(table: AccountsTable, column: SortColumn): (i: number) => number | string | null {
  const number = (values: ArrayLike<number>) => (i: number) => (Number.isNaN(values[i] as number) ? null : (values[i] as number));
  switch (column) {
    case 'id':
      return (i) => table.ids[i] as string;
    case 'stage':
      return (i) => table.stage[i] ?? null;
    case 'segment':
      return (i) => table.segment[i] ?? null;
    case 'band':
      return (i) => ((table.band[i] as number) < 0 ? null : (table.band[i] as number));
    case 'score':
      return number(table.score);
    case 'gap':
      return number(table.gap);
    case 'pulseAge':
      return number(table.pulseAge);
    case 'playbooks':
      return (i) => table.playbooks[i] as number;
  }
}

/** The distinct non-null values of a text column, sorted: the choices of its filter. */
export function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))].sort();
}

export function statusOf(table: AccountsTable, i: number): (typeof STATUS_CODES)[number] {
  return STATUS_CODES[table.status[i] as number] ?? 'invalid';
}
