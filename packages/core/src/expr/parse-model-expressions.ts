import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { childPointer, type SourceDocument } from '../load/source-document.js';
import { createLocator } from '../position/locator.js';
import type { ModelSource } from '../schema/model-source.js';
import type { Expr } from './ast.js';
import { parseExpression } from './parse-expression.js';

/** One expression of the model, parsed, with the JSON pointer of the YAML scalar it was written in. */
export interface ModelExpression {
  readonly pointer: string;
  readonly text: string;
  /** Undefined when the expression is empty or over a limit (a diagnostic says so). */
  readonly ast: Expr | undefined;
  /**
   * The tree is the parser's guess after a syntax error: its names and enum values are still
   * checked (one mistake should not hide another), but nothing is concluded from its types.
   */
  readonly recovered: boolean;
}

export interface ModelExpressions {
  readonly metricValues: Readonly<Record<string, ModelExpression>>;
  readonly metricScores: Readonly<Record<string, ModelExpression>>;
  readonly playbooks: Readonly<Record<string, ModelExpression>>;
}

/** Expression stage: every formula and condition of the model → AST, with diagnostics placed in the YAML file. */
export function parseModelExpressions(model: ModelSource, doc: SourceDocument): { value: ModelExpressions; diagnostics: Diagnostic[] } {
  const locate = createLocator(doc);
  const diagnostics: Diagnostic[] = [];
  const parse = (pointer: string, text: string): ModelExpression => {
    const parsed = parseExpression(text, (range) => locate.inScalar(pointer, range));
    diagnostics.push(...parsed.diagnostics);
    return { pointer, text, ast: parsed.ast, recovered: parsed.recovered };
  };
  const metricValues = record<ModelExpression>();
  const metricScores = record<ModelExpression>();
  for (const [name, metric] of Object.entries(model.metrics)) {
    const at = childPointer('/metrics', name);
    metricValues[name] = parse(`${at}/value`, metric.value);
    if (typeof metric.score === 'object' && 'expr' in metric.score) metricScores[name] = parse(`${at}/score/expr`, metric.score.expr);
  }
  const playbooks = record<ModelExpression>();
  for (const [name, playbook] of Object.entries(model.playbooks ?? {})) {
    playbooks[name] = parse(`${childPointer('/playbooks', name)}/when`, playbook.when);
  }
  return { value: { metricValues, metricScores, playbooks }, diagnostics };
}

function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
