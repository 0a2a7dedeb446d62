import { describe, expect, it } from 'vitest';
import { describeLoadError, describeRunError } from './runError';
import { UserModelError } from './UserModel';

describe('describeRunError', () => {
  it('names an op tfjs does not know', () => {
    const error = describeRunError(new TypeError("Unknown op 'Foo'. File an issue ..."), 'webgl');
    expect(error.message).toBe(
      'The model uses the operation Foo, which TensorFlow.js cannot run (on any backend).',
    );
    expect(error.detail).toBe("backend webgl: Unknown op 'Foo'. File an issue ...");
    expect(describeRunError(new Error('Tensorflow Op is not supported: Bar'), 'cpu').message).toBe(
      'The model uses the operation Bar, which TensorFlow.js cannot run (on any backend).',
    );
  });
  it('names a kernel the backend lacks, and the backend in words', () => {
    const error = describeRunError(
      new Error("Kernel 'Erf' not registered for backend 'wasm'"),
      'wasm',
    );
    expect(error.message).toBe(
      'The model uses the operation Erf, which WebAssembly cannot run here. Another backend (?backend=webgl, wasm or cpu) may run it.',
    );
  });
  it("passes anything else on with tfjs's words, and a UserModelError as it is", () => {
    expect(describeRunError(new Error('boom'), 'webgl').message).toBe(
      'The model could not run on WebGL (the GPU): boom',
    );
    const own = new UserModelError('mine', 'detail');
    expect(describeRunError(own, 'cpu')).toBe(own);
  });
});

describe('describeLoadError', () => {
  it('names a layer tfjs does not have', () => {
    expect(
      describeLoadError(new Error('Unknown layer: MyLayer. This may be ...'), 'layers').message,
    ).toBe('The model uses the layer MyLayer, which TensorFlow.js does not have.');
    expect(describeLoadError(new Error('bad'), 'graph').message).toBe(
      'TensorFlow.js could not read this graph model: bad',
    );
  });
});
