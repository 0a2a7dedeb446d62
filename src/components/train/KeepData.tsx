import type { KeptView } from './trainingSession';
import { formatBytes } from './trainFormat';

/**
 * "Keep MNIST for offline use": runs then read MNIST from the device's cache and keep what
 * they download there; what is kept, and a button to remove it. The service worker never
 * keeps MNIST by itself.
 */
export function KeepData({
  kept,
  busy,
  onKeep,
  onDrop,
}: {
  kept: KeptView;
  /** A run is under way (it may be filling the cache): nothing is removed then. */
  busy: boolean;
  onKeep: (on: boolean) => void;
  onDrop: () => void;
}) {
  return (
    <div className="train-keep">
      <label className="train-form__check">
        <input
          type="checkbox"
          data-testid="train-keep-data"
          checked={kept.wanted}
          onChange={(e) => onKeep(e.target.checked)}
        />
        Keep MNIST for offline use (on this device, for later runs and visits)
      </label>
      <p className="train-keep__status" data-testid="train-kept" data-kept-bytes={kept.bytes ?? ''}>
        <span>{keptText(kept)}</span>{' '}
        <button
          type="button"
          data-testid="train-drop-data"
          disabled={busy || !kept.bytes}
          onClick={onDrop}
        >
          Remove kept MNIST
        </button>
      </p>
    </div>
  );
}

function keptText({ wanted, bytes }: KeptView): string {
  if (bytes === null) return 'Checking what is kept on this device…';
  if (bytes > 0) {
    return wanted
      ? `${formatBytes(bytes)} of MNIST kept on this device: runs read it from there, offline too.`
      : `${formatBytes(bytes)} of MNIST kept on this device, unused while the box is unticked.`;
  }
  return wanted
    ? 'Nothing kept yet: the next run keeps what it downloads.'
    : 'Nothing kept on this device.';
}
