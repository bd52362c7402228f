import type { Plan } from '../compile/plan.js';
import { ColumnNames } from './column-names.js';
import type { SqlDialect } from './dialect.js';
import { literal, type Sql } from './sql-value.js';
import { Stage, type Cte } from './stage.js';

/**
 * How a source column arrives: as text to read like a CSV field, already of the input's SQL type,
 * or of an integer SQL type (`whole`: for a number input, never NaN, infinite or fractional, so
 * those checks are left out; `small-whole`, of 32 bits or fewer: never past 2^53 either).
 */
export type ColumnKind = 'text' | 'typed' | 'whole' | 'small-whole';

export interface PlanToSqlOptions {
  /** The table or view of snapshots; a dotted name (`analytics.snapshots`) is quoted part by part. */
  readonly table?: string;
  /** A FROM source written as is instead of `table` (a dbt `{{ ref(…) }}`): never model text. */
  readonly fromClause?: string;
  /** Per input name: `text` (the default) reads the column's text as the CSV reader does; `typed` takes a numeric, boolean or date column as it is; `whole`, an integer column; `small-whole`, one of 32 bits or fewer. */
  readonly columnKinds?: Readonly<Record<string, ColumnKind>>;
  /**
   * A column holding each row's position in its file. Snapshots of an account are then accepted in
   * that order, as a stream is (a later row dated on or before an accepted one is refused), and the
   * output is ordered by it. Without it, rows of one account sharing a date are all refused.
   */
  readonly orderBy?: string;
  /**
   * With `orderBy`: whether the output is sorted by it (default true). An engine whose rows keep
   * their order through a query without window functions may leave the sort out.
   */
  readonly sortOutput?: boolean;
  /** For a model without an as-of field: the as-of date of the run (YYYY-MM-DD). */
  readonly asOf?: string;
  /** Adds, per input, the raw value of a field whose reading failed (`<input>__raw`), to describe bad rows. */
  readonly rawValues?: boolean;
  /** The table's columns, when known: an input without a column is missing on every row (as a record without the field). */
  readonly availableColumns?: readonly string[];
  /** Each metric's value, score and band as columns (default true). */
  readonly metricColumns?: boolean;
  /** The dialect with a constraint of its own (dbt's Jinja-safe literals); it must keep the named dialect's SQL. */
  readonly dialectOverride?: SqlDialect;
}

/** The query being written: its CTEs so far, the names in use, and the dialect. */
export class Query {
  readonly names: ColumnNames;
  readonly ctes: Cte[] = [];
  private last = '';
  /** How many CTEs precede the next: the step at which every column so far exists. */
  private level = 0;

  constructor(
    readonly plan: Plan,
    readonly dialect: SqlDialect,
    readonly options: PlanToSqlOptions,
  ) {
    this.names = new ColumnNames(dialect.maxIdentifierBytes);
  }

  /** The CTE the next one reads from. */
  get from(): string {
    return this.last;
  }

  /**
   * A CTE's name, never the source table's: in a WITH RECURSIVE list a name refers to the CTE
   * wherever it stands, so a CTE named like the table would read itself.
   */
  cteName(preferred: string): string {
    const table = (this.options.table ?? 'snapshots').split('.').pop() as string;
    return this.dialect.identifier(preferred) === this.dialect.identifier(table) ? `${preferred}_cte` : preferred;
  }

  /** Marks the current last CTE as read by several later ones (so it is computed once). */
  share(): string {
    const last = this.ctes[this.ctes.length - 1] as Cte;
    this.ctes[this.ctes.length - 1] = { ...last, shared: true };
    return last.name;
  }

  /** Adds a CTE written by hand; its columns exist from the next step on. */
  add(cte: Cte): void {
    const named = { ...cte, name: this.cteName(cte.name) };
    this.ctes.push(named);
    this.last = named.name;
    this.level++;
  }

  stage(name: string, comment?: string): Stage {
    return new Stage(this.cteName(name), this.dialect, this.names, this.level, comment);
  }

  /** Writes a stage's CTEs after the current one. */
  close(stage: Stage): void {
    const { ctes, last } = stage.ctes(this.last);
    this.ctes.push(...ctes);
    this.last = last;
    this.level = stage.base + stage.depth;
  }

  /** A column that exists at this point of the query. */
  column(name: string): Sql {
    return { text: this.dialect.identifier(name), step: this.level, atomic: true };
  }

  string(text: string): Sql {
    return literal(this.dialect.string(text));
  }

  double(value: number): Sql {
    return literal(this.dialect.double(value));
  }
}
