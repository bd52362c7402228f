import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatCount, plural } from '../format.js';
import { theme } from '../styles/theme.js';
import type { BadRow, DataInfo, Preview } from '../worker/protocol.js';

/**
 * What the data held: rows, columns the model needs and the file lacks, and the bad rows, each
 * with its row number, line and field. Bad rows are listed, never fatal: the others are scored.
 */
@customElement('vitals-data-summary')
export class VitalsDataSummary extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      ul {
        margin: 4px 0 0;
        padding-left: 18px;
        max-height: 160px;
        overflow: auto;
      }
      .error {
        color: var(--error);
      }
      .read-error {
        white-space: pre-line;
      }
      code {
        font-size: 12px;
      }
    `,
  ];

  @property({ attribute: false }) data: DataInfo | null = null;
  @property({ attribute: false }) preview: Preview | null = null;

  protected override render() {
    const data = this.data;
    if (data === null) return html`<h2>Data</h2><p class="muted">No data loaded.</p>`;
    const preview = this.preview;
    return html`
      <h2>Data</h2>
      ${data.error === null ? nothing : html`<p class="error read-error" role="alert">${data.error}</p>`}
      <p><b>${data.name}</b>: ${plural(data.rows, 'row')}${data.error === null ? '' : ' before it'}, ${plural(data.columns.length, 'column')}.</p>
      ${preview === null || preview.missingColumns.length === 0
        ? nothing
        : html`<p class="warning" role="status">
            The data has no column for ${preview.missingColumns.map((c, i) => html`${i > 0 ? ', ' : ''}<code>${c.column}</code>${c.suggestion === null ? '' : html` (did you mean <code>${c.suggestion}</code>?)`}`)}: every row reads ${preview.missingColumns.length === 1 ? 'it' : 'them'} as missing.
          </p>`}
      ${preview === null || preview.badRowCount === 0 ? nothing : this.badRows(preview.badRows, preview.badRowCount)}
    `;
  }

  private badRows(rows: readonly BadRow[], total: number) {
    return html`<p class="error">${plural(total, 'bad row')} not scored${total > rows.length ? html` (the first ${formatCount(rows.length)} problems listed)` : nothing}:</p>
      <ul aria-label="Bad rows">
        ${rows.map((r) => html`<li>row ${r.row}${r.line === null ? '' : ` (line ${r.line})`}${r.field === null ? '' : html`, field <code>${r.field}</code>`}: ${r.message} <span class="muted">[${r.code}]</span></li>`)}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-data-summary': VitalsDataSummary;
  }
}
