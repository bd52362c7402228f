import { canonicalJson } from '../../compile/canonical-json.js';

/** Entries of one kind (metrics, playbooks …) on both sides, paired by key, with renames found. */
export interface MatchedEntries<T> {
  /** Same key on both sides, or a rename: `[base, head]`, in HEAD's order. */
  readonly pairs: readonly (readonly [T, T])[];
  readonly renamed: readonly (readonly [T, T])[];
  readonly added: readonly T[];
  readonly removed: readonly T[];
}

/**
 * Pairs entries by their stable key. An entry removed under one key and added under another with
 * the same definition (`definition` leaves the key and display text out) is a rename, not a
 * removal and an addition: keys are identifiers precisely so that a diff can tell.
 */
export function matchEntries<T>(base: readonly T[], head: readonly T[], key: (entry: T) => string, definition: (entry: T, side: 'base' | 'head') => unknown): MatchedEntries<T> {
  const baseByKey = new Map(base.map((entry) => [key(entry), entry]));
  const headKeys = new Set(head.map(key));
  const removed = base.filter((entry) => !headKeys.has(key(entry)));
  const unmatched = new Map(removed.map((entry) => [entry, canonicalJson(definition(entry, 'base'))]));
  const pairs: (readonly [T, T])[] = [];
  const renamed: (readonly [T, T])[] = [];
  const added: T[] = [];
  for (const entry of head) {
    const same = baseByKey.get(key(entry));
    if (same !== undefined) {
      pairs.push([same, entry]);
      continue;
    }
    const wanted = canonicalJson(definition(entry, 'head'));
    const previous = [...unmatched].find(([, text]) => text === wanted)?.[0];
    if (previous === undefined) {
      added.push(entry);
      continue;
    }
    unmatched.delete(previous);
    pairs.push([previous, entry]);
    renamed.push([previous, entry]);
  }
  return { pairs, renamed, added, removed: removed.filter((entry) => unmatched.has(entry)) };
}

/**
 * A copy of plan data with every reference to a renamed metric or category written with its
 * BASE key, so that HEAD's expressions and lists compare equal to BASE's when only names moved.
 */
export function withBaseNames(value: unknown, metrics: ReadonlyMap<string, string>, categories: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withBaseNames(item, metrics, categories));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, withBaseNames(v, metrics, categories)] as const);
  const copy = Object.fromEntries(entries) as Record<string, unknown>;
  if (copy.kind === 'metric' && typeof copy.metric === 'string') copy.metric = metrics.get(copy.metric) ?? copy.metric;
  if (copy.kind === 'category' && typeof copy.category === 'string') copy.category = categories.get(copy.category) ?? copy.category;
  return copy;
}
