import { checkModel, type CheckedModel } from '../check/check-model.js';
import { modelToPlan } from '../compile/model-to-plan.js';
import { planColumns, type ColumnUse } from '../compile/plan-columns.js';
import type { Plan } from '../compile/plan.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseModelExpressions } from '../expr/parse-model-expressions.js';
import type { SourceDocument } from '../load/source-document.js';
import { yamlToDocument } from '../load/yaml-to-document.js';
import { createLocator } from '../position/locator.js';
import { validateDocument } from '../schema/validate-document.js';

/**
 * Model text → every diagnostic, without planning or compiling it: what `vitals check` shows and
 * an editor needs on every keystroke. The no-throw path of every stage that can find a mistake.
 */
export function checkModelText(source: string | Uint8Array, file = 'model.yaml'): { checked: CheckedModel | undefined; diagnostics: Diagnostic[] } {
  const { checked, diagnostics } = checkSource(source, file);
  return { checked, diagnostics };
}

/**
 * Model text → plan (and the columns it reads, placed in the file), or every diagnostic. The
 * no-throw path of every stage before evaluation.
 */
export function planModel(source: string | Uint8Array, file = 'model.yaml'): { plan: Plan | undefined; diagnostics: Diagnostic[]; columns: ColumnUse[] } {
  const { checked, diagnostics, doc } = checkSource(source, file);
  if (checked === undefined || doc === undefined) return { plan: undefined, diagnostics, columns: [] };
  const plan = modelToPlan(checked);
  const locate = createLocator(doc);
  const columns = planColumns(plan, (pointer, part) => (part === 'key' ? locate.key(pointer) : locate.value(pointer)));
  return { plan, diagnostics, columns };
}

function checkSource(source: string | Uint8Array, file: string): { checked: CheckedModel | undefined; diagnostics: Diagnostic[]; doc?: SourceDocument } {
  const loaded = yamlToDocument(source, file);
  if (loaded.value === undefined) return { checked: undefined, diagnostics: sortDiagnostics(loaded.diagnostics) };
  const doc = loaded.value;
  const shaped = validateDocument(doc);
  const diagnostics = [...loaded.diagnostics, ...shaped.diagnostics];
  if (shaped.value === undefined) return { checked: undefined, diagnostics: sortDiagnostics(diagnostics), doc };
  const expressions = parseModelExpressions(shaped.value, doc);
  const checked = checkModel(shaped.value, expressions.value, doc, shaped.omitted);
  diagnostics.push(...expressions.diagnostics, ...checked.diagnostics);
  return { checked: hasErrors(diagnostics) ? undefined : checked.value, diagnostics: sortDiagnostics(diagnostics), doc };
}
