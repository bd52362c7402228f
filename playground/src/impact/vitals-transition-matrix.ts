import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { BandPlan, MatrixState, TransitionMatrix } from '@vitals/core';
import { bandColours } from '../charts/chart.js';
import { formatCount } from '../format.js';
import { theme } from '../styles/theme.js';

/**
 * The band transition matrix of an impact: accounts in each state before (rows) and after
 * (columns), the core's counts as they are. Off the diagonal are the accounts that move; cells are
 * shaded by their share of the largest, better moves green and worse red.
 */
@customElement('vitals-transition-matrix')
export class VitalsTransitionMatrix extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        overflow-x: auto;
      }
      table {
        width: auto;
      }
      td {
        text-align: right;
        font-variant-numeric: tabular-nums;
        min-width: 4.5em;
      }
      td.same {
        font-weight: 600;
      }
      th[scope='row'],
      th[scope='col'] {
        white-space: nowrap;
      }
      .swatch {
        display: inline-block;
        width: 10px;
        height: 10px;
        border-radius: 2px;
        margin-right: 5px;
      }
      caption {
        text-align: left;
        color: var(--muted);
        padding-bottom: 4px;
      }
    `,
  ];

  @property({ attribute: false }) matrix: TransitionMatrix | null = null;
  /** The bands of the model after the change (for colours and titles). */
  @property({ attribute: false }) bands: BandPlan | null = null;

  protected override render() {
    const m = this.matrix;
    if (m === null) return html``;
    const largest = Math.max(1, ...m.counts.flatMap((row, i) => row.filter((_, j) => !same(m.from[i], m.to[j]))));
    return html`<table>
      <caption>Accounts by band before (rows) and after (columns)</caption>
      <thead>
        <tr><th scope="col">before ↓ after →</th>${m.to.map((s) => html`<th scope="col">${this.label(s)}</th>`)}</tr>
      </thead>
      <tbody>
        ${m.from.map(
          (from, i) => html`<tr>
            <th scope="row">${this.label(from)}</th>
            ${m.to.map((to, j) => {
              const count = m.counts[i]?.[j] ?? 0;
              const diagonal = same(from, to);
              const direction = this.direction(from, to);
              const shade = diagonal || count === 0 ? 'transparent' : `rgba(${direction > 0 ? '46,125,50' : '198,40,40'}, ${0.12 + 0.5 * (count / largest)})`;
              return html`<td class=${diagonal ? 'same' : ''} style=${styleMap({ background: shade })} aria-label="${formatCount(count)} from ${this.text(from)} to ${this.text(to)}">${count === 0 ? '·' : formatCount(count)}</td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private label(state: MatrixState) {
    if (state.status !== 'scored' || state.band === null) return html`<span class="muted">${state.status}</span>`;
    const bands = this.bands;
    const i = bands?.names.indexOf(state.band) ?? -1;
    const colour = bands === null || i < 0 ? '#9aa4b2' : bandColours(bands)[i];
    return html`<span class="swatch" style=${styleMap({ background: colour })}></span>${bands?.titles[i] ?? state.band}`;
  }

  private text(state: MatrixState): string {
    return state.status === 'scored' ? (state.band ?? '') : state.status;
  }

  /** +1 when moving to a better band, -1 to a worse one (or out of being scored). */
  private direction(from: MatrixState, to: MatrixState): number {
    const names = this.bands?.names ?? [];
    const rank = (s: MatrixState) => (s.status === 'scored' && s.band !== null ? names.indexOf(s.band) : -1);
    return Math.sign(rank(to) - rank(from));
  }
}

function same(a: MatrixState | undefined, b: MatrixState | undefined): boolean {
  return a !== undefined && b !== undefined && a.status === b.status && a.band === b.band;
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-transition-matrix': VitalsTransitionMatrix;
  }
}
