import type { BackendChoice } from '../model/backend';

/** Which TensorFlow.js backend runs the model, and why, if it is not the GPU. */
export function BackendBadge({ backend }: { backend: BackendChoice | null }) {
  return (
    <div className="backend">
      <span className="backend__label">Backend</span>{' '}
      <code data-testid="backend">{backend?.name ?? '…'}</code>
      {backend?.fallbackReason && (
        <p className="backend__note" data-testid="backend-note">
          {backend.fallbackReason}
        </p>
      )}
    </div>
  );
}
