import { useId, useState, type ReactNode } from 'react';
import type { TrainArch, TrainSettings } from '../../train/trainProtocol';
import { formatBytes, formatCount } from './trainFormat';
import {
  ARCHITECTURES,
  draftFor,
  QUICK_LIMIT,
  TRAINABLE_IMAGES,
  readSettings,
  type Defaults,
  type DraftField,
  type PersonalExamples,
  type SettingsDraft,
} from './trainSettings';

/**
 * The run's settings and its Start button; `children` are the buttons of a run under way.
 * The fields are locked while a run is under way.
 */
export function TrainSettingsForm({
  defaults,
  personal,
  dataBytes,
  busy,
  onStart,
  children,
}: {
  defaults: Defaults;
  personal: PersonalExamples | null;
  /** Bytes of MNIST a run downloads, when known. */
  dataBytes: number | null;
  busy: boolean;
  onStart: (settings: TrainSettings) => void;
  children: ReactNode;
}) {
  const [draft, setDraft] = useState(() => draftFor('dense128', defaults));
  const read = readSettings(draft, personal);
  const errors = read.ok ? {} : read.errors;
  const kept = personal?.inputs.length ?? 0;
  const update = (change: Partial<SettingsDraft>) => setDraft({ ...draft, ...change });

  return (
    <form
      className="train-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (read.ok && !busy) onStart(read.settings);
      }}
    >
      <fieldset className="train-form__fields" disabled={busy}>
        <legend className="visually-hidden">Settings</legend>
        <label>
          Network{' '}
          <select
            data-testid="train-arch"
            value={draft.arch}
            onChange={(e) => setDraft(draftFor(e.target.value as TrainArch, defaults, draft))}
          >
            {ARCHITECTURES.map((arch) => (
              <option key={arch.value} value={arch.value}>
                {arch.label}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Epochs"
          testId="train-epochs"
          field="epochs"
          draft={draft}
          error={errors.epochs}
          step="1"
          onChange={update}
        />
        <NumberField
          label="Batch size"
          testId="train-batch-size"
          field="batchSize"
          draft={draft}
          error={errors.batchSize}
          step="1"
          onChange={update}
        />
        <NumberField
          label="Learning rate"
          testId="train-learning-rate"
          field="learningRate"
          draft={draft}
          error={errors.learningRate}
          step="any"
          onChange={update}
        />
        <label className="train-form__check">
          <input
            type="checkbox"
            data-testid="train-quick"
            checked={draft.quick}
            onChange={(e) => update({ quick: e.target.checked })}
          />
          Quick run: {formatCount(QUICK_LIMIT)} training images, not all{' '}
          {formatCount(TRAINABLE_IMAGES)}
        </label>
        <label className="train-form__check">
          <input
            type="checkbox"
            data-testid="train-personal"
            disabled={kept === 0}
            checked={kept > 0 && draft.personal}
            onChange={(e) => update({ personal: e.target.checked })}
          />
          {kept > 0
            ? `Add my handwriting: ${formatCount(kept)} kept drawing${kept === 1 ? '' : 's'}, the newest of each digit drawn twice held out to compare before and after`
            : 'Add my handwriting (none kept yet: "Not right?" on an answer keeps one)'}
        </label>
        {kept > 0 && draft.personal && (
          <NumberField
            label="Each of my drawings counts as this many images"
            testId="train-personal-weight"
            field="personalWeight"
            draft={draft}
            error={errors.personalWeight}
            step="1"
            onChange={update}
          />
        )}
      </fieldset>
      <p className="train-form__size" data-testid="train-size">
        {dataBytes !== null
          ? `Downloads ${formatBytes(dataBytes)} of MNIST (training and test images) when you start.`
          : 'Downloads MNIST (training and test images) when you start.'}
      </p>
      <div className="train-form__actions">
        <button type="submit" data-testid="train-start" disabled={busy || !read.ok}>
          Start
        </button>
        {children}
      </div>
    </form>
  );
}

function NumberField({
  label,
  testId,
  field,
  draft,
  error,
  step,
  onChange,
}: {
  label: string;
  testId: string;
  field: DraftField;
  draft: SettingsDraft;
  error: string | undefined;
  step: string;
  onChange: (change: Partial<SettingsDraft>) => void;
}) {
  const errorId = useId();
  return (
    <label className="train-form__number">
      {label}{' '}
      <input
        type="number"
        inputMode={step === '1' ? 'numeric' : 'decimal'}
        min={0}
        step={step}
        data-testid={testId}
        value={draft[field]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />
      {error && (
        <span id={errorId} className="train-form__error">
          {error}
        </span>
      )}
    </label>
  );
}
