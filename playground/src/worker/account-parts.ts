import { accountKeyReader, type Plan } from '@vitals/core';
import type { DataRow } from './read-data.js';

/** Which share of the accounts a worker scores: part `index` of `of` (0 ≤ index < of). */
export interface Part {
  readonly index: number;
  readonly of: number;
}

/** All of the accounts: one worker. */
export const WHOLE: Part = { index: 0, of: 1 };

/**
 * The rows of one part of the accounts, in their order: each worker of a split preview scores one
 * part, and the parts together hold every row exactly once. An account's snapshots all fall in one
 * part (history and hysteresis run from one snapshot of an account to its next), so with snapshot
 * history the accounts are shared out, in the order they first appear, `of` nearly equal runs of
 * them; a row without an account (no history, an id that cannot be read, not a record) carries
 * nothing to any other and goes by its position.
 */
export function rowsOfPart(rows: readonly DataRow[], plan: Plan, part: Part): readonly DataRow[] {
  if (part.of === 1) return rows;
  const keyOf = accountKeyReader(plan);
  const keys = rows.map((row) => (row.record === null ? undefined : keyOf(row.record)));
  const ordinals = new Map<string, number>();
  for (const key of keys) if (key !== undefined && !ordinals.has(key)) ordinals.set(key, ordinals.size);
  const share = (ordinal: number, count: number) => Math.floor((ordinal * part.of) / count);
  return rows.filter((_, i) => {
    const key = keys[i];
    return key === undefined ? share(i, rows.length) === part.index : share(ordinals.get(key) as number, ordinals.size) === part.index;
  });
}

/** What the split depends on: the model's id and as-of fields and how the id is read. */
export function partKey(plan: Plan, part: Part): string {
  return JSON.stringify([part, plan.data.id, plan.data.asOf, plan.inputs.find((i) => i.name === plan.data.id) ?? null]);
}
