import type { ColumnNames } from './column-names.js';
import type { SqlDialect } from './dialect.js';
import type { Sql } from './sql-value.js';

/** A column a CTE adds: its name and the SQL computing it. */
export interface NewColumn {
  readonly name: string;
  readonly sql: string;
}

/**
 * One common table expression of the query: a projection (`select`) that passes the columns of
 * `from` through and adds new ones, which `prune-columns.ts` trims to those still read later; or
 * a body written out whole (the recursive walks), which passes nothing through.
 */
export interface Cte {
  readonly name: string;
  readonly select?: { readonly from: string | null; readonly alias?: string; readonly columns: readonly NewColumn[]; readonly tail: string };
  readonly body?: string;
  readonly recursive?: boolean;
  /** Read by more than one later CTE: computed once (`AS MATERIALIZED`) where the engine would otherwise compute it per reader. */
  readonly shared?: boolean;
  /** Shown above the CTE: what it computes. */
  readonly comment?: string;
}

interface Binding {
  readonly name: string;
  readonly value: Sql;
}

/**
 * A stage of the query (`metric_values`, `categories`, …): the columns it adds to every row.
 * Steps count CTEs from the start of the query; a stage starts after the CTEs before it
 * (`base`), so every column they made is there. Each binding lands in the CTE after the latest
 * column it reads; the stage is written as `stage_1`, `stage_2`, …, `stage`, each
 * `SELECT *, <new columns> FROM` the one before.
 */
export class Stage {
  private readonly steps: Binding[][] = [];

  constructor(
    readonly name: string,
    private readonly dialect: SqlDialect,
    private readonly names: ColumnNames,
    readonly base: number,
    private readonly comment?: string,
  ) {}

  /** How many CTEs the stage writes. */
  get depth(): number {
    return this.steps.length;
  }

  /** Binds a value to a new column named after `hint`; returns the column (atomic, one step later). */
  bind(value: Sql, hint: string): Sql {
    const name = this.names.claim(hint);
    const step = Math.max(value.step, this.base) + 1;
    while (this.steps.length < step - this.base) this.steps.push([]);
    (this.steps[step - this.base - 1] as Binding[]).push({ name, value });
    return { text: this.dialect.identifier(name), step, atomic: true };
  }

  /** The value itself when it is atomic, else a column bound to it. */
  once(value: Sql, hint: string): Sql {
    return value.atomic ? value : this.bind(value, hint);
  }

  /** The CTEs of this stage, reading from `from`; and the name of the last (`from` when the stage added nothing). */
  ctes(from: string): { ctes: Cte[]; last: string } {
    const ctes: Cte[] = [];
    let previous = from;
    this.steps.forEach((bindings, i) => {
      const name = i === this.steps.length - 1 ? this.name : `${this.name}_${i + 1}`;
      const columns = bindings.map((b) => ({ name: b.name, sql: b.value.text }));
      const select = { from: previous, columns, tail: `FROM ${this.dialect.identifier(previous)}` };
      ctes.push({ name, select, ...(i === 0 && this.comment !== undefined ? { comment: this.comment } : {}) });
      previous = name;
    });
    return { ctes, last: previous };
  }
}
