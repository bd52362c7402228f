import { compileModel, type CompileOptions, type HealthModel } from '../../api/compile-model.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { EditIssue } from '../../edit/edit-issues.js';
import { editModel, type ModelEdit } from '../../edit/edit-model.js';

/** A model with edits applied: its new text and the compiled model, or why not. */
export interface EditedModel {
  /** The edited text (undefined when an edit could not be applied). */
  readonly text: string | undefined;
  /** Undefined when an edit could not be applied or the edited model has errors. */
  readonly model: HealthModel | undefined;
  /** Problems with the edits themselves (a path that leads nowhere, a value that is not YAML). */
  readonly issues: readonly EditIssue[];
  /** The edited model's diagnostics, placed in the edited text (errors: what the values broke). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Edits a model's text and compiles the result: a simulated change, a sweep point, a knob moved. */
export function editedModel(source: string, edits: readonly ModelEdit[], options: CompileOptions = {}): EditedModel {
  const edited = editModel(source, edits);
  if (edited.value === undefined) return { text: undefined, model: undefined, issues: edited.issues, diagnostics: [] };
  const { model, diagnostics } = compileModel(edited.value, options);
  return { text: edited.value, model: hasErrors(diagnostics) ? undefined : model, issues: [], diagnostics };
}
