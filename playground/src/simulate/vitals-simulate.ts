import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ModelEdit, Plan } from '@vitals/core';
import '../charts/vitals-histogram.js';
import { ApplyEditsEvent, SimulateEvent } from '../events.js';
import { theme } from '../styles/theme.js';
import type { Simulation } from '../worker/protocol.js';
import '../impact/vitals-impact-summary.js';

interface Knob {
  readonly path: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/**
 * Simulate: a slider for every category and metric weight and every band threshold. Moving one
 * asks for the impact of the model with those values (`vitals-simulate`, the same analysis as
 * `vitals simulate`, run by the worker); the distribution before (outline) and after (filled), the
 * transition matrix and the summary come back from the core. `vitals-apply-edits` puts the
 * values into the model.
 */
@customElement('vitals-simulate')
export class VitalsSimulate extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(260px, 320px) 1fr;
        gap: 14px;
        align-items: start;
      }
      fieldset {
        border: 1px solid var(--line);
        border-radius: 8px;
        margin: 0 0 10px;
        padding: 8px 12px 10px;
        background: var(--surface);
      }
      legend {
        font-weight: 600;
        color: var(--muted);
        font-size: 12px;
        text-transform: uppercase;
      }
      label {
        display: grid;
        grid-template-columns: 1fr 4.5em;
        gap: 2px 8px;
        align-items: center;
        margin: 6px 0;
      }
      label span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      input[type='range'] {
        grid-column: 1 / -1;
        width: 100%;
      }
      input[type='number'] {
        width: 100%;
        border: 1px solid var(--line);
        border-radius: 4px;
        padding: 1px 4px;
        text-align: right;
      }
      .changed span {
        font-weight: 600;
        color: var(--accent);
      }
      .actions {
        display: flex;
        gap: 8px;
        margin-bottom: 10px;
      }
      .results {
        display: grid;
        gap: 12px;
        min-width: 0;
      }
      :host([pending]) .results {
        opacity: 0.6;
      }
      .error {
        color: var(--error);
      }
    `,
  ];

  @property({ attribute: false }) plan: Plan | null = null;
  @property({ attribute: false }) simulation: Simulation | null = null;
  @property({ type: Boolean, reflect: true }) pending = false;
  @state() private values: Record<string, number> = {};

  protected override willUpdate(changed: PropertyValues): void {
    // A model of another meaning (edited in the editor, or the simulation applied) starts the sliders from its own values.
    if (changed.has('plan') && (changed.get('plan') as Plan | null | undefined)?.hash !== this.plan?.hash) this.values = {};
  }

  protected override render() {
    const plan = this.plan;
    if (plan === null) return html`<p class="muted">The model has to compile before it can be simulated.</p>`;
    const groups = knobs(plan);
    const edits = this.edits(plan);
    return html`
      <form @submit=${(e: Event) => e.preventDefault()} aria-label="Simulated values">
        <div class="actions">
          <button type="button" ?disabled=${edits.length === 0} @click=${this._onReset}>Reset</button>
          <button type="button" ?disabled=${edits.length === 0 || this.pending || this.simulation?.impact == null} @click=${() => this.dispatchEvent(new ApplyEditsEvent(edits))} title="Write these values into the model">Apply to the model</button>
        </div>
        ${groups.map(
          ([title, list]) => html`<fieldset>
            <legend>${title}</legend>
            ${list.map((k) => this.knob(k))}
          </fieldset>`,
        )}
      </form>
      <section class="results" aria-live="polite">${this.results(plan, edits.length)}</section>
    `;
  }

  private knob(k: Knob) {
    const value = this.values[k.path] ?? k.value;
    const set = (e: Event) => this.set(k.path, Number((e.target as HTMLInputElement).value));
    return html`<label class=${value === k.value ? '' : 'changed'} title=${k.path}>
      <span>${k.label}</span>
      <input type="number" .value=${String(value)} min=${k.min} max=${k.max} step=${k.step} @change=${set} aria-label="${k.label} (value)" />
      <input type="range" .value=${String(value)} min=${k.min} max=${k.max} step=${k.step} @input=${set} aria-label=${k.label} aria-valuetext="${k.label}: ${value}" />
    </label>`;
  }

  private results(plan: Plan, changes: number) {
    const s = this.simulation;
    if (changes === 0) return html`<p class="muted">Move a slider to see what the change does to these accounts: the distribution before and after, who changes band, and the playbooks that start or stop.</p>`;
    if (s === null) return html`<p class="muted">Simulating…</p>`;
    if (s.impact === null) return html`<p class="error" role="alert">${s.problems.join(' ')}</p>`;
    const d = s.impact.data;
    return html`
      <div class="card">
        <h2>Overall score, before (outline) and after (filled)</h2>
        <vitals-histogram .bins=${d.distribution.head.histogram} .baseline=${d.distribution.base.histogram} .bands=${s.bands} unit=${d.unit === 'account' ? 'accounts' : 'rows'}></vitals-histogram>
      </div>
      <vitals-impact-summary .impact=${s.impact} .bands=${s.bands} .precision=${plan.precision}></vitals-impact-summary>
    `;
  }

  private set(path: string, value: number): void {
    if (!Number.isFinite(value)) return;
    this.values = { ...this.values, [path]: value };
    if (this.plan !== null) this.dispatchEvent(new SimulateEvent(this.edits(this.plan)));
  }

  private _onReset(): void {
    this.values = {};
    this.dispatchEvent(new SimulateEvent([]));
  }

  /** The values moved away from the model's own. */
  private edits(plan: Plan): ModelEdit[] {
    const own = new Map(knobs(plan).flatMap(([, list]) => list.map((k) => [k.path, k.value] as const)));
    return Object.entries(this.values)
      .filter(([path, value]) => own.get(path) !== value)
      .map(([path, value]) => ({ path, value }));
  }
}

/** The knobs of a plan: category weights, metric weights (within their category), band thresholds. */
function knobs(plan: Plan): [string, Knob[]][] {
  const weight = (path: string, label: string, value: number): Knob => ({ path, label, value, min: 0, max: Math.max(10, Math.ceil(value * 3)), step: value >= 10 ? 1 : 0.5 });
  const span = plan.scale.max - plan.scale.min;
  return [
    ['Category weights', plan.categories.map((c) => weight(`categories.${c.key}.weight`, c.title ?? c.key, c.weight))],
    ['Metric weights', plan.metrics.map((m) => weight(`metrics.${m.key}.weight`, m.title ?? m.key, m.weight))],
    [
      'Band thresholds',
      plan.bands.thresholds.map((t, i) => ({
        path: `bands.${plan.bands.names[i]}`,
        label: `${plan.bands.titles[i] ?? plan.bands.names[i]} below`,
        value: t,
        min: plan.scale.min,
        max: plan.scale.max,
        step: span >= 20 ? 1 : 10 ** -plan.precision,
      })),
    ],
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-simulate': VitalsSimulate;
  }
}
