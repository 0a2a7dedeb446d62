import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTrainClient, type TrainWorker } from './trainClient';
import type { FromWorker, TestReport, ToWorker, TrainSettings } from './trainProtocol';

class FakeWorker implements TrainWorker {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  say(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  fail(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

const SETTINGS: TrainSettings = {
  arch: 'dense128',
  epochs: 2,
  batchSize: 32,
  learningRate: 0.001,
  limit: null,
  personal: null,
};
const REPORT: TestReport = {
  accuracy: 0.97,
  perClass: [],
  confusion: [],
  misread: {},
  personal: null,
};
const MODEL = { modelJson: { format: 'layers-model' }, weightData: new ArrayBuffer(8) };
const batch = (epoch: number, n: number): FromWorker => ({
  type: 'batch',
  point: { epoch, batch: n, loss: 1 / n, accuracy: 0.5 },
  batchesPerEpoch: 3,
});

function setup() {
  const workers: FakeWorker[] = [];
  const client = createTrainClient({
    dataUrl: 'http://site.test/mnist/',
    shippedModelUrl: 'http://site.test/model/model.json',
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  const notified = vi.fn();
  client.subscribe(notified);
  return { client, workers, notified, worker: () => workers.at(-1)! };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createTrainClient', () => {
  it('goes idle -> downloading -> training -> done, keeping the worker for the next run', () => {
    const { client, workers, worker, notified } = setup();
    expect(client.getRun().state).toBe('idle');
    expect(workers).toHaveLength(0);

    client.start(SETTINGS);
    expect(worker().sent).toEqual([
      {
        type: 'start',
        settings: SETTINGS,
        dataUrl: 'http://site.test/mnist/',
        backend: 'auto',
        shippedModelUrl: 'http://site.test/model/model.json',
        keepData: false,
      },
    ]);
    expect(client.getRun()).toMatchObject({ state: 'downloading', settings: SETTINGS });

    worker().say({ type: 'state', state: 'downloading' });
    worker().say({ type: 'backend', name: 'wasm' });
    worker().say({ type: 'download', loaded: 10, total: 100 });
    const downloading = client.getRun();
    worker().say({ type: 'download', loaded: 100, total: 100 });
    expect(client.getRun()).not.toBe(downloading);
    expect(downloading.download).toEqual({ loaded: 10, total: 100 });
    expect(client.getRun()).toMatchObject({
      backend: 'wasm',
      download: { loaded: 100, total: 100 },
    });

    worker().say({ type: 'state', state: 'training' });
    for (let n = 1; n <= 3; n++) worker().say(batch(1, n));
    const epoch = { epoch: 1, loss: 0.5, accuracy: 0.8, validationAccuracy: 0.9, ms: 1200 };
    worker().say({ type: 'epoch', point: epoch });
    expect(client.getRun().batches.map((b) => b.batch)).toEqual([1, 2, 3]);
    expect(client.getRun()).toMatchObject({
      state: 'training',
      batchesPerEpoch: 3,
      epochs: [epoch],
    });

    worker().say({ type: 'done', report: REPORT, model: MODEL, tensorsLeft: 0 });
    expect(client.getRun()).toMatchObject({
      state: 'done',
      report: REPORT,
      model: MODEL,
      tensorsLeft: 0,
    });
    expect(worker().terminated).toBe(false);
    expect(notified).toHaveBeenCalled();

    client.start({ ...SETTINGS, epochs: 1 }, { keepData: true });
    expect(workers).toHaveLength(1);
    expect(worker().sent.at(-1)).toMatchObject({ type: 'start', keepData: true });
    expect(client.getRun()).toMatchObject({ state: 'downloading', batches: [], report: null });
  });

  it('passes batch points on at most once per interval, the first at once', () => {
    const { client, worker, notified } = setup();
    client.start(SETTINGS);
    worker().say({ type: 'state', state: 'training' });
    notified.mockClear();
    worker().say(batch(1, 1));
    expect(client.getRun().batches).toHaveLength(1);
    worker().say(batch(1, 2));
    worker().say(batch(1, 3));
    expect(client.getRun().batches).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(client.getRun().batches).toHaveLength(3);
    expect(notified).toHaveBeenCalledTimes(2);
    // Any other message brings the held points first, in order.
    worker().say(batch(2, 1));
    worker().say(batch(2, 2));
    worker().say({ type: 'state', state: 'paused' });
    expect(client.getRun().batches.map((b) => `${b.epoch}.${b.batch}`)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
    ]);
    expect(client.getRun().state).toBe('paused');
  });

  it('asks the worker to pause and resume, and follows its answer', () => {
    const { client, worker } = setup();
    client.resume();
    client.start(SETTINGS);
    worker().say({ type: 'state', state: 'training' });
    client.resume(); // not paused: nothing to send
    client.pause();
    expect(worker().sent.slice(1)).toEqual([{ type: 'pause' }]);
    expect(client.getRun().state).toBe('training');
    worker().say({ type: 'state', state: 'paused' });
    expect(client.getRun().state).toBe('paused');
    client.resume();
    expect(worker().sent.at(-1)).toEqual({ type: 'resume' });
    worker().say({ type: 'state', state: 'training' });
    expect(client.getRun().state).toBe('training');
  });

  it('stops by terminating the worker; the figures stay and its late messages change nothing', () => {
    const { client, workers, worker } = setup();
    client.start(SETTINGS);
    worker().say({ type: 'state', state: 'training' });
    worker().say(batch(1, 1));
    const old = worker();
    client.stop();
    expect(old.terminated).toBe(true);
    expect(client.getRun()).toMatchObject({ state: 'stopped', batches: [{ batch: 1 }] });
    old.say({ type: 'done', report: REPORT, model: MODEL });
    expect(client.getRun().state).toBe('stopped');

    client.start(SETTINGS);
    expect(workers).toHaveLength(2);
    expect(client.getRun().state).toBe('downloading');
  });

  it("ends in error with the worker's message, and frees that worker", () => {
    const { client, workers, worker } = setup();
    client.start(SETTINGS);
    worker().say({ type: 'error', message: 'Could not download x: HTTP 404.', detail: 'stack' });
    expect(client.getRun()).toMatchObject({
      state: 'error',
      error: { message: 'Could not download x: HTTP 404.', detail: 'stack' },
    });
    expect(worker().terminated).toBe(true);
    client.start(SETTINGS);
    expect(workers).toHaveLength(2);
  });

  it('ends in error when the worker itself fails', () => {
    const { client, worker } = setup();
    client.start(SETTINGS);
    worker().fail('SyntaxError: bad chunk');
    expect(client.getRun()).toMatchObject({
      state: 'error',
      error: {
        message: 'The training worker stopped unexpectedly.',
        detail: 'SyntaxError: bad chunk',
      },
    });
    expect(worker().terminated).toBe(true);
  });

  it('dispose frees the worker and then ignores every call', () => {
    const { client, workers, worker, notified } = setup();
    client.start(SETTINGS);
    client.dispose();
    expect(worker().terminated).toBe(true);
    expect(client.getRun().state).toBe('stopped');
    notified.mockClear();
    client.start(SETTINGS);
    expect(workers).toHaveLength(1);
    expect(notified).not.toHaveBeenCalled();
  });
});
