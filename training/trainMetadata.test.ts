import { describe, expect, it } from 'vitest';
import { readMetadata } from '../src/model/modelFormat';
import { DEFAULT_AUGMENT } from './augment';
import { buildModel, servingModel } from './model';
import { NON_DIGIT_PEN } from './nonDigits';
import { DEFAULT_STROKE_AUGMENT } from './strokeAugment';
import { augmentation, modelMetadata, trainingRecord } from './trainMetadata';
import { parseTrainOptions, type TrainOptions } from './trainOptions';

const options = (...argv: string[]) => parseTrainOptions(argv, new Date(0)) as TrainOptions;
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('augmentation', () => {
  it('records the options objects the samples were made with', () => {
    expect(augmentation(options())).toEqual({
      mnist: { image: plain(DEFAULT_AUGMENT), unwarpedShare: 0 },
      strokes: {
        image: { ...plain(DEFAULT_AUGMENT), thicknessChance: 0 },
        penWidth: { min: 1.4, max: 3.2 },
      },
    });
  });

  it('with stroke augmentation, unwarped MNIST and non-digits', () => {
    const record = augmentation(
      options('--stroke-augment', '--mnist-clean', '0.3', '--non-digits', '0.1'),
    );
    expect(record).toEqual({
      mnist: { image: plain(DEFAULT_AUGMENT), unwarpedShare: 0.3 },
      strokes: { strokes: plain(DEFAULT_STROKE_AUGMENT) },
      nonDigits: {
        share: 0.1,
        pen: plain(NON_DIGIT_PEN),
        strokes: plain(DEFAULT_STROKE_AUGMENT),
      },
    });
  });
});

describe('modelMetadata', () => {
  it('is metadata the page reads, with the command and the objects, no prose', () => {
    const o = options('--arch', 'fast3tall', '--non-digits', '0.1');
    const model = servingModel(buildModel(o.arch, 1, true));
    const record = trainingRecord(o, 4, 90_000, new Date('2026-12-02T10:00:00Z'));
    const accuracy = { mnistTest: 0.99, mnistValidation: 0.98 };
    const metadata = plain(modelMetadata(model, o, record, accuracy));
    expect(readMetadata(metadata)).toEqual(metadata);
    expect(metadata.architecture).toBe('s24-s48-64');
    expect(Object.keys(metadata.signature_def.serving_default.outputs)).toEqual([
      'dense_1',
      'not_digit',
    ]);
    expect(metadata.training).toMatchObject({
      command: expect.stringMatching(/^npm run train -- --arch s24-s48-64 /) as unknown,
      chosenEpoch: 5,
      trainingMinutes: 1.5,
      date: '2026-12-02',
      augmentation: augmentation(o),
    });
    model.dispose();
  });
});
