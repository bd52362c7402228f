import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DOMINANT_BAND_SHARE, type DistributionSummary, type Plan } from '@vitals/core';
import { styleMap } from 'lit/directives/style-map.js';
import { bandColours, bandIndex } from '../charts/chart.js';
import '../charts/vitals-bar-chart.js';
import '../charts/vitals-histogram.js';
import { formatCount, formatPercent, formatScore, plural } from '../format.js';
import { theme } from '../styles/theme.js';
import type { Preview } from '../worker/protocol.js';
import './vitals-benchmark-table.js';

/**
 * The live preview: the distribution of the current model on the current data, every number from
 * the core's distribution summary. `stale` greys it out: the model has changed since and has
 * errors, so this is the last preview that compiled.
 */
@customElement('vitals-preview')
export class VitalsPreview extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(330px, 1fr));
        gap: 12px;
        transition: opacity 0.15s;
      }
      :host([stale]) .grid,
      :host([stale]) .stats {
        opacity: 0.45;
        filter: grayscale(0.9);
      }
      .wide {
        grid-column: 1 / -1;
      }
      .stats {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 18px;
        margin: 0 0 12px;
      }
      .stat b {
        display: block;
        font-size: 20px;
        font-variant-numeric: tabular-nums;
      }
      .stat span {
        color: var(--muted);
        font-size: 12px;
      }
      .alert,
      .warning {
        margin: 0 0 12px;
      }
      .pulse b {
        font-size: 20px;
      }
      .empty {
        color: var(--muted);
      }
    `,
  ];

  @property({ attribute: false }) preview: Preview | null = null;
  @property({ type: Boolean, reflect: true }) stale = false;

  protected override render() {
    const p = this.preview;
    if (p === null) return html`<p class="empty">Scoring…</p>`;
    const { summary, plan } = p;
    return html`
      ${this.stale ? html`<p class="alert" role="status">The model has errors (see Problems): showing the last preview that compiled.</p>` : nothing}
      ${this.stats(p)}
      ${dominantWarning(summary)}
      <div class="grid">
        <section class="card wide" aria-labelledby="h-hist">
          <h2 id="h-hist">Overall score</h2>
          <vitals-histogram .bins=${summary.histogram} .bands=${plan.bands} unit="accounts"></vitals-histogram>
        </section>
        <section class="card" aria-labelledby="h-bands">
          <h2 id="h-bands">Band shares</h2>
          ${this.bandShares(summary, plan)}
        </section>
        <section class="card" aria-labelledby="h-cat">
          <h2 id="h-cat">Category averages</h2>
          ${this.categories(summary, plan)}
        </section>
        ${summary.belowBenchmark.length === 0 ? nothing : html`<section class="card" aria-labelledby="h-bench"><h2 id="h-bench">Below stage benchmark</h2><vitals-benchmark-table .groups=${summary.belowBenchmark}></vitals-benchmark-table></section>`}
        ${summary.playbooks.length === 0 ? nothing : this.playbooks(summary)}
        ${plan.pulse === null ? nothing : this.pulses(summary)}
      </div>
    `;
  }

  private stats(p: Preview) {
    const { counts, summary } = p;
    const s = summary.stats;
    const items: [string, string][] = [
      [formatCount(counts.accounts), counts.rows === counts.accounts ? 'accounts' : `accounts (${formatCount(counts.rows)} snapshots)`],
      [formatCount(summary.scored), 'scored'],
      [formatCount(summary.unscored), 'unscored'],
      [formatCount(counts.invalid), 'bad rows'],
    ];
    if (s !== null) items.push([formatScore(s.mean, p.plan.precision), 'mean score'], [formatScore(s.median, p.plan.precision), 'median'], [`${formatScore(s.p10, p.plan.precision)}–${formatScore(s.p90, p.plan.precision)}`, 'p10–p90']);
    return html`<div class="stats" role="group" aria-label="Summary">${items.map(([value, label]) => html`<div class="stat"><b>${value}</b><span>${label}</span></div>`)}</div>`;
  }

  private bandShares(summary: DistributionSummary, plan: Plan) {
    const colours = bandColours(plan.bands);
    return html`<vitals-bar-chart
      label="Share of scored accounts in each band"
      .labels=${summary.bands.map((b) => `${b.title ?? b.name} (${formatCount(b.count)})`)}
      .values=${summary.bands.map((b) => Math.round(b.share * 1000) / 10)}
      .colours=${colours}
      .min=${0}
      .max=${100}
      valueTitle="% of scored accounts"
      .format=${(v: number) => `${v}%`}
    ></vitals-bar-chart>`;
  }

  private categories(summary: DistributionSummary, plan: Plan) {
    const colours = summary.categories.map((c) => {
      const category = plan.categories.find((x) => x.key === c.key);
      if (category === undefined || c.mean === null) return '#9aa4b2';
      return bandColours(category.bands)[bandIndex(category.bands, c.mean)] as string;
    });
    return html`<vitals-bar-chart
      label="Mean score of each category, coloured by the category's band"
      .labels=${summary.categories.map((c) => c.title ?? c.key)}
      .values=${summary.categories.map((c) => (c.mean === null ? null : Number(formatScore(c.mean, plan.precision))))}
      .colours=${colours}
      .min=${plan.scale.min}
      .max=${plan.scale.max}
      valueTitle="mean score"
    ></vitals-bar-chart>`;
  }

  private playbooks(summary: DistributionSummary) {
    const height = `${Math.max(120, summary.playbooks.length * 30 + 50)}px`;
    return html`<section class="card" aria-labelledby="h-play">
      <h2 id="h-play">Playbooks triggered</h2>
      <vitals-bar-chart
        style=${styleMap({ '--chart-height': height })}
        label="Accounts on which each playbook fires"
        .labels=${summary.playbooks.map((p) => p.title ?? p.key)}
        .values=${summary.playbooks.map((p) => p.fired)}
        colours="#6a3fb5"
        valueTitle="accounts"
      ></vitals-bar-chart>
    </section>`;
  }

  private pulses(summary: DistributionSummary) {
    const { present, stale } = summary.pulses;
    return html`<section class="card pulse" aria-labelledby="h-pulse">
      <h2 id="h-pulse">CSM pulse</h2>
      <p><b>${formatCount(stale)}</b> of ${plural(present, 'pulse')} stale${present > 0 ? html` (${formatPercent(stale / present)})` : nothing}.</p>
      <p class="muted">A stale pulse is older than its shelf life: the account needs a CSM's fresh read.</p>
    </section>`;
  }
}

function dominantWarning(summary: DistributionSummary) {
  const top = summary.dominantBand;
  if (top === null) return nothing;
  return html`<p class="warning" role="status">
    <strong>${Math.round(top.share * 100)}% of scored accounts are ${top.title ?? top.name}.</strong> When most accounts share one band the score does not tell them apart (above ${Math.round(DOMINANT_BAND_SHARE * 100)}% is flagged): revisit the band thresholds or the metrics' ranges.
  </p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-preview': VitalsPreview;
  }
}
