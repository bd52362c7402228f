import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import '../accounts/vitals-account-detail.js';
import '../accounts/vitals-accounts-table.js';
import '../compare/vitals-diff-editor.js';
import { EXAMPLES, exampleById } from '../data/examples.js';
import '../data/vitals-data-picker.js';
import '../editor/vitals-editor.js';
import type { VitalsEditor } from '../editor/vitals-editor.js';
import '../editor/vitals-problems.js';
import type { AccountOpenEvent, DataPickEvent, ExamplePickEvent, ModelChangeEvent, RevealEvent, SimulateEvent } from '../events.js';
import '../impact/vitals-impact-summary.js';
import '../preview/vitals-data-summary.js';
import '../preview/vitals-preview.js';
import { decodeState, download, encodeState } from '../share/url-state.js';
import '../simulate/vitals-simulate.js';
import { PreviewController } from '../worker/preview-controller.js';
import type { AccountExplanation } from '../worker/protocol.js';
import PreviewWorker from '../worker/preview-worker.js?worker';

type Tab = 'preview' | 'simulate' | 'accounts' | 'compare';
const TABS: readonly { readonly id: Tab; readonly title: string }[] = [
  { id: 'preview', title: 'Preview' },
  { id: 'simulate', title: 'Simulate' },
  { id: 'accounts', title: 'Accounts' },
  { id: 'compare', title: 'Compare' },
];

/**
 * The playground: the editor and its problems on the left, what the model makes of the data on
 * the right. It holds the page's state (the model as loaded and as edited, the example, the tab)
 * and hands the scoring to the preview worker through its controller.
 *
 * Light DOM: Monaco, inside it, needs the document's styles (see app.css for the layout).
 */
@customElement('vitals-app')
export class VitalsApp extends LitElement {
  private readonly preview = new PreviewController(this, () => new PreviewWorker({ name: 'vitals-preview' }));

  @state() private example = EXAMPLES[0]?.id ?? '';
  /** The model as loaded (an example or a shared link): what Compare diffs against. */
  @state() private loaded = '';
  @state() private edited = '';
  @state() private asOf = today();
  @state() private tab: Tab = 'preview';
  @state() private explanation: AccountExplanation | null = null;
  @state() private notice: string | null = null;
  @query('vitals-editor') private editor!: VitalsEditor;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    const shared = decodeState(location.hash);
    const example = exampleById(shared?.example ?? '') ?? EXAMPLES[0];
    if (example === undefined) return;
    this.example = example.id;
    if (shared?.asOf) this.asOf = shared.asOf;
    const [model, data] = await Promise.all([shared?.model ?? example.model(), example.data()]);
    this.preview.setData(example.dataName, data);
    this.load(model);
  }

  private load(text: string): void {
    this.loaded = text;
    this.edited = text;
    this.explanation = null;
    this.evaluate();
  }

  private evaluate(): void {
    this.preview.setModel(this.edited, 'model.yaml', this.asOf);
  }

  protected override updated(): void {
    const current = this.preview.preview;
    // Compare follows the model as edited while its tab is open.
    if (this.tab === 'compare' && current !== null && this.comparedFor !== current) {
      this.comparedFor = current;
      this.preview.compare(this.loaded);
    }
    // The accounts table and the open drill-down follow the preview while their tab is open.
    if (this.tab !== 'accounts' || current === null || this.accountsFor === current) return;
    this.accountsFor = current;
    this.preview.requestAccounts();
    const account = this.explanation?.account;
    if (account !== undefined) void this.preview.explain(account).then((explanation) => (this.explanation = explanation));
  }

  /** The preview the accounts table and drill-down were last asked for. */
  private accountsFor: unknown = null;
  /** The preview Compare's impact was last asked for. */
  private comparedFor: unknown = null;

  protected override render() {
    const p = this.preview;
    const plan = p.preview?.plan ?? null;
    return html`
      <header class="bar">
        <div class="brand"><b>vitals</b> playground</div>
        <div class="model-title" title=${plan?.hash ?? ''}>${plan?.title ?? plan?.model ?? ''}</div>
        <vitals-data-picker .example=${this.example} @vitals-example-pick=${this._onExample} @vitals-data-pick=${this._onData}></vitals-data-picker>
        ${p.preview?.asOf != null
          ? html`<label class="as-of" title="The model has no as-of field: pulses, overrides and dates are read as of this day">As of <input type="date" .value=${this.asOf} @change=${this._onAsOf} /></label>`
          : nothing}
        <div class="actions">
          <button @click=${this._onShare} title="Copy a link that reproduces this model">Share link</button>
          <button @click=${() => download(`${plan?.model ?? 'model'}.yaml`, this.edited)} title="Download the model as edited">Download YAML</button>
        </div>
      </header>
      ${this.notice === null ? nothing : html`<p class="notice" role="status">${this.notice}</p>`}
      <main class="panes">
        <section class="left" aria-label="Model">
          <vitals-editor .value=${this.loaded} .diagnostics=${p.diagnostics} @vitals-model-change=${this._onEdit}></vitals-editor>
          <vitals-problems .diagnostics=${p.diagnostics} @vitals-reveal=${this._onReveal}></vitals-problems>
        </section>
        <section class="right" aria-label="Results">
          <div class="tabs" role="tablist" aria-label="Views" @keydown=${this._onTabKey}>
            ${TABS.map((t) => html`<button role="tab" id="tab-${t.id}" aria-controls="panel-${t.id}" aria-selected=${this.tab === t.id} tabindex=${this.tab === t.id ? 0 : -1} @click=${() => (this.tab = t.id)}>${t.title}</button>`)}
            <span class="engine" title="The evaluator scoring in the preview workers, each a share of the accounts">${this.status()}</span>
          </div>
          <div class="panel" role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}">${this.panel()}</div>
        </section>
      </main>
    `;
  }

  private status() {
    const p = this.preview;
    if (p.failure !== null) return html`<span class="failed">${p.failure}</span>`;
    const timing = p.preview === null ? '' : ` · ${Math.round(p.preview.timings.compile + p.preview.timings.score)} ms`;
    const workers = p.preview?.workers ?? 1;
    const engine = p.engine === null ? '' : ` · ${p.engine} evaluator${workers > 1 ? ` in ${workers} workers` : ''}`;
    return `${p.status === 'pending' ? 'scoring…' : p.status === 'error' ? 'model has errors' : 'up to date'}${timing}${engine}`;
  }

  private panel() {
    const p = this.preview;
    switch (this.tab) {
      case 'preview':
        return html`<vitals-data-summary class="card data" .data=${p.data} .preview=${p.preview}></vitals-data-summary>
          <vitals-preview .preview=${p.preview} ?stale=${p.stale}></vitals-preview>`;
      case 'accounts':
        return html`<div class="accounts ${this.explanation === null ? '' : 'with-detail'}">
          <vitals-accounts-table .table=${p.accounts} .bands=${p.preview?.plan.bands ?? null} .precision=${p.preview?.plan.precision ?? 2} @vitals-account-open=${this._onAccount}></vitals-accounts-table>
          ${this.explanation === null ? nothing : html`<aside class="detail" aria-label="Account drill-down"><vitals-account-detail class="card" .explanation=${this.explanation} .plan=${p.preview?.plan ?? null} @close=${() => (this.explanation = null)}></vitals-account-detail></aside>`}
        </div>`;
      case 'simulate':
        return html`<vitals-simulate .plan=${p.preview?.plan ?? null} .simulation=${p.simulation} ?pending=${p.simulating} @vitals-simulate=${this._onSimulate} @vitals-apply-edits=${this._onApply}></vitals-simulate>`;
      case 'compare':
        return html`<div class="compare">
          <vitals-diff-editor .original=${this.loaded} .modified=${this.edited}></vitals-diff-editor>
          <aside class="impact" aria-label="What the change does to these accounts">${this.comparison()}</aside>
        </div>`;
    }
  }

  private comparison() {
    const c = this.preview.comparison;
    if (c === null) return html`<p class="muted">Comparing…</p>`;
    if (c.impact === null) return html`<p class="error" role="alert">${c.problems.join(' ')}</p>`;
    return html`<vitals-impact-summary changes .impact=${c.impact} .bands=${c.bands} .precision=${this.preview.preview?.plan.precision ?? 2}></vitals-impact-summary>`;
  }

  private _onSimulate(event: SimulateEvent): void {
    this.preview.simulate(event.detail.edits);
  }

  /** The simulated values go into the model as one edit (Ctrl+Z takes them out); the preview follows. */
  private _onApply(): void {
    const text = this.preview.simulating ? null : this.preview.simulation?.text;
    if (text === null || text === undefined) return;
    this.editor.replaceText(text);
  }

  private _onEdit(event: ModelChangeEvent): void {
    this.edited = event.detail.text;
    this.evaluate();
  }

  private _onReveal(event: RevealEvent): void {
    this.editor.reveal(event.detail.line, event.detail.column);
  }

  private async _onExample(event: ExamplePickEvent): Promise<void> {
    const example = exampleById(event.detail.id);
    if (example === undefined) return;
    this.example = example.id;
    const [model, data] = await Promise.all([example.model(), example.data()]);
    this.preview.setData(example.dataName, data);
    history.replaceState(null, '', location.pathname);
    this.load(model);
  }

  private _onData(event: DataPickEvent): void {
    this.explanation = null;
    this.preview.setData(event.detail.name, event.detail.content);
  }

  private _onAsOf(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    this.asOf = value;
    this.evaluate();
  }

  private async _onAccount(event: AccountOpenEvent): Promise<void> {
    this.explanation = await this.preview.explain(event.detail.account);
  }

  private async _onShare(): Promise<void> {
    const hash = encodeState({ model: this.edited, example: this.example, asOf: this.asOf });
    history.replaceState(null, '', hash);
    try {
      await navigator.clipboard.writeText(location.href);
      this.notice = 'Link copied: it carries the model as edited (in the part of the address no server sees).';
    } catch {
      this.notice = 'The address bar now holds a link that reproduces this model: copy it from there.';
    }
    setTimeout(() => (this.notice = null), 6000);
  }

  private _onTabKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((t) => t.id === this.tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] as (typeof TABS)[number];
    this.tab = next.id;
    void this.updateComplete.then(() => (this.querySelector(`#tab-${next.id}`) as HTMLElement | null)?.focus());
  }
}

/** Today's date where the person is: the default "as of" for a model without an as-of field. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-app': VitalsApp;
  }
}
