import type { Query } from './query.js';
import type { RowColumns } from './row-columns.js';

/**
 * How a walk (hysteresis, a cooldown) finds its snapshot again: by the row key when each row has
 * one (its position in the file, `orderBy`), else by account and date. The key makes the join
 * narrow: the walk's rows (few columns, on the right) are hashed and every snapshot probes them,
 * where joining on account and date led DuckDB to hash the snapshots, every column of them. DuckDB
 * would still swap the sides, misjudging the walk's size, unless its `build_side_probe_side`
 * optimizer is off, as the engine has it (`duckDbSettings` in @vitals/engines). A row the walk holds is
 * an accepted snapshot, and only accepted snapshots read what the walk gives, so both joins give the
 * same answer.
 */
export function walkJoin(q: Query, rows: RowColumns): { readonly key: string; readonly carried: (alias: string) => string; readonly tail: (main: string, walk: string) => string } {
  const id = (name: string) => q.dialect.identifier(name);
  if (q.options.orderBy === undefined) {
    return {
      key: '',
      carried: () => '',
      // Only equalities in the ON clause (a condition on one side alone turns DuckDB's hash join into a nested loop).
      tail: (main, walk) => `FROM ${id(main)} m LEFT JOIN ${id(walk)} w ON w.${id('account')} = m.${rows.id.text} AND w.${id('day')} = m.${rows.day.text}`,
    };
  }
  return {
    key: `${rows.order.text} AS ${id('row_key')}, `,
    carried: (alias) => `${alias}.${id('row_key')}, `,
    tail: (main, walk) => `FROM ${id(main)} m LEFT JOIN ${id(walk)} w ON w.${id('row_key')} = m.${rows.order.text}`,
  };
}
