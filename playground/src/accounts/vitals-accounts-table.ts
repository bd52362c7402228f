import '@lit-labs/virtualizer';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { BandPlan } from '@vitals/core';
import { bandColours } from '../charts/chart.js';
import { AccountOpenEvent } from '../events.js';
import { formatCount, formatScore } from '../format.js';
import { theme } from '../styles/theme.js';
import type { AccountsTable } from '../worker/protocol.js';
import { distinct, queryRows, statusOf, type RowQuery, type SortColumn } from './account-rows.js';

const COLUMNS: readonly { readonly key: SortColumn; readonly title: string; readonly numeric: boolean }[] = [
  { key: 'id', title: 'Account', numeric: false },
  { key: 'score', title: 'Score', numeric: true },
  { key: 'band', title: 'Band', numeric: false },
  { key: 'stage', title: 'Stage', numeric: false },
  { key: 'segment', title: 'Segment', numeric: false },
  { key: 'gap', title: 'Gap', numeric: true },
  { key: 'pulseAge', title: 'Pulse age', numeric: true },
  { key: 'playbooks', title: 'Playbooks', numeric: true },
];

/**
 * Every account at its latest snapshot: sortable by any column, filterable by band, stage, segment
 * and id, virtualised (only the rows in view are in the page, so 100,000 accounts scroll
 * smoothly). Choosing a row (click, Enter or Space) emits `vitals-account-open`.
 */
@customElement('vitals-accounts-table')
export class VitalsAccountsTable extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .filters {
        display: flex;
        gap: 10px;
        flex-wrap: wrap;
        align-items: center;
        margin-bottom: 8px;
      }
      .filters select,
      .filters input {
        border: 1px solid var(--line);
        border-radius: 6px;
        padding: 3px 6px;
        background: var(--surface);
      }
      .grid-row {
        display: grid;
        grid-template-columns: minmax(8em, 2fr) 5.5em 7em minmax(5em, 1fr) minmax(6em, 1fr) 5em 6.5em 6.5em;
        align-items: center;
        width: 100%;
        border-bottom: 1px solid var(--line);
        min-height: 30px;
      }
      .grid-row > * {
        padding: 0 8px;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .head {
        background: var(--canvas);
        font-size: 12px;
        color: var(--muted);
      }
      .head button {
        border: 0;
        background: none;
        padding: 6px 8px;
        font-weight: 600;
        width: 100%;
        text-align: inherit;
      }
      .table {
        flex: 1;
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .body {
        flex: 1;
        min-height: 240px;
        display: flex;
        border: 1px solid var(--line);
        border-top: 0;
      }
      lit-virtualizer {
        flex: 1;
        width: 100%;
        height: 100%;
      }
      .row {
        cursor: pointer;
      }
      .row:hover,
      .row:focus {
        background: var(--accent-soft);
        outline: none;
      }
      .row:focus-visible {
        outline: 2px solid var(--accent);
        outline-offset: -2px;
      }
      .swatch {
        display: inline-block;
        width: 10px;
        height: 10px;
        border-radius: 2px;
        margin-right: 6px;
        vertical-align: -1px;
      }
      .neg {
        color: var(--error);
      }
      .num {
        text-align: right;
      }
    `,
  ];

  @property({ attribute: false }) table: AccountsTable | null = null;
  @property({ attribute: false }) bands: BandPlan | null = null;
  @property({ type: Number }) precision = 2;
  @state() private query: RowQuery = { sort: 'score', descending: false, band: null, stage: null, segment: null, search: '' };
  @state() private rows: number[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('table') || changed.has('query')) this.rows = this.table === null ? [] : queryRows(this.table, this.query);
  }

  protected override render() {
    const table = this.table;
    if (table === null || this.bands === null) return html`<p class="muted">No accounts scored yet.</p>`;
    return html`
      ${this.filters(table, this.bands)}
      <div class="table" role="table" aria-label="Accounts" aria-rowcount=${this.rows.length + 1}>
        <div role="rowgroup"><div class="grid-row head" role="row" aria-rowindex="1">${COLUMNS.map((c) => this.header(c))}</div></div>
        <div class="body" role="rowgroup">
          <lit-virtualizer scroller .items=${this.rows} .renderItem=${(i: number, position: number) => this.row(table, i, position)}></lit-virtualizer>
        </div>
      </div>
    `;
  }

  private filters(table: AccountsTable, bands: BandPlan) {
    const select = (label: string, key: 'stage' | 'segment', values: readonly string[]) =>
      values.length === 0
        ? nothing
        : html`<label>${label} <select aria-label=${label} @change=${(e: Event) => this.filter({ [key]: (e.target as HTMLSelectElement).value || null })}>
            <option value="">all</option>
            ${values.map((v) => html`<option ?selected=${this.query[key] === v}>${v}</option>`)}
          </select></label>`;
    return html`<div class="filters" role="search">
      <label>Band <select aria-label="Band" @change=${(e: Event) => this.filter({ band: (e.target as HTMLSelectElement).value === '' ? null : Number((e.target as HTMLSelectElement).value) })}>
        <option value="">all</option>
        ${bands.names.map((name, i) => html`<option value=${i} ?selected=${this.query.band === i}>${bands.titles[i] ?? name}</option>`)}
      </select></label>
      ${select('Stage', 'stage', distinct(table.stage))} ${select('Segment', 'segment', distinct(table.segment))}
      <input type="search" placeholder="Find an account…" aria-label="Find an account by id" .value=${this.query.search} @input=${(e: Event) => this.filter({ search: (e.target as HTMLInputElement).value })} />
      <span class="muted" role="status">${formatCount(this.rows.length)} of ${formatCount(table.ids.length)} accounts</span>
    </div>`;
  }

  private header(column: (typeof COLUMNS)[number]) {
    const sorted = this.query.sort === column.key;
    const direction = sorted ? (this.query.descending ? 'descending' : 'ascending') : 'none';
    return html`<div role="columnheader" aria-sort=${direction} class=${column.numeric ? 'num' : ''}>
      <button @click=${() => this.sortBy(column.key)} title="Sort by ${column.title.toLowerCase()}${column.key === 'gap' ? ' (score − stage benchmark)' : column.key === 'pulseAge' ? ' (days)' : ''}">${column.title}${sorted ? (this.query.descending ? ' ▼' : ' ▲') : ''}</button>
    </div>`;
  }

  private row(table: AccountsTable, i: number, position: number) {
    const bands = this.bands as BandPlan;
    const band = table.band[i] as number;
    const status = statusOf(table, i);
    const gap = table.gap[i] as number;
    const open = () => this.dispatchEvent(new AccountOpenEvent(table.ids[i] as string));
    const onKey = (e: KeyboardEvent) => this.onRowKey(e, open);
    return html`<div class="grid-row row" role="row" tabindex="0" aria-rowindex=${position + 2} @click=${open} @keydown=${onKey}>
      <span role="cell" title=${table.ids[i] as string}>${table.ids[i]}</span>
      <span role="cell" class="num">${status === 'scored' ? formatScore(table.score[i], this.precision) : html`<span class="muted">${status}</span>`}</span>
      <span role="cell">${band < 0 ? '' : html`<span class="swatch" style=${styleMap({ background: bandColours(bands)[band] })}></span>${bands.titles[band] ?? bands.names[band]}`}</span>
      <span role="cell">${table.stage[i] ?? ''}</span>
      <span role="cell">${table.segment[i] ?? ''}</span>
      <span role="cell" class="num ${gap < 0 ? 'neg' : ''}">${Number.isNaN(gap) ? '' : formatScore(gap, this.precision)}</span>
      <span role="cell" class="num">${Number.isNaN(table.pulseAge[i] as number) ? '' : `${table.pulseAge[i]}${table.stale[i] === 1 ? ' (stale)' : ''}`}</span>
      <span role="cell" class="num">${table.playbooks[i] || ''}</span>
    </div>`;
  }

  /** Enter or Space opens the account; the arrow keys move between rows. */
  private onRowKey(event: KeyboardEvent, open: () => void): void {
    const row = event.currentTarget as HTMLElement;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
      next?.focus();
      next?.scrollIntoView({ block: 'nearest' });
    }
  }

  private sortBy(column: SortColumn): void {
    this.query = { ...this.query, sort: column, descending: this.query.sort === column ? !this.query.descending : column === 'playbooks' || column === 'pulseAge' };
  }

  private filter(change: Partial<RowQuery>): void {
    this.query = { ...this.query, ...change };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-accounts-table': VitalsAccountsTable;
  }
}
