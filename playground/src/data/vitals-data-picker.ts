import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatOfName } from '@vitals/data';
import { DataPickEvent, ExamplePickEvent } from '../events.js';
import { theme } from '../styles/theme.js';
import { EXAMPLES } from './examples.js';

/** Files larger than this are refused before they are read: the browser would hold them whole. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/**
 * Picks what to score: a bundled example (its model and sample data) or the person's own data
 * file, chosen or dropped. Emits `vitals-example-pick` or `vitals-data-pick`; reads nothing itself
 * beyond the file's text (the worker parses it).
 */
@customElement('vitals-data-picker')
export class VitalsDataPicker extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 8px;
        flex-wrap: wrap;
      }
      label {
        color: var(--muted);
      }
      select {
        border: 1px solid var(--line);
        border-radius: 6px;
        padding: 4px 6px;
        background: var(--surface);
        max-width: 14em;
      }
      .drop {
        border: 1px dashed var(--line);
        border-radius: 6px;
        padding: 3px 10px;
        color: var(--muted);
      }
      :host([dragging]) .drop {
        border-color: var(--accent);
        background: var(--accent-soft);
        color: var(--accent);
      }
      .error {
        color: var(--error);
      }
      input[type='file'] {
        display: none;
      }
    `,
  ];

  /** The example whose model is loaded (shown as selected). */
  @property() example = '';
  @property({ type: Boolean, reflect: true }) dragging = false;
  @state() private problem: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // The whole page takes a dropped file: aiming at a small target is needless work.
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('drop', this.onDrop);
  }

  protected override render() {
    return html`
      <label for="example">Example</label>
      <select id="example" @change=${this._onExample} aria-describedby="example-help">
        ${EXAMPLES.map((e) => html`<option value=${e.id} ?selected=${e.id === this.example} title=${e.description}>${e.title}</option>`)}
      </select>
      <span id="example-help" hidden>Loads the example's model and its sample data.</span>
      <button @click=${() => this.fileInput.click()} title="Score your own accounts: a CSV, TSV, NDJSON or JSON file, read in this browser only">Upload data…</button>
      <input type="file" accept=".csv,.tsv,.ndjson,.jsonl,.json,text/csv,text/tab-separated-values,application/x-ndjson,application/json" @change=${this._onFile} aria-label="Data file (CSV, TSV, NDJSON or JSON)" />
      <span class="drop" aria-hidden="true" title="Drop a CSV, TSV, NDJSON or JSON file anywhere on the page">or drop a file</span>
      ${this.problem === null ? '' : html`<span class="error" role="alert">${this.problem}</span>`}
    `;
  }

  private get fileInput(): HTMLInputElement {
    return this.renderRoot.querySelector('input[type=file]') as HTMLInputElement;
  }

  private _onExample(event: Event): void {
    this.dispatchEvent(new ExamplePickEvent((event.target as HTMLSelectElement).value));
  }

  private _onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file !== undefined) void this.read(file);
    input.value = '';
  }

  private readonly onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (event.relatedTarget === null) this.dragging = false;
  };

  private readonly onDrop = (event: DragEvent): void => {
    const file = event.dataTransfer?.files[0];
    if (file === undefined) return;
    event.preventDefault();
    this.dragging = false;
    void this.read(file);
  };

  private async read(file: File): Promise<void> {
    this.problem = null;
    if (formatOfName(file.name) === undefined) {
      this.problem = `${file.name}: expected a .csv, .tsv, .ndjson, .jsonl or .json file (save a spreadsheet as CSV first)`;
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      this.problem = `${file.name} is ${Math.round(file.size / 1048576)} MB: the playground reads files up to ${MAX_UPLOAD_BYTES / 1048576} MB (use \`vitals report\` for larger ones)`;
      return;
    }
    this.dispatchEvent(new DataPickEvent(file.name, new Uint8Array(await file.arrayBuffer())));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-data-picker': VitalsDataPicker;
  }
}
