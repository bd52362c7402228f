import type { PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Diagnostic } from '@vitals/core';
import { ModelChangeEvent } from '../events.js';
import { MonacoHost } from './monaco-host.js';
import { MODEL_URI, monaco } from './monaco.js';

/**
 * The model editor: Monaco with YAML highlighting, schema completion and hover (monaco-yaml), and
 * the compiler's diagnostics as markers. Emits `vitals-model-change` on every edit.
 */
@customElement('vitals-editor')
export class VitalsEditor extends MonacoHost {
  /** The text to show; setting it replaces the editor's content (an example was picked). */
  @property() value = '';
  @property({ attribute: false }) diagnostics: readonly Diagnostic[] = [];

  private editor: monaco.editor.IStandaloneCodeEditor | undefined;
  private model: monaco.editor.ITextModel | undefined;

  protected override firstUpdated(): void {
    this.model = monaco.editor.getModel(monaco.Uri.parse(MODEL_URI)) ?? monaco.editor.createModel(this.value, 'yaml', monaco.Uri.parse(MODEL_URI));
    this.model.setValue(this.value);
    this.editor = monaco.editor.create(this.host, {
      model: this.model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      renderWhitespace: 'selection',
      fixedOverflowWidgets: true,
      ariaLabel: 'Health model (YAML). Alt+F1: accessibility help; F8: next problem; Ctrl+M: let Tab move the focus out of the editor.',
    });
    this.model.onDidChangeContent(() => {
      this.dispatchEvent(new ModelChangeEvent(this.model?.getValue() ?? ''));
    });
    this.showMarkers();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.model !== undefined && this.model.getValue() !== this.value) this.model.setValue(this.value);
    if (changed.has('diagnostics')) this.showMarkers();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.editor?.dispose();
    this.editor = undefined;
  }

  /** The text as edited now. */
  get text(): string {
    return this.model?.getValue() ?? this.value;
  }

  /** The markers Monaco shows now (what a person sees as squiggles), 1-based like the diagnostics. */
  markers(): { line: number; column: number; endLine: number; endColumn: number; message: string; severity: 'error' | 'warning' | 'info' }[] {
    if (this.model === undefined) return [];
    return monaco.editor.getModelMarkers({ resource: this.model.uri }).map((m) => ({
      line: m.startLineNumber,
      column: m.startColumn,
      endLine: m.endLineNumber,
      endColumn: m.endColumn,
      message: m.message,
      severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : m.severity === monaco.MarkerSeverity.Warning ? 'warning' : 'info',
    }));
  }

  /** Replaces the whole text as one edit the person can undo (Simulate's "Apply to the model"). */
  replaceText(text: string): void {
    const model = this.model;
    if (model === undefined || model.getValue() === text) return;
    this.editor?.pushUndoStop();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    this.editor?.pushUndoStop();
  }

  /** The cursor's place. */
  get position(): { line: number; column: number } | null {
    const p = this.editor?.getPosition();
    return p === null || p === undefined ? null : { line: p.lineNumber, column: p.column };
  }

  /** Moves the cursor to a place and shows it (a problem was chosen in the list). */
  reveal(line: number, column: number): void {
    this.editor?.setPosition({ lineNumber: line, column });
    this.editor?.revealPositionInCenter({ lineNumber: line, column });
    this.editor?.focus();
  }

  private showMarkers(): void {
    if (this.model === undefined) return;
    monaco.editor.setModelMarkers(this.model, 'vitals', this.diagnostics.map(toMarker));
  }
}

function toMarker(d: Diagnostic): monaco.editor.IMarkerData {
  const severity = d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
  const empty = d.endLine === d.line && d.endColumn <= d.column;
  return {
    severity,
    message: d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}`,
    code: d.code,
    source: 'vitals',
    startLineNumber: d.line,
    startColumn: d.column,
    endLineNumber: d.endLine,
    // A zero-width span (a missing token) still gets a visible squiggle.
    endColumn: empty ? d.column + 1 : d.endColumn,
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-editor': VitalsEditor;
  }
}
