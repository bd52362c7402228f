import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Diagnostic, ModelEdit } from '@vitals/core';
import type { AccountExplanation, AccountsTable, Comparison, DataInfo, Engine, FromWorker, Preview, Simulation, ToWorker } from './protocol.js';

/** Where the preview stands: `pending` while the worker scores, `error` when the model does not compile. */
export type PreviewStatus = 'starting' | 'pending' | 'complete' | 'error';

/**
 * The page's side of the preview worker, as a Lit controller: it sends the model and the data,
 * keeps the latest answer (the last good preview stays when the model has errors) and asks its
 * host to render. It never throws into the page: a worker failure becomes `failure`.
 */
export class PreviewController implements ReactiveController {
  status: PreviewStatus = 'starting';
  engine: Engine | null = null;
  diagnostics: readonly Diagnostic[] = [];
  /** The last preview of a model that compiled; `stale` when the model has changed since and has errors. */
  preview: Preview | null = null;
  stale = false;
  data: DataInfo | null = null;
  accounts: AccountsTable | null = null;
  /** The latest answer to the sliders (null when none is moved); `simulating` while a newer one is on its way. */
  simulation: Simulation | null = null;
  simulating = false;
  /** The model as loaded against the model as edited; null until asked. */
  comparison: Comparison | null = null;
  failure: string | null = null;

  private worker: Worker | undefined;
  private seq = 0;
  private latestModel = 0;
  private latestSimulation = 0;
  private latestComparison = 0;
  /** The values the sliders hold now. */
  private edits: readonly ModelEdit[] = [];
  private readonly waiting = new Map<number, (explanation: AccountExplanation | null) => void>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly createWorker: () => Worker,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.worker = this.createWorker();
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => this.fail(`the preview worker stopped: ${event.message}`);
  }

  hostDisconnected(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  /** Sends the model text; the answer arrives as `diagnostics` and `preview`. */
  setModel(text: string, file: string, asOf: string | null): void {
    this.latestModel = this.send({ type: 'model', text, file, asOf });
    this.status = 'pending';
    this.host.requestUpdate();
  }

  setData(name: string, content: string | Uint8Array): void {
    this.send({ type: 'data', name, content });
    this.status = 'pending';
    // The sliders stay where they are; their impact is worked out again on the new data.
    if (this.edits.length > 0) this.simulate(this.edits);
    this.host.requestUpdate();
  }

  /** Simulates the current model with `edits` (it arrives as `simulation`); no edits, no simulation. */
  simulate(edits: readonly ModelEdit[]): void {
    this.edits = edits;
    if (edits.length === 0) {
      this.latestSimulation = ++this.seq;
      this.simulation = null;
      this.simulating = false;
    } else {
      this.latestSimulation = this.send({ type: 'simulate', edits });
      this.simulating = true;
    }
    this.host.requestUpdate();
  }

  /** Compares the model as loaded with the current model (it arrives as `comparison`). */
  compare(base: string): void {
    this.latestComparison = this.send({ type: 'compare', base });
  }

  /** Asks for the accounts table of the current preview (it arrives as `accounts`). */
  requestAccounts(): void {
    this.send({ type: 'accounts' });
  }

  explain(account: string): Promise<AccountExplanation | null> {
    return new Promise((resolve) => this.waiting.set(this.send({ type: 'explain', account }), resolve));
  }

  private send(message: DistributiveOmit<ToWorker, 'seq'>): number {
    const seq = ++this.seq;
    this.worker?.postMessage({ ...message, seq } as ToWorker);
    return seq;
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.engine = message.engine;
        break;
      case 'data-read':
        this.data = message.data;
        break;
      case 'evaluated':
        this.diagnostics = message.diagnostics;
        // A new model: the sliders start again from its values, so an older simulation no longer applies.
        if (message.preview !== null && message.preview.plan.hash !== this.preview?.plan.hash) this.simulate([]);
        if (message.preview !== null) this.preview = message.preview;
        this.stale = message.preview === null;
        if (message.seq >= this.latestModel) this.status = message.preview === null ? 'error' : 'complete';
        this.failure = null;
        break;
      case 'accounts':
        this.accounts = message.table;
        break;
      case 'simulated':
        // An answer to an older position of the sliders still shows progress; only the latest ends the wait.
        if (message.seq <= this.latestSimulation && this.simulating) this.simulation = message.simulation;
        if (message.seq === this.latestSimulation) this.simulating = false;
        break;
      case 'compared':
        if (message.seq === this.latestComparison) this.comparison = message.comparison;
        break;
      case 'explained':
        this.waiting.get(message.seq)?.(message.explanation);
        this.waiting.delete(message.seq);
        break;
      case 'failed':
        this.fail(message.message);
        this.waiting.get(message.seq)?.(null);
        this.waiting.delete(message.seq);
        break;
    }
    this.host.requestUpdate();
  }

  private fail(message: string): void {
    this.failure = message;
    this.status = 'error';
    this.host.requestUpdate();
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
