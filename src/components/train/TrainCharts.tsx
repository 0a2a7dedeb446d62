import type { TrainRun } from '../../train/trainProtocol';
import { EpochTable } from './EpochTable';
import { LineChart } from './LineChart';
import { accuracyChart, lossChart } from './trainCharts';

/** Loss and accuracy as the run goes, and the epochs' table. */
export function TrainCharts({ run }: { run: TrainRun }) {
  if (run.batches.length === 0 && run.epochs.length === 0) return null;
  return (
    <div className="train-charts">
      <LineChart data={lossChart(run)} />
      <LineChart data={accuracyChart(run)} />
      <EpochTable epochs={run.epochs} />
    </div>
  );
}
