import type { UserModelHandle } from '../../hooks/useUserModel';
import type { UserModelState } from '../../usermodel/userModelSession';
import { ConventionChoice } from './ConventionChoice';

/**
 * The person's model as the page holds it: loading, ready (what it is, how it is fed, kept or
 * not) or the reason it cannot be used; Keep and Remove.
 */
export function UserModelStatus({
  state,
  user,
}: {
  state: Exclude<UserModelState, { status: 'none' }>;
  user: UserModelHandle;
}) {
  const ready = state.status === 'ready' ? state : null;
  const model = ready?.model ?? null;
  return (
    <div
      className={`user-model user-model--${state.status}`}
      data-testid="user-model"
      data-state={state.status}
      data-format={model?.format ?? ''}
      data-input-shape={model?.inputShape.join(',') ?? ''}
      data-output={ready?.convention.output ?? ''}
      data-kept={ready ? String(ready.kept) : ''}
    >
      <p className="user-model__name">
        {state.status === 'loading' ? 'Loading ' : ''}
        <span data-testid="user-model-name">
          {state.status === 'ready' ? state.model.name : state.name}
        </span>
        {state.status === 'loading' ? '…' : ''}
      </p>
      {state.status === 'error' && (
        <p className="user-model__error" role="alert" data-testid="user-model-error">
          {state.message} The page goes on with its own model.
        </p>
      )}
      {ready && model && (
        <>
          <p className="user-model__facts">
            A {model.format} model; input [{model.inputShape.join(', ')}],{' '}
            {(model.bytes / 1024).toFixed(1)} KiB.
          </p>
          <ConventionChoice
            model={model}
            convention={ready.convention}
            onChange={user.setConvention}
          />
        </>
      )}
      <div className="user-model__actions">
        {ready && (
          <button
            type="button"
            data-testid="user-model-keep"
            disabled={ready.kept}
            onClick={() => void user.keep()}
          >
            {ready.kept ? 'Kept on this device' : 'Keep on this device'}
          </button>
        )}
        <button type="button" data-testid="user-model-remove" onClick={() => void user.remove()}>
          Remove
        </button>
      </div>
    </div>
  );
}
