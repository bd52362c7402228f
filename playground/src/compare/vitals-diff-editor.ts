import type { PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MonacoHost } from '../editor/monaco-host.js';
import { monaco } from '../editor/monaco.js';

/**
 * Monaco's diff editor: the model as loaded (left) against the model as edited (right), read-only.
 */
@customElement('vitals-diff-editor')
export class VitalsDiffEditor extends MonacoHost {
  @property({ attribute: false }) original = '';
  @property({ attribute: false }) modified = '';

  private editor: monaco.editor.IStandaloneDiffEditor | undefined;
  private models: { original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel } | undefined;

  protected override firstUpdated(): void {
    this.models = { original: monaco.editor.createModel(this.original, 'yaml'), modified: monaco.editor.createModel(this.modified, 'yaml') };
    this.editor = monaco.editor.createDiffEditor(this.host, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      ariaLabel: 'Changes to the model: as loaded, and as edited',
    });
    this.editor.setModel(this.models);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.models === undefined) return;
    if (changed.has('original') && this.models.original.getValue() !== this.original) this.models.original.setValue(this.original);
    if (changed.has('modified') && this.models.modified.getValue() !== this.modified) this.models.modified.setValue(this.modified);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.editor?.dispose();
    this.models?.original.dispose();
    this.models?.modified.dispose();
    this.editor = undefined;
    this.models = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-diff-editor': VitalsDiffEditor;
  }
}
