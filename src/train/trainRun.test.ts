import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_PIXELS, INPUT_SIZE } from '../constants';
import { readMetadata } from '../model/modelFormat';
import type { DigitImages, MnistData } from './mnistData';
import { TRAINED_WEIGHTS_FILE } from './trainedModelFiles';
import { startTrainRun, type TrainEvents } from './trainRun';
import type { BatchPoint, EpochPoint, TrainedModelFiles, TrainSettings } from './trainProtocol';

/** Digit d is a bright bar on rows 2d+2 and 2d+3 with a little noise: learnt in a few batches. */
function bars(count: number, seed: number): DigitImages {
  const images = new Uint8Array(count * INPUT_PIXELS);
  const labels = new Uint8Array(count);
  let s = seed;
  const noise = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) % 40) as number;
  for (let i = 0; i < count; i++) {
    const digit = (i * 7 + seed) % 10;
    labels[i] = digit;
    for (let p = 0; p < INPUT_PIXELS; p++) {
      const row = Math.floor(p / INPUT_SIZE);
      images[i * INPUT_PIXELS + p] = row === 2 * digit + 2 || row === 2 * digit + 3 ? 255 : noise();
    }
  }
  return { images, labels, count };
}

/** 400 training images and 200 for validation: 5,000 would make the cpu backend slow here. */
const VALIDATION = 200;
const DATA: MnistData = { train: bars(400 + VALIDATION, 1), test: bars(300, 2) };

const SETTINGS: TrainSettings = {
  arch: 'dense128',
  epochs: 2,
  batchSize: 50,
  learningRate: 0.01,
  limit: 300,
  personal: null,
};

function recorder() {
  const batches: { point: BatchPoint; perEpoch: number }[] = [];
  const epochs: EpochPoint[] = [];
  const events: TrainEvents = {
    batch: (point, perEpoch) => batches.push({ point, perEpoch }),
    epoch: (point) => epochs.push(point),
  };
  return { batches, epochs, events };
}

/** model.json and weights back into a tfjs-layers model, as tfjs's own loader reads them. */
async function loadBack(files: TrainedModelFiles): Promise<tfl.LayersModel> {
  const json = files.modelJson as unknown as tf.io.ModelJSON;
  const artifacts = await tf.io.getModelArtifactsForJSON(json, async (manifest) => [
    manifest.flatMap((group) => group.weights),
    files.weightData,
  ]);
  return tfl.loadLayersModel(tf.io.fromMemory(artifacts));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('startTrainRun', () => {
  it('trains batch by batch, reports, exports a model that loads back, and leaks no tensor', async () => {
    const start = tf.memory().numTensors;
    const { batches, epochs, events } = recorder();
    const result = await startTrainRun(DATA, SETTINGS, events, {
      seed: 3,
      backend: 'cpu',
      validationSize: VALIDATION,
    }).result;

    expect(batches.map((b) => `${b.point.epoch}.${b.point.batch}`)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
    ]);
    expect(batches.every((b) => b.perEpoch === 6)).toBe(true);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(epochs[1]!.validationAccuracy).toBeGreaterThan(0.9);
    expect(epochs[1]!.ms).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(start);

    const { report, model } = result!;
    expect(report.accuracy).toBeGreaterThan(0.9);
    expect(report.confusion.flat().reduce((a, b) => a + b, 0)).toBe(300);
    expect(report.perClass.reduce((n, c) => n + c.total, 0)).toBe(300);
    expect(report.personal).toBeNull();

    const metadata = readMetadata(model.modelJson.userDefinedMetadata);
    expect(metadata?.accuracy.mnistTest).toBe(report.accuracy);
    expect(metadata?.signature_def.serving_default.inputs.flatten_input?.tensor_shape.dim).toEqual([
      { size: '-1', name: '' },
      { size: '28', name: '' },
      { size: '28', name: '' },
    ]);
    expect(model.modelJson.weightsManifest).toMatchObject([{ paths: [TRAINED_WEIGHTS_FILE] }]);

    // The files hold the trained model: loaded back, it reads the test set as the report says.
    const loaded = await loadBack(model);
    expect(loaded.inputLayers[0]!.name).toBe('flatten_input');
    expect(loaded.outputLayers[0]!.name).toBe('dense_1');
    expect(loaded.outputs[0]!.shape).toEqual([null, 10]);
    const right = tf.tidy(() => {
      const xs = tf.div(tf.tensor3d(DATA.test.images, [300, 28, 28], 'float32'), 255);
      const said = tf.argMax(loaded.predict(xs) as tf.Tensor, 1);
      return tf.sum(tf.cast(tf.equal(said, tf.tensor1d(DATA.test.labels, 'int32')), 'int32'));
    });
    expect((await right.data())[0]! / 300).toBeCloseTo(report.accuracy, 5);
    right.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('stops before its next batch, resolving to null with every tensor freed', async () => {
    const start = tf.memory().numTensors;
    const { batches, events } = recorder();
    const run = startTrainRun(
      DATA,
      SETTINGS,
      {
        ...events,
        batch: (point, perEpoch) => {
          events.batch(point, perEpoch);
          if (point.batch === 2) run.stop();
        },
      },
      { seed: 1, validationSize: VALIDATION },
    );
    await expect(run.result).resolves.toBeNull();
    expect(batches).toHaveLength(2);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('trains no batch while paused, and leaves the pause out of the epoch time', async () => {
    let clock = 0;
    const { batches, epochs, events } = recorder();
    const run = startTrainRun(
      DATA,
      { ...SETTINGS, epochs: 1 },
      {
        ...events,
        batch: (point, perEpoch) => {
          events.batch(point, perEpoch);
          clock += 10;
          if (point.batch === 1) run.pause();
        },
      },
      { seed: 1, now: () => clock, validationSize: VALIDATION },
    );
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(batches).toHaveLength(1);
    clock += 1000;
    run.resume();
    const result = await run.result;
    expect(result).not.toBeNull();
    expect(batches).toHaveLength(6);
    expect(epochs[0]!.ms).toBe(60);
  });

  it("adds the person's drawings and holds one per digit out for before and after", async () => {
    // bars(1, d) draws the digit d.
    const drawing = (digit: number) => Float32Array.from(bars(1, digit).images, (b) => b / 255);
    const personal = {
      inputs: [drawing(7), drawing(7), drawing(4), drawing(7), drawing(5), drawing(5)],
      labels: [7, 7, 4, 7, 5, 5],
      weight: 4,
    };
    let shown: Float32Array[] = [];
    const result = await startTrainRun(DATA, { ...SETTINGS, personal }, recorder().events, {
      seed: 2,
      validationSize: VALIDATION,
      shippedDigits: async (inputs) => {
        shown = inputs;
        return [0, 5];
      },
    }).result;
    // Held out: the newest 7 (index 3) and the newest 5 (index 5); the single 4 is trained on.
    expect(shown).toEqual([personal.inputs[3], personal.inputs[5]]);
    const figure = result!.report.personal!;
    expect(figure.total).toBe(2);
    expect(figure.before).toBe(1);
    expect(figure.after).toBeGreaterThanOrEqual(0);
    expect(result!.model.modelJson.userDefinedMetadata).toMatchObject({
      training: { data: expect.stringContaining("4 of the person's drawings x4") },
    });
  });

  it('trains the CNN with the same signature', async () => {
    const start = tf.memory().numTensors;
    const result = await startTrainRun(
      DATA,
      { ...SETTINGS, arch: 'cnn', epochs: 1, batchSize: 10, limit: 20 },
      recorder().events,
      { seed: 1, validationSize: VALIDATION },
    ).result;
    const topology = JSON.stringify(result!.model.modelJson.modelTopology);
    expect(topology).toContain('"conv2"');
    expect(result!.model.modelJson.userDefinedMetadata).toMatchObject({ architecture: 'cnn' });
    expect(tf.memory().numTensors).toBe(start);
    // The cpu backend's convolution gradients are plain loops: seconds per batch on a busy machine.
  }, 180_000);

  it('refuses settings it cannot train with', async () => {
    for (const bad of [{ epochs: 0 }, { batchSize: 2.5 }, { learningRate: 0 }, { limit: -1 }]) {
      await expect(
        startTrainRun(DATA, { ...SETTINGS, ...bad }, recorder().events, {
          validationSize: VALIDATION,
        }).result,
      ).rejects.toThrow(/must be/);
    }
  });
});
