import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ModelExpressions } from '../expr/parse-model-expressions.js';
import type { SourceDocument } from '../load/source-document.js';
import { createLocator } from '../position/locator.js';
import { DEFAULT_PRECISION, DEFAULT_SCALE } from '../schema/defaults.js';
import type { ModelSource } from '../schema/model-source.js';
import type { OmittedEntries } from '../schema/validate-document.js';
import { resolveInputs, type InputDeclaration } from './resolve-inputs.js';
import { MODEL_RULES, type RuleContext } from './rules/index.js';
import { typeCheckModel, type TypedModelExpressions } from './type-check-model.js';

/** The output of the check stage: the model as written, with its inputs resolved and its expressions typed. */
export interface CheckedModel {
  readonly source: ModelSource;
  readonly inputs: readonly InputDeclaration[];
  readonly expressions: TypedModelExpressions;
}

export interface CheckResult {
  /** Undefined when any error was found (warnings alone still give a model). */
  readonly value: CheckedModel | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Whether every part of the file reached this stage: nothing dropped by the loader or the schema, every expression parsed. */
function isComplete(doc: SourceDocument, omitted: OmittedEntries, expressions: ModelExpressions): boolean {
  const parsed = [expressions.metricValues, expressions.metricScores, expressions.playbooks].every((group) => Object.values(group).every((e) => e.ast !== undefined && !e.recovered));
  const nothingOmitted = Object.values(omitted).every((names) => names.length === 0);
  return parsed && nothingOmitted && (doc.unreadable ?? []).length === 0 && (doc.dropped ?? []).length === 0;
}

/** Check stage: names, references and types of every expression, then every model rule. */
export function checkModel(source: ModelSource, expressions: ModelExpressions, doc: SourceDocument, omitted?: OmittedEntries): CheckResult {
  const locate = createLocator(doc);
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveInputs(source, locate);
  diagnostics.push(...resolved.diagnostics);
  const left: OmittedEntries = omitted ?? { inputs: [], categories: [], metrics: [], playbooks: [] };
  const broken = new Set([...left.inputs, ...left.metrics, ...left.categories]);
  const typed = typeCheckModel(source, expressions, resolved.inputs, broken, locate);
  diagnostics.push(...typed.diagnostics);
  const ctx: RuleContext = {
    model: source,
    locate,
    inputs: new Map(resolved.inputs.map((input) => [input.name, input])),
    typed: typed.value,
    scale: source.scale ?? DEFAULT_SCALE,
    precision: source.precision ?? DEFAULT_PRECISION,
    omitted: left,
    // A name that did not resolve may be the use of an input or metric that looks unused.
    complete: isComplete(doc, left, expressions) && !hasErrors(diagnostics),
    report: (code, params, span) => diagnostics.push(diagnostic(code, params, span)),
  };
  for (const rule of MODEL_RULES) rule(ctx);
  const value = hasErrors(diagnostics) ? undefined : { source, inputs: resolved.inputs, expressions: typed.value };
  return { value, diagnostics };
}
