import { PreviewSession, type ModelText } from './preview-session.js';
import type { Engine, FromWorker, ToWorker } from './protocol.js';
import { readData } from './read-data.js';

/**
 * The preview worker: the core runs here, so typing never waits for scoring. Model messages are
 * coalesced: while one evaluation runs, only the newest model text waits, so a burst of keystrokes
 * costs one evaluation, not one each.
 */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const session = new PreviewSession(generatedCodeEngine());
let pendingModel: { seq: number; source: ModelText } | undefined;
let current: ModelText | undefined;
let scheduled = false;

scope.postMessage({ type: 'ready', engine: session.engine });
scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    handle(message);
  } catch (error) {
    post({ type: 'failed', seq: message.seq, message: error instanceof Error ? error.message : String(error) });
  }
};

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'model':
      pendingModel = { seq: message.seq, source: { text: message.text, file: message.file, asOf: message.asOf } };
      schedule();
      return;
    case 'data': {
      const { info, rows } = readData(message.name, message.content);
      session.setData(info, rows);
      post({ type: 'data-read', seq: message.seq, data: info });
      if (pendingModel === undefined && current !== undefined) pendingModel = { seq: message.seq, source: current };
      schedule();
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
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    const next = pendingModel;
    pendingModel = undefined;
    if (next === undefined) return;
    current = next.source;
    try {
      const { diagnostics, preview } = session.evaluate(next.source);
      post({ type: 'evaluated', seq: next.seq, diagnostics, preview });
    } catch (error) {
      post({ type: 'failed', seq: next.seq, message: error instanceof Error ? error.message : String(error) });
    }
  }, 0);
}

function post(message: FromWorker): void {
  scope.postMessage(message);
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
