import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/codes.js';
import type { Expr } from '../expr/ast.js';
import type { OffsetRange } from '../position/span.js';
import type { ExpressionContext, ModelScope } from './scope.js';
import type { CheckedExpression, TypedExpr } from './typed-expr.js';

/** What every node checker gets: the scope, a way to report, and the recursion. */
export interface ExpressionChecker {
  readonly context: ExpressionContext;
  readonly scope: ModelScope;
  readonly text: string;
  check(node: Expr): TypedExpr;
  report<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], range: OffsetRange): void;
  /** The source text of a node, for messages that quote the author. */
  source(node: Expr): string;
  /** Numbers `prev()` calls across the whole model, so each has its own slot of history. */
  nextHistorySite(): number;
  readonly reads: CheckedExpression['reads'][number][];
  readonly explain: CheckedExpression['explain'][number][];
  /** Inside `prev()`, `delta()` or `pct_change()`: names there are explained by the call as a whole. */
  historyDepth: number;
}
