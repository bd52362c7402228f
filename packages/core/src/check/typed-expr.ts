import type { OffsetRange } from '../position/span.js';
import type { ValueType } from './value-type.js';

/**
 * A checked expression: names resolved to slots, every node typed. Plain data, the form
 * expressions take in the plan, so the reference interpreter, the JavaScript compiler and later
 * the SQL compiler all read the same thing.
 */
export type TypedExpr =
  | { readonly kind: 'literal'; readonly type: ValueType; readonly value: number | string | boolean | null }
  | { readonly kind: 'slot'; readonly type: ValueType; readonly slot: Slot }
  | { readonly kind: 'negate'; readonly type: ValueType; readonly operand: TypedExpr }
  | { readonly kind: 'not'; readonly type: ValueType; readonly operand: TypedExpr }
  | { readonly kind: 'arithmetic'; readonly type: ValueType; readonly op: '+' | '-' | '*' | '/'; readonly left: TypedExpr; readonly right: TypedExpr }
  | { readonly kind: 'compare'; readonly type: ValueType; readonly op: '==' | '!=' | '<' | '<=' | '>' | '>='; readonly left: TypedExpr; readonly right: TypedExpr; readonly order?: readonly string[] }
  | { readonly kind: 'logic'; readonly type: ValueType; readonly op: 'and' | 'or'; readonly left: TypedExpr; readonly right: TypedExpr }
  | { readonly kind: 'in'; readonly type: ValueType; readonly negated: boolean; readonly value: TypedExpr; readonly items: readonly TypedExpr[] }
  | { readonly kind: 'call'; readonly type: ValueType; readonly fn: RuntimeFunction; readonly args: readonly TypedExpr[] }
  /** `prev(x)`: the value `x` had at this account's previous snapshot. `site` numbers the prev() calls of a model. */
  | { readonly kind: 'prev'; readonly type: ValueType; readonly site: number; readonly operand: TypedExpr };

export type FunctionName =
  | 'min' | 'max' | 'clamp' | 'abs' | 'round' | 'log' | 'coalesce' | 'ratio' | 'is_null' | 'days_between' | 'if'
  | 'delta' | 'pct_change' | 'days_since';

/** The functions left after checking: `delta` and `days_since` are expanded, `pct_change` takes (x, prev(x)). */
export type RuntimeFunction = Exclude<FunctionName, 'delta' | 'days_since'>;

/** What a name in an expression refers to. */
export type Slot =
  | { readonly kind: 'input'; readonly input: string }
  | { readonly kind: 'metric'; readonly metric: string; readonly field: 'value' | 'score' | 'band' }
  | { readonly kind: 'category'; readonly category: string; readonly field: 'score' | 'band' | 'benchmark' | 'gap' }
  | { readonly kind: 'result'; readonly field: ResultField }
  | { readonly kind: 'pulse'; readonly field: 'value' | 'score' | 'age_days' | 'stale' }
  /** Inside a metric's `score: { expr }`: the metric's own value. */
  | { readonly kind: 'own-value' };

export type ResultField = 'score' | 'band' | 'coverage' | 'benchmark' | 'gap' | 'band_changed' | 'score_change' | 'as_of';

/** A typed expression together with where it came from, for explanations and error places. */
export interface CheckedExpression {
  readonly text: string;
  /** The parsed expression printed in one canonical way (`unparse`): the same for `a/b` and `a / b`. */
  readonly canonical: string;
  readonly pointer: string;
  readonly expr: TypedExpr;
  /** Each slot the expression reads, with the text it was written as (what the model uses). */
  readonly reads: readonly { readonly text: string; readonly slot: Slot; readonly span: OffsetRange }[];
  /**
   * The values a person needs to see why a condition held, as written: each name, except that a
   * history function (`prev(score)`, `delta(usage)`) is shown whole, with its own value. Only
   * playbook conditions collect them (nothing else is explained).
   */
  readonly explain: readonly { readonly text: string; readonly expr: TypedExpr }[];
}
