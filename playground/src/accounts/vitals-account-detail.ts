import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { MetricChange, NextBand, Plan, ScoreResult } from '@vitals/core';
import { bandColours } from '../charts/chart.js';
import '../charts/vitals-bar-chart.js';
import { formatPercent, formatScore } from '../format.js';
import { theme } from '../styles/theme.js';
import type { AccountExplanation } from '../worker/protocol.js';

/**
 * One account's drill-down, what `vitals score --explain` prints: the score and band, each
 * metric's contribution, the benchmark gap and the metrics pulling the account under it, the
 * pulse's age, the playbooks that fire and why, and the smallest change to reach the next band.
 */
@customElement('vitals-account-detail')
export class VitalsAccountDetail extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 12px;
      }
      h1 {
        font-size: 18px;
        margin: 0;
      }
      .headline {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        margin: 6px 0 12px;
      }
      .score {
        font-size: 22px;
        font-weight: 600;
      }
      .pill {
        display: inline-block;
        padding: 1px 8px;
        border-radius: 10px;
        color: #fff;
        font-weight: 600;
      }
      section {
        margin-top: 14px;
      }
      .neg {
        color: var(--error);
      }
      .why {
        color: var(--muted);
        font-size: 13px;
      }
      code {
        font-size: 12px;
      }
      ul {
        padding-left: 18px;
        margin: 4px 0;
      }
      th,
      td {
        padding: 3px 6px;
        font-size: 13px;
      }
    `,
  ];

  @property({ attribute: false }) explanation: AccountExplanation | null = null;
  @property({ attribute: false }) plan: Plan | null = null;

  protected override render() {
    const e = this.explanation;
    const plan = this.plan;
    if (e === null || plan === null) return nothing;
    const r = e.result;
    return html`
      <header>
        <h1 id="title">Account ${e.account}</h1>
        <button @click=${() => this.dispatchEvent(new Event('close', { bubbles: true, composed: true }))} aria-label="Close the drill-down">Close</button>
      </header>
      <p class="muted">${r.as_of === null ? '' : `As of ${r.as_of} · `}row ${e.row}${e.line === null ? '' : `, line ${e.line}`}${e.history.length > 1 ? ` · ${e.history.length} snapshots` : ''}</p>
      ${r.status === 'invalid' ? this.issues(r) : html`${this.headline(r, plan)} ${this.contributions(r, plan)} ${this.metricTable(r, plan)} ${this.lifecycle(r, plan)} ${this.playbooks(r)} ${this.nextBand(e.next_band, plan)}`}
      ${e.history.length > 1 ? this.history(e) : nothing}
    `;
  }

  private headline(r: ScoreResult, plan: Plan) {
    const index = plan.bands.names.indexOf(r.band ?? '');
    if (r.status === 'unscored') return html`<p class="headline">Not scored: ${r.reason ?? 'unknown'} (coverage ${formatPercent(r.coverage)}; missing inputs: ${r.missing_inputs.join(', ') || 'none'})</p>`;
    return html`<div class="headline">
      <span class="score">${formatScore(r.score, plan.precision)}</span>
      <span class="pill" style=${styleMap({ background: bandColours(plan.bands)[index] ?? '#5b6574' })}>${plan.bands.titles[index] ?? r.band}</span>
      <span>coverage ${formatPercent(r.coverage)}</span>
      ${r.stage === null ? nothing : html`<span>stage ${r.stage}${r.segment === null ? '' : `, segment ${r.segment}`}</span>`}
      ${r.benchmark === null ? nothing : html`<span>benchmark ${formatScore(r.benchmark)}, gap <b class=${(r.gap ?? 0) < 0 ? 'neg' : ''}>${formatScore(r.gap)}</b></span>`}
      ${r.change === null || r.change.score === null ? nothing : html`<span>change ${r.change.score >= 0 ? '+' : ''}${formatScore(r.change.score)} since ${r.change.previous_as_of}</span>`}
    </div>`;
  }

  private contributions(r: ScoreResult, plan: Plan) {
    const metrics = plan.metrics.filter((m) => r.metrics[m.key] !== undefined);
    const colour = (key: string) => {
      const m = plan.metrics.find((x) => x.key === key);
      const band = r.metrics[key]?.band ?? null;
      return m === undefined || band === null ? '#9aa4b2' : (bandColours(m.bands)[m.bands.names.indexOf(band)] ?? '#9aa4b2');
    };
    return html`<section aria-labelledby="h-contrib">
      <h2 id="h-contrib">Contribution to the score (points)</h2>
      <vitals-bar-chart
        style=${styleMap({ '--chart-height': `${Math.max(140, metrics.length * 28 + 50)}px` })}
        label="Points of the overall score from each metric, coloured by the metric's band"
        .labels=${metrics.map((m) => `${m.title ?? m.key}`)}
        .values=${metrics.map((m) => r.metrics[m.key]?.contribution ?? null)}
        .colours=${metrics.map((m) => colour(m.key))}
        valueTitle="points of the overall score"
        .format=${(v: number) => `${formatScore(v)} points`}
      ></vitals-bar-chart>
    </section>`;
  }

  private metricTable(r: ScoreResult, plan: Plan) {
    return html`<section aria-labelledby="h-metrics">
      <h2 id="h-metrics">Metrics</h2>
      <table>
        <thead><tr><th scope="col">metric</th><th scope="col" class="num">value</th><th scope="col" class="num">score</th><th scope="col">band</th><th scope="col" class="num">weight</th><th scope="col" class="num">points</th></tr></thead>
        <tbody>
          ${plan.categories.map((category) => {
            const c = r.categories[category.key];
            return html`<tr>
                <th scope="row">${category.title ?? category.key}</th><td></td><td class="num">${formatScore(c?.score)}</td><td>${c?.band ?? ''}</td><td class="num">${formatPercent(c?.weight ?? 0)}</td><td class="num">${formatScore(c?.contribution)}</td>
              </tr>
              ${category.metrics.map((key) => {
                const m = r.metrics[key];
                if (m === undefined) return nothing;
                const value = m.missing ? (m.imputed ? 'missing (imputed)' : 'missing') : formatValue(m.value);
                return html`<tr><td>&nbsp;&nbsp;${key}</td><td class="num">${value}</td><td class="num">${formatScore(m.score)}</td><td>${m.band ?? ''}</td><td class="num">${formatPercent(m.weight)}</td><td class="num">${formatScore(m.contribution)}</td></tr>`;
              })}`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  private lifecycle(r: ScoreResult, plan: Plan) {
    const items = [];
    if (r.benchmark !== null && r.below_benchmark.length > 0) items.push(html`<li>Below the benchmark of ${formatScore(r.benchmark)}: <b>${r.below_benchmark.join(', ')}</b> (metrics scoring under it, the costliest first)</li>`);
    if (r.pulse !== null) {
      const p = r.pulse;
      const age = p.age_days === null ? 'undated' : `${p.age_days} days old (shelf life ${p.shelf_life_days})`;
      items.push(html`<li>Pulse: <b>${p.title ?? p.value}</b> recorded ${p.recorded_at ?? '—'}, ${age}; ${p.stale ? html`<b class="neg">stale</b>: scored ${formatScore(p.score)} instead of ${formatScore(p.raw_score)}` : html`scored ${formatScore(p.score)}`}</li>`);
    }
    if (r.override !== null) {
      const o = r.override;
      items.push(html`<li>Override (${o.status}): ${o.score === null ? '' : `score ${formatScore(o.score)}`} ${o.band ?? ''}; reason “${o.reason ?? ''}”; set ${o.set_at ?? '—'}, expires ${o.expires_at ?? 'never'}; computed ${formatScore(o.computed_score, plan.precision)} ${o.computed_band ?? ''}</li>`);
    }
    return items.length === 0 ? nothing : html`<section aria-labelledby="h-life"><h2 id="h-life">Benchmark, pulse and override</h2><ul>${items}</ul></section>`;
  }

  private playbooks(r: ScoreResult) {
    return html`<section aria-labelledby="h-play">
      <h2 id="h-play">Playbooks</h2>
      ${r.playbooks.length === 0
        ? html`<p class="muted">None fires.</p>`
        : html`<ul>
            ${r.playbooks.map(
              (p) => html`<li>
                <b>${p.title ?? p.key}</b> [${p.priority}${p.owner === null ? '' : `, ${p.owner}`}]: ${p.action}
                ${p.why.length === 0 ? nothing : html`<div class="why">because ${p.why.map((w, i) => html`${i > 0 ? ', ' : ''}<code>${w.ref}</code> = ${formatValue(w.value)}`)}</div>`}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private nextBand(n: NextBand, plan: Plan) {
    const head = (text: string) => html`<section aria-labelledby="h-next"><h2 id="h-next">Next band</h2><p>${text}</p></section>`;
    if (n.blocked === 'top-band') return head(`${n.band ?? ''} is the top band.`);
    if (n.blocked === 'override') return head("An active override sets this account's band, so no metric moves it.");
    if (n.blocked === 'not-scored') return head('The account has no score to move.');
    return html`<section aria-labelledby="h-next">
      <h2 id="h-next">What would move it to ${n.next_band} (from ${formatScore(n.threshold)}${plan.hysteresis > 0 ? `, plus ${plan.hysteresis} for hysteresis` : ''})</h2>
      <p class="muted">One metric at a time, all else equal:</p>
      <ul>${n.metrics.map((m) => html`<li>${changeText(m, n)}</li>`)}</ul>
      ${n.metrics.some((m) => m.outcome === 'reachable') ? nothing : html`<p>No single metric can do it alone; several must improve together.</p>`}
    </section>`;
  }

  private issues(r: ScoreResult) {
    return html`<section><h2>This snapshot is invalid and was not scored</h2><ul>${r.issues.map((i) => html`<li><code>${i.field}</code>: ${i.message}${i.value === undefined ? '' : ` (got ${JSON.stringify(i.value)})`} <span class="muted">[${i.code}]</span></li>`)}</ul></section>`;
  }

  private history(e: AccountExplanation) {
    return html`<section aria-labelledby="h-hist"><h2 id="h-hist">History</h2><p>${e.history.map((h, i) => html`${i > 0 ? ' → ' : ''}<span>${h.as_of ?? `row ${h.row}`} ${h.status === 'scored' ? `${formatScore(h.score)} ${h.band}` : h.status}</span>`)}</p></section>`;
  }
}

function changeText(m: MetricChange, n: NextBand) {
  const now = `now ${formatValue(m.value)}`;
  if (m.outcome === 'reachable' && m.needed !== null) {
    const level = m.pulse_level === undefined ? '' : ` (a pulse of ${m.pulse_level.title ?? m.pulse_level.value} or better)`;
    return html`<b>${m.metric}</b>: ${now} → needs ${m.needed.op} ${formatValue(m.needed.value)}${level} (overall ${formatScore(m.overall_score)})`;
  }
  if (m.outcome === 'unreachable') return html`<b>${m.metric}</b>: ${now} → cannot reach ${n.next_band ?? ''} alone (at best ${formatScore(m.overall_score)})`;
  return html`<b>${m.metric}</b>: ${now} (not searched: scored by an expression or a date)`;
}

function formatValue(value: number | string | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'number') return String(Number(value.toFixed(4)));
  return String(value);
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-account-detail': VitalsAccountDetail;
  }
}
