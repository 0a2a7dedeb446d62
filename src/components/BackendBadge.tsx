import type { BackendChoice } from '../model/backend';

/**
 * Which TensorFlow.js backend runs the model, and why, if it is not the GPU. `interim` while
 * a better backend may still come (the answers so far come from this one).
 */
export function BackendBadge({
  backend,
  interim,
}: {
  backend: BackendChoice | null;
  interim: boolean;
}) {
  return (
    <div className="backend">
      <span className="backend__label">Backend</span>{' '}
      <code data-testid="backend" data-state={backend ? (interim ? 'interim' : 'final') : 'none'}>
        {backend?.name ?? '…'}
      </code>
      {backend?.fallbackReason && (
        <p className="backend__note" data-testid="backend-note">
          {backend.fallbackReason}
        </p>
      )}
    </div>
  );
}
