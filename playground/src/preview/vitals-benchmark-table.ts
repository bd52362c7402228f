import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { DistributionSummary } from '@vitals/core';
import { formatPercent } from '../format.js';
import { theme } from '../styles/theme.js';

/** Accounts below their stage benchmark, by stage and segment, with the share as a bar. */
@customElement('vitals-benchmark-table')
export class VitalsBenchmarkTable extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
        overflow-x: auto;
      }
      .bar {
        background: var(--canvas);
        border-radius: 3px;
        height: 10px;
        min-width: 36px;
      }
      .bar span {
        display: block;
        height: 100%;
        background: #c62828;
        border-radius: 3px;
      }
    `,
  ];

  @property({ attribute: false }) groups: DistributionSummary['belowBenchmark'] = [];

  protected override render() {
    return html`<table>
      <thead>
        <tr><th scope="col">stage</th><th scope="col">segment</th><th scope="col" class="num">below</th><th scope="col" class="num">of</th><th scope="col" class="num">share</th><th scope="col"><span hidden>bar</span></th></tr>
      </thead>
      <tbody>
        ${this.groups.map((g) => {
          const share = g.of > 0 ? g.below / g.of : 0;
          return html`<tr>
            <td>${g.stage}</td>
            <td>${g.segment ?? html`<span class="muted">any</span>`}</td>
            <td class="num">${g.below}</td>
            <td class="num">${g.of}</td>
            <td class="num">${formatPercent(share)}</td>
            <td><div class="bar" aria-hidden="true"><span style=${styleMap({ width: `${share * 100}%` })}></span></div></td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-benchmark-table': VitalsBenchmarkTable;
  }
}
