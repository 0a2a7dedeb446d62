import type { KeyboardEvent } from 'react';
import { digitText, numberValue, type NumberReading } from '../number/readNumber';

/**
 * The number read, large: one button per digit, left to right. Choosing one (click, tap, or
 * Enter/Space; the arrow keys move between them) shows its scores and input below. A group that
 * does not read as a digit shows as "?", one the model is unsure of is marked.
 */
export function NumberDisplay({
  reading,
  selected,
  onSelect,
}: {
  reading: NumberReading;
  selected: number;
  onSelect: (digit: number) => void;
}) {
  const { state, digits } = reading;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || digits.length === 0) return;
    event.preventDefault();
    const next = Math.min(digits.length - 1, Math.max(0, selected + step));
    onSelect(next);
    event.currentTarget.querySelectorAll('button')[next]?.focus();
  };
  return (
    <div
      className={`number number--${state}${digits.length > 1 ? ' number--many' : ''}`}
      data-testid="number"
      data-state={state}
      data-value={numberValue(digits)}
      data-count={digits.length}
      role="group"
      aria-label={digits.length > 1 ? `Number read: ${numberValue(digits)}` : 'Number read'}
      onKeyDown={onKeyDown}
    >
      {digits.map(({ prediction }, i) => {
        const { verdict, digit, alternatives, confidence } = prediction;
        const text = digitText(prediction);
        const label =
          verdict === 'not-a-digit'
            ? 'not a digit'
            : verdict === 'unsure'
              ? `${alternatives[0]} or ${alternatives[1]}`
              : String(digit);
        return (
          <button
            key={i}
            type="button"
            className={`number__digit${verdict ? ` number__digit--${verdict}` : ''}`}
            data-testid="number-digit"
            data-digit={String(digit)}
            data-confidence={String(confidence)}
            data-verdict={verdict ?? ''}
            aria-pressed={i === selected}
            aria-label={`Digit ${i + 1} of ${digits.length}: ${label}`}
            title={verdict === 'unsure' ? `${alternatives[0]} or ${alternatives[1]}?` : undefined}
            onClick={() => onSelect(i)}
          >
            {text}
          </button>
        );
      })}
    </div>
  );
}
