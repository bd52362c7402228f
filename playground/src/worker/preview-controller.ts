import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Diagnostic, ModelEdit } from '@vitals/core';
import { mergePreviewParts } from './merge-preview.js';
import type { AccountExplanation, AccountsTable, Comparison, DataInfo, Engine, FromWorker, Preview, Simulation, ToWorker } from './protocol.js';

/** Where the preview stands: `pending` while the worker scores, `error` when the model does not compile. */
export type PreviewStatus = 'starting' | 'pending' | 'complete' | 'error';

/** At most this many preview workers: each parses and holds the whole data file, and the chart waits for the slowest. */
export const MAX_PREVIEW_WORKERS = 2;

/**
 * One preview worker per core the browser reports beyond the page's own, up to `MAX_PREVIEW_WORKERS`.
 * The page needs a core too (Monaco, the charts, the messages): on 2 cores, two workers competed with
 * it and were 0.97× (numeric edit) and 0.53× (formula edit) as fast as one (bench/RESULTS.md).
 */
export function previewWorkerCount(cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  const spare = (Math.floor(cores) || 1) - 1;
  return Math.max(1, Math.min(MAX_PREVIEW_WORKERS, spare));
}

type Evaluated = Extract<FromWorker, { type: 'evaluated' }>;

/**
 * The page's side of the preview workers, as a Lit controller: it sends the model and the data,
 * keeps the latest answer (the last good preview stays when the model has errors) and asks its
 * host to render. It never throws into the page: a worker failure becomes `failure`.
 *
 * Each edit of the model is one generation: a `model` message to every worker, each scoring its
 * part of the accounts; the preview is rendered when every part of that generation is back,
 * merged (`mergePreviewParts`). One generation is out at a time, and an edit made meanwhile waits
 * here (only the newest), so every worker scores the same model and each generation completes;
 * new data abandons the generation out, whose parts were scored on the old rows. The accounts
 * table, the drill-down, Simulate and Compare are the first worker's, which holds every row.
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

  private workers: Worker[] = [];
  private seq = 0;
  /** The model as last set; `modelWaiting` while it has not been sent (a generation was out). */
  private model: { readonly text: string; readonly file: string; readonly asOf: string | null } | undefined;
  private modelWaiting = false;
  /** The generation out: its `seq`, and each worker's answer as it arrives. */
  private generation: { readonly seq: number; readonly answers: (Evaluated | undefined)[] } | undefined;
  private latestSimulation = 0;
  private latestComparison = 0;
  /** The values the sliders hold now. */
  private edits: readonly ModelEdit[] = [];
  private readonly waiting = new Map<number, (explanation: AccountExplanation | null) => void>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly createWorker: () => Worker,
    private readonly workerCount = previewWorkerCount(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.workers = Array.from({ length: this.workerCount }, (_, index) => {
      const worker = this.createWorker();
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data, index);
      worker.onerror = (event) => {
        this.generation = undefined;
        this.fail(`the preview worker stopped: ${event.message}`);
      };
      return worker;
    });
  }

  hostDisconnected(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
    this.generation = undefined;
  }

  /** Sends the model text; the answer arrives as `diagnostics` and `preview`. */
  setModel(text: string, file: string, asOf: string | null): void {
    this.model = { text, file, asOf };
    this.requestModel();
    this.status = 'pending';
    this.host.requestUpdate();
  }

  setData(name: string, content: string | Uint8Array): void {
    const seq = ++this.seq;
    for (const worker of this.workers) worker.postMessage({ type: 'data', seq, name, content } satisfies ToWorker);
    // Every worker reads the data before the next model message (messages keep their order); the generation out was scored on the old rows.
    this.generation = undefined;
    if (this.model !== undefined) this.requestModel();
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

  /** To the first worker, which holds every row and the last model that compiled. */
  private send(message: DistributiveOmit<ToWorker, 'seq'>): number {
    const seq = ++this.seq;
    this.workers[0]?.postMessage({ ...message, seq } as ToWorker);
    return seq;
  }

  /** The model goes out at the end of this task (data and a model set together make one generation), unless a generation is out. */
  private requestModel(): void {
    this.modelWaiting = true;
    // Several requests in one task queue several sends; the first sends the latest model, and the rest find it sent.
    queueMicrotask(() => this.sendModel());
  }

  private sendModel(): void {
    if (!this.modelWaiting || this.generation !== undefined || this.model === undefined || this.workers.length === 0) return;
    this.modelWaiting = false;
    const seq = ++this.seq;
    const of = this.workers.length;
    this.generation = { seq, answers: new Array<Evaluated | undefined>(of).fill(undefined) };
    this.workers.forEach((worker, index) => worker.postMessage({ type: 'model', seq, ...this.model, part: { index, of } } as ToWorker));
  }

  private receive(message: FromWorker, from: number): void {
    switch (message.type) {
      case 'ready':
        if (from === 0) this.engine = message.engine;
        break;
      case 'data-read':
        if (from === 0) this.data = message.data;
        break;
      case 'evaluated':
        this.evaluated(message, from);
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
        if (message.seq === this.generation?.seq) this.generation = undefined;
        this.fail(message.message);
        this.sendModel();
        this.waiting.get(message.seq)?.(null);
        this.waiting.delete(message.seq);
        break;
    }
    this.host.requestUpdate();
  }

  /** A worker's part of a generation; the last part of the generation out renders it. An older generation's part is dropped. */
  private evaluated(message: Evaluated, from: number): void {
    const generation = this.generation;
    if (generation === undefined || message.seq !== generation.seq) return;
    generation.answers[from] = message;
    const answers = generation.answers.filter((answer) => answer !== undefined);
    if (answers.length < generation.answers.length) return;
    this.generation = undefined;
    const parts = answers.map((answer) => answer.preview);
    const preview = parts.every((part) => part !== null) ? mergePreviewParts(parts) : null;
    this.diagnostics = (answers[0] as Evaluated).diagnostics;
    // A new model: the sliders start again from its values, so an older simulation no longer applies.
    if (preview !== null && preview.plan.hash !== this.preview?.plan.hash) this.simulate([]);
    if (preview !== null) this.preview = preview;
    this.stale = preview === null;
    if (!this.modelWaiting) this.status = preview === null ? 'error' : 'complete';
    this.failure = null;
    this.sendModel();
  }

  private fail(message: string): void {
    this.failure = message;
    this.status = 'error';
    this.host.requestUpdate();
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
