// The client's run as each worker message changes it: a pure function, so every transition is
// tested without a worker. Each change is a new object; unchanged parts are shared.
import type { BatchPoint, FromWorker, TrainRun, TrainSettings, TrainState } from './trainProtocol';

export const IDLE_RUN: TrainRun = {
  state: 'idle',
  settings: null,
  backend: null,
  download: null,
  batchesPerEpoch: null,
  batches: [],
  epochs: [],
  report: null,
  model: null,
  error: null,
};

/** States in which a worker is at work on the run. */
export function isActive(state: TrainState): boolean {
  return state === 'downloading' || state === 'training' || state === 'paused';
}

/** A new run as started, before the worker says anything. */
export function startedRun(settings: TrainSettings): TrainRun {
  return { ...IDLE_RUN, state: 'downloading', settings };
}

/** The run after a message; batch points come in groups (see trainClient). */
export function nextRun(run: TrainRun, message: Exclude<FromWorker, { type: 'batch' }>): TrainRun {
  // A finished run takes no more messages: a stopped worker's last words change nothing.
  if (!isActive(run.state)) return run;
  switch (message.type) {
    case 'backend':
      return { ...run, backend: message.name };
    case 'download':
      return { ...run, download: { loaded: message.loaded, total: message.total } };
    case 'epoch':
      return { ...run, epochs: [...run.epochs, message.point] };
    case 'state':
      // 'done' and 'error' come with their own messages, which carry what they need.
      return message.state === 'done' || message.state === 'error' || message.state === run.state
        ? run
        : { ...run, state: message.state };
    case 'done':
      return {
        ...run,
        state: 'done',
        report: message.report,
        model: message.model,
        tensorsLeft: message.tensorsLeft,
      };
    case 'error':
      return {
        ...run,
        state: 'error',
        error: { message: message.message, detail: message.detail },
      };
  }
}

/** The run with more batch points. */
export function withBatches(
  run: TrainRun,
  points: readonly BatchPoint[],
  batchesPerEpoch: number,
): TrainRun {
  if (!isActive(run.state) || !points.length) return run;
  return { ...run, batches: [...run.batches, ...points], batchesPerEpoch };
}

/** The run ended from the page's side (Stop, a worker that died): figures so far stay. */
export function endedRun(
  run: TrainRun,
  state: 'stopped' | 'error',
  error?: TrainRun['error'],
): TrainRun {
  if (!isActive(run.state)) return run;
  return { ...run, state, error: error ?? null };
}
