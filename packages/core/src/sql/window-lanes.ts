import type { SqlDialect } from './dialect.js';
import { cteText, quotedNames, selectText, type PrunedCte } from './prune-columns.js';

/** A CTE written out: its header (`"name" AS`), its body, and the comment shown above it. */
export interface CteText {
  readonly header: string;
  readonly select: string;
  readonly comment?: string;
}

/**
 * DuckDB, when every row has a unique key (`key`, the file order): window functions run over
 * narrow "lanes". A window operator materialises every column of its input, and the query carries
 * a hundred columns from stage to stage: measured in-process, one LAG over 200,000 rows of 70
 * columns took 3.1 s, the same LAG over the key and its argument, joined back by the key, 0.4 s.
 * So a CTE that computes a window function is split in two: the lane (`<name>_lane`, materialised
 * once: the key and the columns that need a window) and the CTE itself (what it reads, joined with
 * its lane by the key). `laneName` keeps a lane's name off the source table's.
 * The CTE it reads is then read twice, by the lane and by the CTE; every CTE but the lanes and the
 * walks' inputs is written `NOT MATERIALIZED` (DuckDB would otherwise materialise a CTE read twice,
 * every column of every row), so the lane's copy computes only the columns it needs. The answer is
 * the same: the lane computes each of its columns over the same rows as the CTE would, one lane row
 * per row, matched by the key.
 */
export function withWindowLanes(d: SqlDialect, pruned: readonly PrunedCte[], key: string, laneName: (cte: string) => string): CteText[] {
  return pruned.flatMap((item) => {
    const { cte } = item;
    const comment = cte.comment === undefined ? {} : { comment: cte.comment };
    if (cte.select === undefined) return [{ ...cteText(d, item), ...comment }];
    const lane = item.columns.filter((c) => hasWindow(d, c.sql)); // the columns computed in the lane
    const header = `${d.identifier(cte.name)} AS NOT MATERIALIZED`;
    if (lane.length === 0 || cte.select.from === null) return [{ ...cteText(d, item), header, ...comment }];
    const from = d.identifier(cte.select.from);
    const alias = cte.select.alias;
    const laneCte = d.identifier(laneName(`${cte.name}_lane`));
    const own = item.columns.filter((c) => !lane.includes(c));
    const passThrough = item.passed === null ? [] : [d.passThrough(alias ?? from, item.passed.all, item.passed.dead)];
    const laneSelect = selectText([`${alias === undefined ? '' : `${alias}.`}${key}`, ...lane.map((c) => `${c.sql} AS ${d.identifier(c.name)}`)], cte.select.tail);
    const mainSelect = selectText(
      [...passThrough, ...own.map((c) => `${c.sql} AS ${d.identifier(c.name)}`), ...lane.map((c) => `${laneCte}.${d.identifier(c.name)} AS ${d.identifier(c.name)}`)],
      `FROM ${from}${alias === undefined ? '' : ` ${alias}`} JOIN ${laneCte} USING (${key})`,
    );
    return [
      { header: `${laneCte} AS MATERIALIZED`, select: laneSelect, comment: `${cte.comment === undefined ? '' : `${cte.comment} `}Computed over the row key and the columns it reads only.` },
      { header, select: mainSelect },
    ];
  });
}

/** Whether SQL text holds a window function (`… OVER (`), outside string literals and quoted names. */
function hasWindow(d: SqlDialect, text: string): boolean {
  let bare = text;
  for (const name of quotedNames(d, text)) bare = bare.split(name).join(' ');
  return /\bOVER\s*\(/i.test(bare.replace(/'(?:[^']|'')*'/g, "''"));
}
