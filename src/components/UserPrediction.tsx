import { NUM_CLASSES } from '../constants';
import { useLatestMeasure } from '../hooks/useLatestMeasure';
import type { UserReading } from '../hooks/useUserPrediction';
import type { UserPrediction as Answer } from '../usermodel/UserModel';
import './usermodel/userModel.css';

/**
 * The person's model's answer beside the shipped one's, for the same digit: its digit, its ten
 * bars (probabilities, converted from logits when it gives logits), the number it reads when
 * there are several digits, and how long each model took.
 */
export function UserPrediction({
  name,
  reading,
  selected,
}: {
  name: string;
  reading: UserReading;
  /** The digit chosen below the number (index into the digits read). */
  selected: number;
}) {
  const shippedMs = useLatestMeasure('predict');
  const { state, predictions, error, ms } = reading;
  const answer: Answer | null = predictions[selected] ?? predictions.at(-1) ?? null;
  const value = predictions.length > 1 ? predictions.map((p) => p.digit).join('') : '';
  const probabilities = answer?.probabilities ?? new Array<number>(NUM_CLASSES).fill(0);
  return (
    <section
      className={`user-prediction user-prediction--${state}`}
      aria-labelledby="user-prediction-title"
      data-testid="user-prediction"
      data-state={state}
      data-digit={answer ? String(answer.digit) : ''}
      data-value={value}
      data-ms={ms === null ? '' : ms.toFixed(2)}
      data-shipped-ms={shippedMs === null ? '' : shippedMs.toFixed(2)}
    >
      <div className="user-prediction__header">
        <h2 id="user-prediction-title" title={name}>
          Your model
        </h2>
        <span className="user-prediction__digit">{answer ? answer.digit : '?'}</span>
        <span className="user-prediction__confidence">
          {answer ? `${(answer.confidence * 100).toFixed(0)}%` : ''}
          {value && ` · reads ${value}`}
        </span>
      </div>
      {error && (
        <p className="user-prediction__error" role="alert">
          Your model failed on this drawing: {error}
        </p>
      )}
      <ol className="scores__list user-prediction__scores">
        {probabilities.map((p, digit) => (
          <li
            key={digit}
            className={`score${answer?.digit === digit ? ' score--top' : ''}`}
            data-testid={`user-score-${digit}`}
            data-probability={String(p)}
            title={answer ? `output ${answer.outputs[digit]}` : undefined}
          >
            <span className="score__digit">{digit}</span>
            <span className="score__track" aria-hidden="true">
              <span className="score__bar" style={{ width: `${p * 100}%` }} />
            </span>
            <span className="score__value">{`${(p * 100).toFixed(1)}%`}</span>
          </li>
        ))}
      </ol>
      <p
        className="user-prediction__latency"
        title="From the digits' inputs to the scores read back; ours also prepares the drawing."
      >
        Yours: {formatMs(ms)} · ours: {formatMs(shippedMs)}
      </p>
    </section>
  );
}

const formatMs = (ms: number | null) => (ms === null ? '–' : `${ms.toFixed(1)} ms`);
