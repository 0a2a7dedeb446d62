import { useState } from 'react';
import { useTraining } from '../hooks/useTraining';
import { DEFAULT_SETTINGS } from '../train/defaultSettings';
import type { TrainedModelFiles } from '../train/trainProtocol';
import { KeepData } from './train/KeepData';
import { TrainCharts } from './train/TrainCharts';
import { TrainProgress } from './train/TrainProgress';
import { TrainResult } from './train/TrainResult';
import { TrainSettingsForm } from './train/TrainSettingsForm';
import { isActive } from '../train/nextRun';
import type { PersonalExamples } from './train/trainSettings';
import './train/train.css';

/**
 * Train a network on MNIST here, off the main thread, and watch it learn (issue 26). The
 * training code loads when the panel first opens and its worker lives while a run needs it;
 * closing the panel frees it. The finished model can be used on the pad or downloaded.
 */
export function TrainPanel({
  personalExamples,
  onUse,
}: {
  /** The drawings kept by "Learns your handwriting", offered as extra training data. */
  personalExamples: PersonalExamples | null;
  onUse: (files: TrainedModelFiles) => void;
}) {
  const [open, setOpen] = useState(false);
  const training = useTraining(open);
  const { run } = training;
  const active = isActive(run.state);
  return (
    <details
      className="train"
      data-testid="train"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>Train</summary>
      {open && (
        <div className="train__body">
          <p className="train__intro">
            Train the tutorial&apos;s network, or a small CNN, on MNIST in this page, and watch it
            learn. It runs beside the pad, which keeps working.
          </p>
          <TrainSettingsForm
            defaults={DEFAULT_SETTINGS}
            personal={personalExamples}
            dataBytes={training.dataBytes ?? run.download?.total ?? null}
            busy={active}
            onStart={training.start}
          >
            <button
              type="button"
              data-testid="train-pause"
              disabled={run.state !== 'training' && run.state !== 'paused'}
              onClick={run.state === 'paused' ? training.resume : training.pause}
            >
              {run.state === 'paused' ? 'Resume' : 'Pause'}
            </button>
            <button
              type="button"
              data-testid="train-stop"
              disabled={!active}
              onClick={training.stop}
            >
              Stop
            </button>
          </TrainSettingsForm>
          {training.kept && (
            <KeepData
              kept={training.kept}
              busy={active}
              onKeep={training.setKeep}
              onDrop={training.dropKept}
            />
          )}
          <TrainProgress run={run} msPerBatch={training.msPerBatch} />
          <TrainCharts run={run} />
          {run.state === 'done' && run.report && (
            <TrainResult
              report={run.report}
              model={run.model}
              tensorsLeft={run.tensorsLeft}
              onUse={onUse}
            />
          )}
        </div>
      )}
    </details>
  );
}
