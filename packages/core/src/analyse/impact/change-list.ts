import { canonicalJson } from '../../compile/canonical-json.js';
import type { ChangeSection, ChangeValue, ModelChange } from './impact.js';

/** One field to compare: its name in the file, its value on each side as written, and optionally what decides equality. */
export interface FieldPair {
  readonly field: string;
  readonly before: ChangeValue;
  readonly after: ChangeValue;
  /** What is compared when the written form is not the meaning (a formula's typed tree, not its text). */
  readonly compare?: readonly [unknown, unknown];
  /** Where `--set` addresses it, when that is not `prefix.field` (a benchmark's score is set as `benchmarks.adopt`). */
  readonly path?: string;
}

/** Collects changes in the order they are found; every change goes through here. */
export class ChangeList {
  readonly changes: ModelChange[] = [];

  /** A whole entry added, removed or renamed; `key` null for a section that is one entry (`pulse`, `overrides`). */
  entry(section: ChangeSection, kind: 'added' | 'removed' | 'renamed', key: string | null, before: ChangeValue, after: ChangeValue): void {
    this.changes.push({ section, kind, key, field: null, path: key === null ? section : `${section}.${key}`, before, after });
  }

  /**
   * Each field whose value differs. `prefix` is the entry's path (`metrics.seat_utilisation`) or
   * '' for model settings. Returns whether anything differed.
   */
  fields(section: ChangeSection, key: string | null, prefix: string, fields: readonly FieldPair[]): boolean {
    let found = false;
    for (const { field, before, after, compare, path } of fields) {
      const [a, b] = compare ?? [before, after];
      if (canonicalJson(a) === canonicalJson(b)) continue;
      this.changes.push({ section, kind: 'changed', key, field, path: path ?? (prefix === '' ? field : `${prefix}.${field}`), before, after });
      found = true;
    }
    return found;
  }
}
