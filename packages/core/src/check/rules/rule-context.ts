import type { DiagnosticCode, DiagnosticParams } from '../../diagnostics/codes.js';
import type { Locator } from '../../position/locator.js';
import type { Span } from '../../position/span.js';
import type { ModelSource } from '../../schema/model-source.js';
import type { OmittedEntries } from '../../schema/validate-document.js';
import type { InputDeclaration } from '../resolve-inputs.js';
import type { TypedModelExpressions } from '../type-check-model.js';

/** What a model rule may look at, and its one way to speak. */
export interface RuleContext {
  readonly model: ModelSource;
  readonly locate: Locator;
  readonly inputs: ReadonlyMap<string, InputDeclaration>;
  readonly typed: TypedModelExpressions;
  readonly scale: { readonly min: number; readonly max: number };
  readonly precision: number;
  /** Entries the schema stage left out because their shape was wrong. */
  readonly omitted: OmittedEntries;
  /**
   * False when part of the file never reached this stage (an entry left out, an expression that
   * did not parse, a duplicate key): a rule that judges what is *unused* must then stay silent,
   * since the missing part may be what uses it.
   */
  readonly complete: boolean;
  report<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], span: Span): void;
}

/** One semantic check of the whole model. Rules are independent: their order changes nothing. */
export type ModelRule = (ctx: RuleContext) => void;
