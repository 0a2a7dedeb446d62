import type { Prediction } from '../model/classifier';

export type PredictionState = 'empty' | 'pending' | 'done';

/** The top digit in large type; the live region tells screen readers when it changes. */
export function PredictionDisplay({
  state,
  prediction,
  error,
  announce,
}: {
  state: PredictionState;
  prediction: Prediction | null;
  error?: string;
  /** False while a stroke is being drawn: live updates would flood a screen reader. */
  announce: boolean;
}) {
  const shown = state === 'empty' ? null : prediction;
  const percent = shown ? `${Math.round(shown.confidence * 100)}%` : '';
  return (
    <div
      className={`prediction prediction--${state}`}
      data-testid="prediction"
      data-state={state}
      data-digit={shown ? String(shown.digit) : ''}
      data-confidence={shown ? String(shown.confidence) : ''}
    >
      <span className="prediction__digit" aria-hidden="true">
        {shown ? shown.digit : '?'}
      </span>
      <span className="prediction__confidence" aria-hidden="true">
        {error ? 'Prediction failed' : shown ? percent : 'Draw a digit'}
      </span>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {error
          ? `Prediction failed: ${error}`
          : shown && state === 'done' && announce
            ? `Looks like a ${shown.digit}, ${percent} sure.`
            : ''}
      </p>
    </div>
  );
}
