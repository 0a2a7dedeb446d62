import type { TrainRun } from '../../train/trainProtocol';
import { progressPhrases, runProgress, stateText } from './trainProgress';

/**
 * The run's state, a progress bar (of the download, then of the batches), the backend, the
 * epoch and batch, time per epoch and time left. Only the state is a live region: a screen
 * reader hears "Training", "Paused", "Done", not every batch.
 */
export function TrainProgress({ run, msPerBatch }: { run: TrainRun; msPerBatch: number | null }) {
  const progress = runProgress(run);
  const phrases = progressPhrases(run, msPerBatch);
  const downloading = run.state === 'downloading';
  return (
    <section
      className="train-progress"
      data-testid="train-progress"
      data-state={run.state}
      data-epoch={progress.epoch}
      data-batch={progress.batch}
      data-backend={run.backend ?? ''}
      aria-label="Progress"
    >
      <p className="train-progress__state">
        <span role="status">{stateText(run)}</span>
        {run.backend && <span className="train-progress__backend"> on {run.backend}</span>}
      </p>
      {run.state !== 'idle' && run.state !== 'error' && (
        <progress
          max={1}
          value={progress.fraction}
          aria-label={downloading ? 'MNIST downloaded' : 'Training done'}
        />
      )}
      {phrases.length > 0 && (
        <p className="train-progress__detail" data-testid="train-progress-detail">
          {phrases.join(' · ')}
        </p>
      )}
      {run.error && (
        <div className="train-error" role="alert">
          <p>{run.error.message}</p>
          {run.error.detail && (
            <details>
              <summary>Details</summary>
              <pre>{run.error.detail}</pre>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
