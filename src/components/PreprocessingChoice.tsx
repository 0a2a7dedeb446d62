import {
  PREPROCESSING,
  PREPROCESSING_LABELS,
  type Preprocessing,
} from '../preprocess/preprocessing';

/**
 * Which preprocessing feeds the model: the app's own, or one of the simpler ones it is compared
 * with. Switching re-reads the current drawing, so the difference shows at once.
 */
export function PreprocessingChoice({
  value,
  onChange,
}: {
  value: Preprocessing;
  onChange: (value: Preprocessing) => void;
}) {
  return (
    <label className="preprocessing">
      Preprocessing{' '}
      <select
        data-testid="preprocessing"
        value={value}
        onChange={(event) => onChange(event.target.value as Preprocessing)}
      >
        {PREPROCESSING.map((mode) => (
          <option key={mode} value={mode}>
            {PREPROCESSING_LABELS[mode]}
          </option>
        ))}
      </select>
    </label>
  );
}
