import type { ModelState } from '../model/classifierSession';

export function ModelStatus({ state, onRetry }: { state: ModelState; onRetry: () => void }) {
  return (
    <div
      className={`model-status model-status--${state.status}`}
      data-testid="model-status"
      data-state={state.status}
      role="status"
    >
      {state.status === 'loading' && (state.note ?? 'Loading the model…')}
      {state.status === 'ready' && 'Model ready'}
      {state.status === 'error' && (
        <>
          <span>{state.message} You can still draw.</span>{' '}
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </div>
  );
}
