import type { SqlDialect } from './dialect.js';
import type { Cte, NewColumn } from './stage.js';

/**
 * Writes the CTEs with only the columns still read after them. Each stage adds helper columns
 * (a trimmed field, a magnitude to round) that the stages after it no longer read; carried along
 * by `SELECT *`, hundreds of them would make every CTE wide, and DuckDB's planner slows with
 * width × depth. A column is live in a CTE when a later CTE or the final SELECT reads it (names
 * are found as the dialect quotes them; a quoted name inside a string literal only keeps a column
 * alive, which is harmless). Dead ones are dropped (`* EXCLUDE (…)`, or an explicit list in
 * PostgreSQL), and a CTE's new columns that nothing reads are not computed.
 */
export function pruneColumns(d: SqlDialect, ctes: readonly Cte[], finalSelect: string): PrunedCte[] {
  const outputs = new Map<string, string[]>();
  for (const cte of ctes) {
    if (cte.select === undefined) continue;
    const passed = cte.select.from === null ? [] : (outputs.get(cte.select.from) ?? []);
    outputs.set(cte.name, [...passed, ...cte.select.columns.map((c) => c.name)]);
  }
  const needed = new Map<string, Set<string>>();
  const need = (cte: string, names: Iterable<string>) => {
    const set = needed.get(cte) ?? new Set<string>();
    for (const name of names) set.add(name);
    needed.set(cte, set);
  };
  const reads = (text: string, cte: string) => {
    const quoted = quotedNames(d, text);
    return (outputs.get(cte) ?? []).filter((name) => quoted.has(d.identifier(name)));
  };
  const last = ctes[ctes.length - 1] as Cte;
  need(last.name, reads(finalSelect, last.name));
  const kept = new Map<string, { passed: string[]; columns: readonly NewColumn[] }>();
  for (let i = ctes.length - 1; i >= 0; i--) {
    const cte = ctes[i] as Cte;
    const readers = ctes.slice(i + 1).filter((other) => other.body !== undefined && quotedNames(d, other.body).has(d.identifier(cte.name)));
    for (const reader of readers) need(cte.name, reads(reader.body as string, cte.name));
    if (cte.select === undefined) continue;
    const live = needed.get(cte.name) ?? new Set<string>();
    const columns = cte.select.columns.filter((c) => live.has(c.name));
    const own = new Set(cte.select.columns.map((c) => c.name));
    const passed = [...live].filter((name) => !own.has(name));
    kept.set(cte.name, { passed, columns });
    if (cte.select.from !== null) {
      const text = columns.map((c) => c.sql).join('\n') + '\n' + cte.select.tail;
      need(cte.select.from, [...passed, ...reads(text, cte.select.from)]);
    }
  }
  return ctes.map((cte) => {
    if (cte.select === undefined) return { cte, passed: null, columns: [] };
    const { passed, columns } = kept.get(cte.name) as { passed: string[]; columns: readonly NewColumn[] };
    const from = cte.select.from;
    const all = from === null ? [] : (outputs.get(from) ?? []).filter((name) => (needed.get(from) ?? new Set()).has(name));
    const keep = new Set(passed);
    const through = from !== null && keep.size > 0 ? { all, dead: all.filter((name) => !keep.has(name)) } : null;
    return { cte, passed: through, columns };
  });
}

/** A CTE with only the columns still read after it: those it passes through from the one it reads (all of them but `dead`; none when null) and the new ones it computes. */
export interface PrunedCte {
  readonly cte: Cte;
  readonly passed: { readonly all: readonly string[]; readonly dead: readonly string[] } | null;
  readonly columns: readonly NewColumn[];
}

/** A pruned CTE as SQL: its header (`"name" AS`) and its body (`SELECT …`, or the body written whole). */
export function cteText(d: SqlDialect, { cte, passed, columns }: PrunedCte): { header: string; select: string } {
  const header = `${d.identifier(cte.name)} ${cte.shared === true ? d.sharedCteAs : d.cteAs}`;
  if (cte.select === undefined) return { header, select: cte.body as string };
  const passThrough = passed === null ? [] : [d.passThrough(cte.select.alias, passed.all, passed.dead)];
  return { header, select: selectText([...passThrough, ...columns.map((c) => `${c.sql} AS ${d.identifier(c.name)}`)], cte.select.tail) };
}

/** `SELECT` with one item a line, then the FROM clause. */
export function selectText(items: readonly string[], tail: string): string {
  return `SELECT\n${items.map((item) => `  ${item}`).join(',\n')}\n${tail}`;
}

/**
 * Every quoted name in a piece of SQL, as written (with its quotes), skipping string literals:
 * a quote character inside a literal (model text may hold one) must not start a name.
 */
export function quotedNames(d: SqlDialect, text: string): Set<string> {
  const names = new Set<string>();
  const nameQuote = d.name === 'bigquery' ? '`' : '"';
  const backslashes = d.name === 'bigquery' || d.name === 'snowflake';
  // BigQuery writes plain names bare: every word outside a literal may be one.
  const bareNames = d.name === 'bigquery';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const escaped = backslashes || (text[i - 1] === 'E' && !/[A-Za-z0-9_]/.test(text[i - 2] ?? ''));
      i = endOfQuoted(text, i, "'", escaped);
    } else if (c === nameQuote) {
      const end = endOfQuoted(text, i, nameQuote, d.name === 'bigquery');
      names.add(text.slice(i, end + 1));
      i = end;
    } else if (bareNames && /[A-Za-z_]/.test(c as string) && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 300))?.[0] as string;
      names.add(word);
      i += word.length - 1;
    }
  }
  return names;
}

/** The index of the quote that closes the quoted text starting at `start` (doubled quotes, or backslash escapes). */
function endOfQuoted(text: string, start: number, quote: string, backslashes: boolean): number {
  for (let i = start + 1; i < text.length; i++) {
    if (backslashes && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (!backslashes && text[i + 1] === quote) i++;
      else return i;
    }
  }
  return text.length - 1;
}
