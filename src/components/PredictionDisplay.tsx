import type { Prediction } from '../model/classifier';
import type { PredictionState } from '../model/predictionLoop';

/**
 * The answer in large type: the digit, or the two it cannot tell apart ("4 or 9?"), or "not a
 * digit"; the live region tells screen readers when a finished stroke changes it.
 */
export function PredictionDisplay({
  state,
  prediction,
  error,
  announce,
  place,
}: {
  state: PredictionState;
  prediction: Prediction | null;
  error: string | null;
  /** False while a stroke is being drawn: live updates would flood a screen reader. */
  announce: boolean;
  /** Which digit of a number this is, and the number read (null for a single digit). */
  place?: { index: number; count: number; value: string } | null;
}) {
  const done = state === 'done' && prediction !== null;
  const verdict = prediction?.verdict ?? null;
  return (
    <div
      className={`prediction prediction--${state}${verdict ? ` prediction--${verdict}` : ''}`}
      data-testid="prediction"
      data-state={state}
      data-digit={prediction ? String(prediction.digit) : ''}
      data-confidence={prediction ? String(prediction.confidence) : ''}
      data-verdict={done && verdict ? verdict : ''}
      data-alternatives={done ? prediction.alternatives.join(',') : ''}
    >
      <span className="prediction__digit" aria-hidden="true">
        {answer(prediction)}
      </span>
      <span className="prediction__confidence" aria-hidden="true">
        {error
          ? 'Prediction failed'
          : prediction
            ? detail(prediction)
            : 'Write a digit or a number'}
        {place && prediction && ` · digit ${place.index + 1} of ${place.count}`}
      </span>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {error
          ? `Prediction failed: ${error}`
          : done && announce
            ? `${place ? `Reads ${place.value.split('').join(' ')}. Digit ${place.index + 1}: ` : ''}${spoken(prediction)}`
            : ''}
      </p>
    </div>
  );
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

function answer(prediction: Prediction | null): string {
  if (!prediction) return '?';
  const [first, second] = prediction.alternatives;
  if (prediction.verdict === 'unsure') return `${first} or ${second}?`;
  if (prediction.verdict === 'not-a-digit') return '✗';
  return String(prediction.digit);
}

function detail(prediction: Prediction): string {
  if (prediction.verdict === 'unsure') return 'Not sure';
  if (prediction.verdict === 'not-a-digit') return 'Not a digit';
  return percent(prediction.confidence);
}

function spoken(prediction: Prediction): string {
  const [first, second] = prediction.alternatives;
  if (prediction.verdict === 'unsure') return `Not sure: ${first} or ${second}?`;
  if (prediction.verdict === 'not-a-digit') return 'That does not look like a digit.';
  return `Looks like a ${prediction.digit}, ${percent(prediction.confidence)} sure.`;
}
