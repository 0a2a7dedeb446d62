import { useEffect, useRef, useState } from 'react';
import { NUM_CLASSES } from '../constants';
import type { Personal } from '../hooks/usePersonal';
import type { Prediction } from '../model/classifier';

const DIGITS = Array.from({ length: NUM_CLASSES }, (_, d) => d);

/**
 * "Not right?": the person says which digit the drawing really is, and it is kept on this
 * device; the count of kept examples, and "Forget my handwriting" with a confirmation. The
 * choice is for the digit shown (of a number, the one chosen), once its answer is this
 * drawing's (`digit` is null until then).
 */
export function PersonalPanel({
  personal,
  digit,
}: {
  personal: Personal;
  /** The digit answered: a key naming its drawing, its model input and its prediction. */
  digit: { key: string; input: Float32Array; prediction: Prediction } | null;
}) {
  const prediction = digit?.prediction ?? null;
  const current = digit
    ? {
        key: digit.key,
        input: digit.input,
        // The raw logits, as shipped: adaptation keeps them and compares by them.
        logits: digit.prediction.logits,
        digit: digit.prediction.digit,
      }
    : null;
  // The drawing the choice is open for: a new drawing closes it.
  const [choosingFor, setChoosingFor] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState('');
  const firstDigit = useRef<HTMLButtonElement>(null);
  const choosing = current !== null && choosingFor === current.key;
  // A right answer kept too teaches more (npm run eval -- --adapt --keep all), though others
  // writing on this device are then read a little worse; offered only for a sure digit, where
  // "right" means one thing.
  const sure = prediction?.verdict === 'sure' || prediction?.verdict === null;
  useEffect(() => {
    if (choosing) firstDigit.current?.focus();
  }, [choosing]);

  const choose = (digit: number) => {
    if (!current) return;
    setChoosingFor(null);
    void personal.record(digit, current.input, current.logits).then(
      () => setSaid(`Kept on this device: that drawing is a ${digit}.`),
      () => setSaid('That example could not be kept.'),
    );
  };
  const forget = () => {
    setConfirming(false);
    void personal.forget().then(() => setSaid('Your handwriting examples were removed.'));
  };

  return (
    <section className="personal" aria-label="Your handwriting">
      {current && !choosing && sure && (
        <button type="button" data-testid="confirm" onClick={() => choose(current.digit)}>
          Right
        </button>
      )}
      {current && !choosing && (
        <button
          type="button"
          data-testid="correct"
          aria-expanded={false}
          onClick={() => setChoosingFor(current.key)}
        >
          Not right?
        </button>
      )}
      {choosing && (
        <div
          className="personal__choice"
          role="group"
          aria-label="Which digit did you write?"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation(); // Escape here closes the choice, not clears the pad
            setChoosingFor(null);
          }}
        >
          <span className="personal__question">It is a</span>
          {DIGITS.map((digit) => (
            <button
              key={digit}
              ref={digit === 0 ? firstDigit : undefined}
              type="button"
              className="personal__digit"
              data-testid={`correct-${digit}`}
              aria-label={`It is a ${digit}${digit === current.digit ? ' (as read)' : ''}`}
              onClick={() => choose(digit)}
            >
              {digit}
            </button>
          ))}
          <button type="button" onClick={() => setChoosingFor(null)}>
            Cancel
          </button>
        </div>
      )}
      {/* role status: announced politely, apart from the answer's own live region */}
      <p className="visually-hidden" role="status">
        {said}
      </p>
      <p className="personal__count">
        <span data-testid="personal-count">{personal.count}</span>{' '}
        {personal.count === 1 ? 'example' : 'examples'} of your handwriting kept on this device, to
        read you better. Nothing leaves it.
      </p>
      {personal.notice && (
        <p className="personal__notice" role="status" data-testid="personal-notice">
          {personal.notice}
        </p>
      )}
      {personal.count > 0 && !confirming && (
        <button type="button" data-testid="forget" onClick={() => setConfirming(true)}>
          Forget my handwriting
        </button>
      )}
      {confirming && (
        <div className="personal__confirm" role="group" aria-label="Forget my handwriting">
          <span>Remove all {personal.count} kept examples?</span>
          <button type="button" data-testid="forget-confirm" onClick={forget} autoFocus>
            Forget
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </div>
      )}
    </section>
  );
}
