import { PreviewSession } from './preview-session.js';
import type { Engine, FromWorker, ToWorker } from './protocol.js';
import { readData } from './read-data.js';

/**
 * The preview worker: the core runs here, so typing never waits for scoring. Long jobs (a model
 * to score, a simulation, a comparison) are coalesced: while one runs, only the newest message of
 * each kind waits, so a burst of keystrokes or a slider dragged across its range costs one
 * evaluation, not one per step. They run one per task, the model first (the others read it).
 */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
type Job = Extract<ToWorker, { type: 'model' | 'simulate' | 'compare' }>;
const JOB_ORDER: readonly Job['type'][] = ['model', 'simulate', 'compare'];

const scope = self as unknown as WorkerScope;
const session = new PreviewSession(generatedCodeEngine());
const waiting = new Map<Job['type'], Job>();
let scheduled = false;

scope.postMessage({ type: 'ready', engine: session.engine });
scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    handle(message);
  } catch (error) {
    fail(message.seq, error);
  }
};

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'model':
    case 'simulate':
    case 'compare':
      waiting.set(message.type, message);
      schedule();
      return;
    case 'data': {
      const { info, rows } = readData(message.name, message.content);
      session.setData(info, rows);
      // The page sends the model again after new data (to every worker, so their parts are of the same rows).
      post({ type: 'data-read', seq: message.seq, data: info });
      return;
    }
    case 'accounts':
      // Copied, not transferred: the session keeps its table for the next request.
      post({ type: 'accounts', seq: message.seq, table: session.accounts() });
      return;
    case 'explain':
      post({ type: 'explained', seq: message.seq, explanation: session.explain(message.account) });
  }
}

function schedule(): void {
  if (scheduled || waiting.size === 0) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    const kind = JOB_ORDER.find((k) => waiting.has(k));
    const job = kind === undefined ? undefined : waiting.get(kind);
    if (kind === undefined || job === undefined) return;
    waiting.delete(kind);
    try {
      run(job);
    } catch (error) {
      fail(job.seq, error);
    }
    schedule();
  }, 0);
}

function run(job: Job): void {
  switch (job.type) {
    case 'model': {
      const { diagnostics, preview } = session.evaluatePart({ text: job.text, file: job.file, asOf: job.asOf }, job.part);
      post({ type: 'evaluated', seq: job.seq, diagnostics, preview });
      return;
    }
    case 'simulate':
      post({ type: 'simulated', seq: job.seq, simulation: session.simulate(job.edits) });
      return;
    case 'compare':
      post({ type: 'compared', seq: job.seq, comparison: session.compare(job.base) });
  }
}

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function fail(seq: number, error: unknown): void {
  post({ type: 'failed', seq, message: error instanceof Error ? error.message : String(error) });
}

/**
 * The compiled evaluator generates JavaScript with `new Function`. Where the worker's
 * Content-Security-Policy forbids that (no 'unsafe-eval'), the reference interpreter serves: the
 * same results (one conformance suite holds both), slower.
 */
function generatedCodeEngine(): Engine {
  try {
    return new Function('return 1')() === 1 ? 'compiled' : 'reference';
  } catch {
    return 'reference';
  }
}
