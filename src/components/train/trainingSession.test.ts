import { describe, expect, it, vi } from 'vitest';
import type { TrainClient, TrainRun } from '../../train/trainProtocol';
import { IDLE_RUN } from '../../train/nextRun';
import { createTrainingSession, type KeptMnist } from './trainingSession';
import { batchPoint, SETTINGS } from './trainRunFixture';

/** A client whose run is set by hand, recording what it was asked. */
function fakeClient() {
  let run: TrainRun = IDLE_RUN;
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  const client: TrainClient = {
    start: (_, options) => void calls.push(options?.keepData ? 'start keeping' : 'start'),
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    stop: () => void calls.push('stop'),
    dispose: () => void calls.push('dispose'),
    getRun: () => run,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const report = (next: Partial<TrainRun>) => {
    run = { ...run, ...next };
    listeners.forEach((listener) => listener());
  };
  return { client, calls, report };
}

/** The device's kept MNIST: `bytes` of it, and the remembered choice. */
function fakeKept(state: { wanted: boolean; bytes: number }) {
  const kept: KeptMnist = {
    wanted: () => state.wanted,
    setWanted: (on) => void (state.wanted = on),
    bytes: vi.fn(() => Promise.resolve(state.bytes)),
    drop: vi.fn(() => Promise.resolve(void (state.bytes = 0))),
  };
  return kept;
}

/** A session over fake clients, the training code loaded when `loaded` is resolved. */
function setup(kept: KeptMnist | null = null) {
  const clients: ReturnType<typeof fakeClient>[] = [];
  let time = 0;
  const load = vi.fn(() => {
    clients.push(fakeClient());
    return Promise.resolve(clients.at(-1)!.client);
  });
  const dataBytes = vi.fn(() => Promise.resolve(11_594_722));
  const session = createTrainingSession({ client: load, dataBytes, kept }, () => time);
  const tick = (ms: number) => (time += ms);
  return { session, clients, load, dataBytes, tick };
}

const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('createTrainingSession', () => {
  it('loads nothing until the panel opens, then one client and the download size', async () => {
    const { session, clients, load, dataBytes } = setup();
    expect(load).not.toHaveBeenCalled();
    session.open();
    session.open();
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    expect(clients).toHaveLength(1);
    expect(dataBytes).toHaveBeenCalledTimes(1);
    expect(session.getView().dataBytes).toBe(11_594_722);
  });

  it('shows the client run, and frees it when the panel closes, the run stopped', async () => {
    const { session, clients } = setup();
    session.open();
    session.start(SETTINGS);
    await flush();
    const [first] = clients;
    expect(first!.calls).toEqual(['start']);
    first!.report({ state: 'training', settings: SETTINGS });
    expect(session.getView().run.state).toBe('training');
    session.close();
    expect(first!.calls).toEqual(['start', 'dispose']);
    expect(session.getView().run).toMatchObject({ state: 'stopped', settings: SETTINGS });
  });

  it('frees a client whose code lands after the panel closed', async () => {
    const { session, clients } = setup();
    session.open();
    session.close();
    await flush();
    expect(clients[0]!.calls).toEqual(['dispose']);
    expect(session.getView().run).toBe(IDLE_RUN);
  });

  it('runs again on the same client, and keeps the last run shown on reopening', async () => {
    const { session, clients } = setup();
    session.open();
    session.start(SETTINGS);
    await flush();
    clients[0]!.report({ state: 'done', settings: SETTINGS });
    session.start(SETTINGS);
    await flush();
    expect(clients[0]!.calls).toEqual(['start', 'start']);
    clients[0]!.report({ state: 'done', settings: SETTINGS });
    session.close();
    session.open();
    await flush();
    expect(clients).toHaveLength(2);
    expect(session.getView().run.state).toBe('done');
    // The reopened panel's client is still unused: it runs the next start.
    session.start({ ...SETTINGS, epochs: 1 });
    expect(session.getView().run).toMatchObject({ state: 'idle', settings: { epochs: 1 } });
    await flush();
    expect(clients).toHaveLength(2);
    expect(clients[1]!.calls).toEqual(['start']);
  });

  it('starts once for a double click, and not at all while a run is active', async () => {
    const { session, clients } = setup();
    session.open();
    session.start(SETTINGS);
    session.start(SETTINGS);
    await flush();
    clients[0]!.report({ state: 'downloading' });
    session.start(SETTINGS);
    await flush();
    expect(clients[0]!.calls).toEqual(['start']);
  });

  it('passes pause, resume and stop to the client', async () => {
    const { session, clients } = setup();
    session.open();
    await flush();
    session.pause();
    session.resume();
    session.stop();
    expect(clients[0]!.calls).toEqual(['pause', 'resume', 'stop']);
  });

  it('measures the pace of batches while training, leaving pauses out', async () => {
    const { session, clients, tick } = setup();
    session.open();
    session.start(SETTINGS);
    await flush();
    const client = clients[0]!;
    const at = (batch: number, state: TrainRun['state'] = 'training') =>
      client.report({ state, batchesPerEpoch: 100, batches: [batchPoint(1, batch)] });
    at(0);
    tick(500);
    at(10);
    expect(session.getView().msPerBatch).toBe(50);
    at(10, 'paused');
    tick(60_000);
    at(10);
    tick(300);
    at(20);
    expect(session.getView().msPerBatch).toBe(30);
  });

  it('says so when the training code cannot be loaded, and tries again on Start', async () => {
    const client = fakeClient();
    const load = vi
      .fn<() => Promise<TrainClient>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(client.client);
    const session = createTrainingSession({ client: load, dataBytes: () => Promise.reject() });
    session.open();
    session.start(SETTINGS);
    await flush();
    expect(session.getView().run).toMatchObject({
      state: 'error',
      error: { message: 'The training code could not be loaded.', detail: 'Error: offline' },
    });
    session.start(SETTINGS);
    await flush();
    expect(client.calls).toEqual(['start']);
  });

  it('keeps MNIST only when asked, remembered; reads what is kept on opening and after a run', async () => {
    const state = { wanted: true, bytes: 0 };
    const kept = fakeKept(state);
    const { session, clients } = setup(kept);
    expect(session.getView().kept).toEqual({ wanted: true, bytes: null });
    expect(kept.bytes).not.toHaveBeenCalled();
    session.open();
    await flush();
    expect(session.getView().kept).toEqual({ wanted: true, bytes: 0 });
    session.start(SETTINGS);
    await flush();
    expect(clients[0]!.calls).toEqual(['start keeping']);
    clients[0]!.report({ state: 'training' });
    state.bytes = 11_594_722;
    clients[0]!.report({ state: 'done' });
    await flush();
    expect(session.getView().kept?.bytes).toBe(11_594_722);

    session.setKeep(false);
    expect(state.wanted).toBe(false);
    expect(session.getView().kept?.wanted).toBe(false);
    session.start(SETTINGS);
    await flush();
    expect(clients[0]!.calls).toEqual(['start keeping', 'start']);
  });

  it('drops the kept copy, but not while a run may be filling it', async () => {
    const kept = fakeKept({ wanted: true, bytes: 500 });
    const { session, clients } = setup(kept);
    session.open();
    session.start(SETTINGS);
    await flush();
    clients[0]!.report({ state: 'downloading' });
    session.dropKept();
    expect(kept.drop).not.toHaveBeenCalled();
    clients[0]!.report({ state: 'stopped' });
    session.dropKept();
    await flush();
    expect(kept.drop).toHaveBeenCalledTimes(1);
    expect(session.getView().kept).toEqual({ wanted: true, bytes: 0 });
  });

  it('offers no keeping where nothing can be kept', async () => {
    const { session, clients } = setup(null);
    session.open();
    session.setKeep(true);
    session.dropKept();
    session.start(SETTINGS);
    await flush();
    expect(session.getView().kept).toBeNull();
    expect(clients[0]!.calls).toEqual(['start']);
  });
});
