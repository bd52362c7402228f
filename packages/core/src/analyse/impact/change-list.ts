import { canonicalJson } from '../../compile/canonical-json.js';
import type { ChangeSection, ChangeValue, ModelChange } from './impact.js';
import type { MatchedEntries } from './match-entries.js';

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
   * The changes of one kind of entry, in the order a reviewer reads them: renames, additions, the
   * fields of each entry on both sides (`compare`), removals. Added and removed entries carry
   * their definition as written.
   */
  matched<T>(section: ChangeSection, matched: MatchedEntries<T>, key: (entry: T) => string, asWritten: (entry: T) => ChangeValue, compare: (before: T, after: T) => void): void {
    for (const [before, after] of matched.renamed) this.entry(section, 'renamed', key(after), key(before), key(after));
    for (const entry of matched.added) this.entry(section, 'added', key(entry), null, asWritten(entry));
    for (const [before, after] of matched.pairs) compare(before, after);
    for (const entry of matched.removed) this.entry(section, 'removed', key(entry), asWritten(entry), null);
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
