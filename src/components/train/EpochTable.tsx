import type { EpochPoint } from '../../train/trainProtocol';
import { formatDuration, formatPercent } from './trainFormat';

/** The epochs' figures as a table: what the charts draw, in words, and each epoch's time. */
export function EpochTable({ epochs }: { epochs: readonly EpochPoint[] }) {
  if (epochs.length === 0) return null;
  return (
    <table className="train-epochs" data-testid="train-epoch-table">
      <caption>Per epoch</caption>
      <thead>
        <tr>
          <th scope="col">Epoch</th>
          <th scope="col">Loss</th>
          <th scope="col">Accuracy</th>
          <th scope="col">Validation accuracy</th>
          <th scope="col">Time</th>
        </tr>
      </thead>
      <tbody>
        {epochs.map((p) => (
          <tr key={p.epoch} data-testid="train-epoch-row" data-ms={Math.round(p.ms)}>
            <th scope="row">{p.epoch}</th>
            <td>{p.loss.toFixed(4)}</td>
            <td>{formatPercent(p.accuracy)}</td>
            <td>{formatPercent(p.validationAccuracy)}</td>
            <td>{formatDuration(p.ms)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
