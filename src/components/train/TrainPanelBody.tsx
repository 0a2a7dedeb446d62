import { useTraining } from '../../hooks/useTraining';
import { DEFAULT_SETTINGS } from '../../train/defaultSettings';
import { isActive } from '../../train/nextRun';
import type { TrainedModelFiles } from '../../train/trainProtocol';
import { KeepData } from './KeepData';
import { TrainCharts } from './TrainCharts';
import { TrainProgress } from './TrainProgress';
import { TrainResult } from './TrainResult';
import { TrainSettingsForm } from './TrainSettingsForm';
import type { PersonalExamples } from './trainSettings';
import './train.css';

/**
 * What the Train panel holds: its own chunk, fetched the first time the panel opens (the page's
 * first load carries only the panel's summary), and kept mounted after, so a finished run's
 * figures and the settings stay while the panel is closed. Closing it frees the worker.
 */
export default function TrainPanelBody({
  open,
  personalExamples,
  onUse,
}: {
  open: boolean;
  personalExamples: PersonalExamples | null;
  onUse: (files: TrainedModelFiles) => void;
}) {
  const training = useTraining(open);
  const { run } = training;
  const active = isActive(run.state);
  return (
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
        <button type="button" data-testid="train-stop" disabled={!active} onClick={training.stop}>
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
  );
}
