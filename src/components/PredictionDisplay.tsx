import type { Prediction } from '../model/classifier';
import type { PredictionState } from '../model/predictionLoop';

/** The top digit in large type; the live region tells screen readers when it changes. */
export function PredictionDisplay({
  state,
  prediction,
  error,
  announce,
}: {
  state: PredictionState;
  prediction: Prediction | null;
  error: string | null;
  /** False while a stroke is being drawn: live updates would flood a screen reader. */
  announce: boolean;
}) {
  const percent = prediction ? `${Math.round(prediction.confidence * 100)}%` : '';
  return (
    <div
      className={`prediction prediction--${state}`}
      data-testid="prediction"
      data-state={state}
      data-digit={prediction ? String(prediction.digit) : ''}
      data-confidence={prediction ? String(prediction.confidence) : ''}
    >
      <span className="prediction__digit" aria-hidden="true">
        {prediction ? prediction.digit : '?'}
      </span>
      <span className="prediction__confidence" aria-hidden="true">
        {error ? 'Prediction failed' : prediction ? percent : 'Draw a digit'}
      </span>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {error
          ? `Prediction failed: ${error}`
          : prediction && state === 'done' && announce
            ? `Looks like a ${prediction.digit}, ${percent} sure.`
            : ''}
      </p>
    </div>
  );
}
