import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describeChange, type BandPlan, type Impact } from '@vitals/core';
import { formatCount, formatScore } from '../format.js';
import { theme } from '../styles/theme.js';
import './vitals-transition-matrix.js';

/**
 * What a change does, in the terms of `vitals diff`: the changes of meaning, how many accounts
 * change band and the band transition matrix, who moved most and why (the metric that moved each),
 * the playbooks that start or stop, the accounts that cross their benchmark and the ones that stop
 * being scored. All of it from the core's impact; Simulate and Compare both render it here.
 */
@customElement('vitals-impact-summary')
export class VitalsImpactSummary extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 12px;
      }
      section {
        min-width: 0;
        overflow-x: auto;
      }
      ul {
        margin: 0;
        padding-left: 18px;
      }
      code {
        font-size: 12px;
      }
      .up {
        color: #2e7d32;
      }
      .down {
        color: var(--error);
      }
    `,
  ];

  @property({ attribute: false }) impact: Impact | null = null;
  /** The bands after the change: colours and titles. */
  @property({ attribute: false }) bands: BandPlan | null = null;
  /** The model's precision, for scores. */
  @property({ type: Number }) precision = 2;
  /** Show the list of changes of meaning (Compare shows it; Simulate knows what it moved). */
  @property({ type: Boolean }) changes = false;

  protected override render() {
    const impact = this.impact;
    if (impact === null) return nothing;
    const d = impact.data;
    return html`
      ${this.changes ? this.changeList(impact) : nothing}
      <section class="card" aria-labelledby="h-transitions">
        <h2 id="h-transitions">Band transitions</h2>
        <p class="headline">
          <b>${formatCount(d.band_changes.changed)}</b> of ${formatCount(d.compared)} ${d.unit === 'account' ? 'accounts' : 'rows'} change band
          (${formatCount(d.band_changes.better)} better, ${formatCount(d.band_changes.worse)} worse)${d.score_changes.mean_change === null || d.score_changes.changed === 0 ? '; no score moves' : `; ${formatCount(d.score_changes.changed)} scores move, the mean by ${signed(d.score_changes.mean_change, this.precision)} points`}.
        </p>
        <vitals-transition-matrix .matrix=${d.transitions} .bands=${this.bands}></vitals-transition-matrix>
      </section>
      ${d.movers.length === 0 ? nothing : this.movers(impact)}
      ${this.playbooks(impact)}
      ${this.crossings(impact)}
    `;
  }

  private changeList(impact: Impact) {
    const c = impact.change;
    return html`<section class="card" aria-labelledby="h-changes">
      <h2 id="h-changes">Changes of meaning</h2>
      ${c.unchanged
        ? html`<p class="muted">None: the two versions mean the same (layout, comments or the way a formula is written at most).</p>`
        : html`<ul>
            ${c.changes.map((change) => {
              const d = describeChange(change);
              return html`<li>${d.entry}${d.key === null ? '' : html` <code>${d.key}</code>`}: ${d.aspect}${d.before === null && d.after === null ? '' : html` <code>${d.before ?? '—'}</code> → <code>${d.after ?? '—'}</code>`}</li>`;
            })}
          </ul>`}
    </section>`;
  }

  private movers(impact: Impact) {
    return html`<section class="card" aria-labelledby="h-movers">
      <h2 id="h-movers">Largest moves</h2>
      <table>
        <thead><tr><th scope="col">account</th><th scope="col" class="num">before</th><th scope="col" class="num">after</th><th scope="col" class="num">change</th><th scope="col">moved most by</th></tr></thead>
        <tbody>
          ${impact.data.movers.map(
            (m) => html`<tr>
              <td>${m.id ?? `row ${m.row}`}</td>
              <td class="num">${formatScore(m.before.score, this.precision)} ${m.before.band ?? ''}</td>
              <td class="num">${formatScore(m.after.score, this.precision)} ${m.after.band ?? ''}</td>
              <td class="num ${m.change >= 0 ? 'up' : 'down'}">${signed(m.change, this.precision)}</td>
              <td>${m.moved_by === null ? html`<span class="muted">the roll-up</span>` : html`<code>${m.moved_by.metric}</code>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private playbooks(impact: Impact) {
    const moved = impact.data.playbooks.filter((p) => p.started.count > 0 || p.stopped.count > 0 || p.status !== 'unchanged');
    if (moved.length === 0) return nothing;
    return html`<section class="card" aria-labelledby="h-playbooks">
      <h2 id="h-playbooks">Playbooks</h2>
      <table>
        <thead><tr><th scope="col">playbook</th><th scope="col" class="num">fires before</th><th scope="col" class="num">after</th><th scope="col" class="num">starts for</th><th scope="col" class="num">stops for</th></tr></thead>
        <tbody>
          ${moved.map((p) => html`<tr><td>${p.title ?? p.key}${p.status === 'unchanged' ? '' : html` <span class="muted">(${p.status})</span>`}</td><td class="num">${formatCount(p.fired_before)}</td><td class="num">${formatCount(p.fired_after)}</td><td class="num">${formatCount(p.started.count)}</td><td class="num">${formatCount(p.stopped.count)}</td></tr>`)}
        </tbody>
      </table>
    </section>`;
  }

  private crossings(impact: Impact) {
    const { fell_below, rose_above } = impact.data.benchmarks;
    const { became_unscored, became_scored } = impact.data.coverage;
    const lines = [
      fell_below.count > 0 ? `${formatCount(fell_below.count)} fall below their stage benchmark` : '',
      rose_above.count > 0 ? `${formatCount(rose_above.count)} rise above it` : '',
      became_unscored.count > 0 ? `${formatCount(became_unscored.count)} are no longer scored` : '',
      became_scored.count > 0 ? `${formatCount(became_scored.count)} are scored now` : '',
    ].filter((line) => line !== '');
    return lines.length === 0 ? nothing : html`<section class="card"><h2>Benchmarks and coverage</h2><p>${lines.join('; ')}.</p></section>`;
  }
}

function signed(value: number, precision: number): string {
  return `${value > 0 ? '+' : ''}${formatScore(value, precision)}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-impact-summary': VitalsImpactSummary;
  }
}
