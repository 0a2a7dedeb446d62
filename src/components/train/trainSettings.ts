import type { ArchDefaults } from '../../train/defaultSettings';
import { VALIDATION_SIZE } from '../../train/trainingSet';
import type { TrainArch, TrainSettings } from '../../train/trainProtocol';

// The settings form as the person typed it, and the TrainSettings it stands for.

/** Each network's default epochs, batch size and learning rate (DEFAULT_SETTINGS). */
export type Defaults = Record<TrainArch, ArchDefaults>;

/** The person's kept drawings: model inputs (784 values, 0..1) and the digits they are. */
export interface PersonalExamples {
  inputs: readonly Float32Array[];
  labels: readonly number[];
}

export const ARCHITECTURES: { value: TrainArch; label: string }[] = [
  { value: 'dense128', label: 'Tutorial: Dense 128' },
  { value: 'cnn', label: 'Small CNN' },
];

/** MNIST's training images, less those kept to validate each epoch. */
export const TRAINABLE_IMAGES = 60_000 - VALIDATION_SIZE;
/** A quick run trains on this many of them: under a fifth of the time. */
export const QUICK_LIMIT = 10_000;
/** Each kept drawing counts as this many MNIST images: a few dozen among 60,000 otherwise vanish. */
export const DEFAULT_PERSONAL_WEIGHT = 10;

export interface SettingsDraft {
  arch: TrainArch;
  epochs: string;
  batchSize: string;
  learningRate: string;
  quick: boolean;
  personal: boolean;
  personalWeight: string;
}

export type DraftField = 'epochs' | 'batchSize' | 'learningRate' | 'personalWeight';

export function draftFor(arch: TrainArch, defaults: Defaults, from?: SettingsDraft): SettingsDraft {
  const d = defaults[arch];
  return {
    quick: false,
    personal: false,
    personalWeight: String(DEFAULT_PERSONAL_WEIGHT),
    ...from,
    arch,
    epochs: String(d.epochs),
    batchSize: String(d.batchSize),
    learningRate: String(d.learningRate),
  };
}

function integerIn(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : null;
}

export type ReadSettings =
  | { ok: true; settings: TrainSettings }
  | { ok: false; errors: Partial<Record<DraftField, string>> };

/** The draft as settings, or what is wrong with each field, in words. */
export function readSettings(
  draft: SettingsDraft,
  personal: PersonalExamples | null,
): ReadSettings {
  const errors: Partial<Record<DraftField, string>> = {};
  const epochs = integerIn(draft.epochs, 1, 100);
  if (epochs === null) errors.epochs = 'Epochs: a whole number from 1 to 100.';
  const batchSize = integerIn(draft.batchSize, 1, 4096);
  if (batchSize === null) errors.batchSize = 'Batch size: a whole number from 1 to 4096.';
  const learningRate = Number(draft.learningRate);
  const rateOk =
    draft.learningRate.trim() !== '' &&
    Number.isFinite(learningRate) &&
    learningRate > 0 &&
    learningRate <= 1;
  if (!rateOk) errors.learningRate = 'Learning rate: a number above 0, at most 1.';
  const adding = draft.personal && personal !== null && personal.inputs.length > 0;
  const weight = adding ? integerIn(draft.personalWeight, 1, 100) : DEFAULT_PERSONAL_WEIGHT;
  if (weight === null) errors.personalWeight = 'Weight: a whole number from 1 to 100.';
  if (epochs === null || batchSize === null || !rateOk || weight === null)
    return { ok: false, errors };
  return {
    ok: true,
    settings: {
      arch: draft.arch,
      epochs,
      batchSize,
      learningRate,
      limit: draft.quick ? QUICK_LIMIT : null,
      personal: adding
        ? { inputs: personal.inputs.slice(), labels: personal.labels.slice(), weight }
        : null,
    },
  };
}
