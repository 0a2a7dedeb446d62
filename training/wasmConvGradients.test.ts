import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startWasmBackend } from './wasmBackend';

// The wasm gradient kernels are checked against tfjs's reference cpu backend on random inputs.

async function onBackend<T>(backend: string, fn: () => Promise<T>): Promise<T> {
  await tf.setBackend(backend);
  return fn();
}

/** Gradients of sum(conv2d(x, w) * probe) with respect to x and w, on one backend. */
async function convGrads(
  backend: string,
  x: Float32Array,
  xShape: [number, number, number, number],
  w: Float32Array,
  wShape: [number, number, number, number],
  stride: number,
  pad: 'same' | 'valid',
) {
  return onBackend(backend, async () => {
    const xs = tf.tensor4d(x, xShape);
    const ws = tf.tensor4d(w, wShape);
    const f = (a: tf.Tensor, b: tf.Tensor) => {
      const y = tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad);
      // A fixed, non-uniform upstream gradient, so every dy element matters.
      const probe = tf.sin(tf.range(0, y.size).reshape(y.shape));
      return tf.sum(tf.mul(y, probe));
    };
    const [dx, dw] = tf.grads(f)([xs, ws]);
    const result = { dx: await dx!.data(), dw: await dw!.data() };
    tf.dispose([xs, ws, dx!, dw!]);
    return result;
  });
}

function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / (1 + Math.abs(b[i]!)));
  }
  return worst;
}

const random = (n: number, seed: number) =>
  Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + seed) * 0.5);

describe('wasm convolution gradient kernels', () => {
  beforeAll(async () => {
    await startWasmBackend(1);
    await tf.setBackend('cpu');
  });

  const cases: {
    name: string;
    x: [number, number, number, number];
    w: [number, number, number, number];
    stride: number;
    pad: 'same' | 'valid';
  }[] = [
    {
      name: '5x5 same, 1 -> 8 channels',
      x: [3, 12, 12, 1],
      w: [5, 5, 1, 8],
      stride: 1,
      pad: 'same',
    },
    { name: '3x3 same, 4 -> 6 channels', x: [2, 7, 7, 4], w: [3, 3, 4, 6], stride: 1, pad: 'same' },
    { name: '3x3 valid, uneven size', x: [2, 9, 6, 3], w: [3, 3, 3, 5], stride: 1, pad: 'valid' },
    { name: '3x3 valid, stride 2', x: [2, 9, 9, 2], w: [3, 3, 2, 4], stride: 2, pad: 'valid' },
  ];

  for (const c of cases) {
    it(`match the cpu backend: ${c.name}`, async () => {
      const x = random(
        c.x.reduce((a, b) => a * b),
        1,
      );
      const w = random(
        c.w.reduce((a, b) => a * b),
        2,
      );
      const wasm = await convGrads('wasm', x, c.x, w, c.w, c.stride, c.pad);
      const cpu = await convGrads('cpu', x, c.x, w, c.w, c.stride, c.pad);
      expect(wasm.dw).toHaveLength(cpu.dw.length);
      expect(maxRelativeError(wasm.dw, cpu.dw)).toBeLessThan(1e-4);
      expect(maxRelativeError(wasm.dx, cpu.dx)).toBeLessThan(1e-4);
    });
  }

  it('route max-pooling gradients like the cpu backend, ties included', async () => {
    const values = random(2 * 8 * 6 * 3, 3).map((v) => Math.round(v * 4) / 4); // many ties
    const grad = (backend: string) =>
      onBackend(backend, async () => {
        const x = tf.tensor4d(values, [2, 8, 6, 3]);
        const f = (a: tf.Tensor) => {
          const y = tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid');
          return tf.sum(tf.mul(y, tf.cos(tf.range(0, y.size).reshape(y.shape))));
        };
        const dx = tf.grad(f)(x);
        const data = await dx.data();
        tf.dispose([x, dx]);
        return data;
      });
    const wasm = await grad('wasm');
    const cpu = await grad('cpu');
    // Same routing (which input of each window receives the gradient), same values.
    expect(Array.from(wasm, (v) => v !== 0)).toEqual(Array.from(cpu, (v) => v !== 0));
    expect(maxRelativeError(wasm, cpu)).toBeLessThan(1e-5);
  });

  it('leave no tensors behind', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const x = random(2 * 8 * 8 * 2, 4);
    const w = random(3 * 3 * 2 * 4, 5);
    await convGrads('wasm', x, [2, 8, 8, 2], w, [3, 3, 2, 4], 1, 'same');
    expect(tf.memory().numTensors).toBe(before);
  });
});
