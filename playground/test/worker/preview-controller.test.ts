import { readFileSync } from 'node:fs';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, test } from 'vitest';
import { PreviewController, previewWorkerCount } from '../../src/worker/preview-controller.js';
import { PreviewSession } from '../../src/worker/preview-session.js';
import type { FromWorker, ToWorker } from '../../src/worker/protocol.js';
import { readData } from '../../src/worker/read-data.js';

/**
 * The page's controller with two workers, played by hand: each worker's answers are made by a real
 * `PreviewSession` (one per worker, as in the browser), but delivered when the test says, in any
 * order — so which answers render, and when, is what is checked.
 */
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const SAAS = read('../../../models/saas-seven-metrics/model.yaml');
const DATA = read('../../../models/saas-seven-metrics/sample.csv');
const EDITED = SAAS.replace('name: amber, below: 70', 'name: amber, below: 85');
const BROKEN = SAAS.replace('/ purchased_seats', '/ purchased_seat');

class FakeWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly inbox: ToWorker[] = [];
  readonly session = new PreviewSession('compiled', () => 0);
  postMessage(message: ToWorker): void {
    if (message.type === 'data') {
      const { info, rows } = readData(message.name, message.content);
      this.session.setData(info, rows);
    } else this.inbox.push(message);
  }
  terminate(): void {}
  /** Answers the oldest model message waiting. */
  answer(): void {
    const job = this.inbox.shift();
    if (job?.type !== 'model') throw new Error(`no model message waits (${job?.type})`);
    const { diagnostics, preview } = this.session.evaluatePart(job, job.part);
    this.onmessage?.({ data: { type: 'evaluated', seq: job.seq, diagnostics, preview } } as MessageEvent<FromWorker>);
  }
}

function setUp() {
  const workers: FakeWorker[] = [];
  const host: ReactiveControllerHost = { addController: (_: ReactiveController) => {}, removeController: () => {}, requestUpdate: () => {}, updateComplete: Promise.resolve(true) };
  const controller = new PreviewController(
    host,
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
    2,
  );
  controller.hostConnected();
  controller.setData('sample.csv', DATA);
  return { controller, workers: workers as [FakeWorker, FakeWorker] };
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const amber = (controller: PreviewController) => controller.preview?.summary.bands.find((b) => b.name === 'amber')?.count;

describe('PreviewController with two workers', () => {
  test('one generation: each worker scores its part; the preview renders when both are back, merged to the whole', async () => {
    const { controller, workers } = setUp();
    controller.setModel(SAAS, 'model.yaml', null);
    await tick();
    expect(workers.map((w) => w.inbox.map((m) => (m.type === 'model' ? m.part : null)))).toEqual([[{ index: 0, of: 2 }], [{ index: 1, of: 2 }]]);
    workers[1].answer();
    expect(controller.preview).toBeNull();
    expect(controller.status).toBe('pending');
    workers[0].answer();
    expect(controller.status).toBe('complete');
    expect(controller.preview?.workers).toBe(2);
    const single = new FakeWorker();
    single.postMessage({ type: 'data', seq: 0, name: 'sample.csv', content: DATA });
    expect(controller.preview?.summary).toEqual(single.session.evaluate({ text: SAAS, file: 'model.yaml', asOf: null }).preview?.summary);
  });

  test('edits made while a generation is out wait, only the newest; the generation out renders, then the newest', async () => {
    const { controller, workers } = setUp();
    controller.setModel(SAAS, 'model.yaml', null);
    await tick();
    controller.setModel(BROKEN, 'model.yaml', null);
    controller.setModel(EDITED, 'model.yaml', null);
    await tick();
    expect(workers.map((w) => w.inbox.length)).toEqual([1, 1]);
    workers[0].answer();
    workers[1].answer();
    // The first model's preview shows, still pending: a newer model is on its way (sent now).
    expect(amber(controller)).toBeDefined();
    const first = amber(controller);
    expect(controller.status).toBe('pending');
    expect(workers.map((w) => w.inbox.length)).toEqual([1, 1]);
    workers[1].answer();
    workers[0].answer();
    expect(controller.status).toBe('complete');
    expect(amber(controller)).not.toBe(first);
    expect(workers.map((w) => w.inbox.length)).toEqual([0, 0]);
  });

  test('a model with errors keeps the last good preview, greyed (stale), with its diagnostics', async () => {
    const { controller, workers } = setUp();
    controller.setModel(SAAS, 'model.yaml', null);
    await tick();
    for (const w of workers) w.answer();
    const good = controller.preview;
    controller.setModel(BROKEN, 'model.yaml', null);
    await tick();
    for (const w of workers) w.answer();
    expect(controller.preview).toBe(good);
    expect(controller.stale).toBe(true);
    expect(controller.status).toBe('error');
    expect(controller.diagnostics.some((d) => d.code === 'unknown-name')).toBe(true);
  });

  test('new data abandons the generation out: its parts, scored on the old rows, never render', async () => {
    const { controller, workers } = setUp();
    controller.setModel(SAAS, 'model.yaml', null);
    await tick();
    workers[0].answer();
    // Worker 1 has not started the old generation when the new rows arrive: it would score them, worker 0 scored the old.
    controller.setData('few.csv', DATA.split('\n').slice(0, 6).join('\n'));
    await tick();
    workers[1].answer();
    expect(controller.preview).toBeNull();
    for (const w of workers) w.answer();
    expect(controller.preview?.counts.rows).toBe(5);
    expect(controller.status).toBe('complete');
  });
});

test.each([
  { cores: undefined, workers: 1 },
  { cores: 1, workers: 1 },
  { cores: 2, workers: 1 },
  { cores: 3, workers: 2 },
  { cores: 16, workers: 2 },
])('$cores cores reported: $workers preview workers', ({ cores, workers }) => {
  expect(previewWorkerCount(cores ?? 0)).toBe(workers);
});
