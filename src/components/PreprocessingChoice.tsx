import { PREPROCESSING, type Preprocessing } from '../preprocess/preprocessing';

const LABELS: Record<Preprocessing, string> = {
  mnist: 'MNIST-style: ink fitted into 20×20, centred by mass',
  crop: 'Crop to the ink only',
  naive: 'Whole pad shrunk (naive)',
};

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
            {LABELS[mode]}
          </option>
        ))}
      </select>
    </label>
  );
}
