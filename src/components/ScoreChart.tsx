import type { Prediction } from '../model/classifier';

/**
 * Ten bars, one per digit. Each row carries its value as text, so the list is its own text
 * equivalent; the bars themselves are decoration.
 */
export function ScoreChart({
  prediction,
  showLogits,
  onShowLogitsChange,
}: {
  prediction: Prediction | null;
  showLogits: boolean;
  onShowLogitsChange: (show: boolean) => void;
}) {
  const probabilities = prediction?.probabilities ?? new Array<number>(10).fill(0);
  const logits = prediction?.logits ?? new Array<number>(10).fill(0);
  const maxAbsLogit = Math.max(1e-6, ...logits.map(Math.abs));
  return (
    <section className="scores" aria-labelledby="scores-title">
      <div className="scores__header">
        <h2 id="scores-title">{showLogits ? 'Logits' : 'Probabilities'}</h2>
        <label className="switch">
          <input
            type="checkbox"
            checked={showLogits}
            onChange={(e) => onShowLogitsChange(e.target.checked)}
          />
          Show raw logits
        </label>
      </div>
      <ol className="scores__list">
        {probabilities.map((p, digit) => {
          const isTop = prediction?.digit === digit;
          const value = showLogits ? logits[digit]! : p;
          const width = showLogits ? (Math.abs(value) / maxAbsLogit) * 100 : p * 100;
          return (
            <li
              key={digit}
              className={`score${isTop ? ' score--top' : ''}${showLogits && value < 0 ? ' score--negative' : ''}`}
              data-testid={`score-${digit}`}
              data-probability={String(p)}
            >
              <span className="score__digit">{digit}</span>
              <span className="score__track" aria-hidden="true">
                <span className="score__bar" style={{ width: `${width}%` }} />
              </span>
              <span className="score__value">
                {showLogits ? value.toFixed(2) : `${(p * 100).toFixed(1)}%`}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
