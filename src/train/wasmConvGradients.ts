// Conv gradients the wasm backend lacks, for the training worker and for Node training
// (training/wasmConvGradients.ts re-exports them); MaxPoolGrad's heap views are taken after its
// output is allocated.
import {
  backend_util,
  Conv2DBackpropFilter,
  Conv2DBackpropInput,
  getKernel,
  MaxPoolGrad,
  registerKernel,
  unregisterKernel,
  type Conv2DBackpropFilterAttrs,
  type Conv2DBackpropInputAttrs,
  type MaxPoolGradAttrs,
  type KernelBackend,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

type KernelArgs = { inputs: NamedTensorInfoMap; backend: KernelBackend; attrs: NamedAttrMap };
type HeapBackend = KernelBackend & {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
};

// The wasm backend has no Conv2DBackpropFilter kernel, so a conv layer cannot train on it.
// The filter gradient is itself a convolution: with the batch moved into the channel axis,
// dW = conv(transpose(x), transpose(dy)). Running it on wasm's own (XNNPACK) Conv2D is about
// 5x faster than going through Conv3DBackpropFilterV2.

function run(
  kernelName: string,
  backend: KernelBackend,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap,
): TensorInfo {
  const kernel = getKernel(kernelName, 'wasm');
  if (!kernel) throw new Error(`wasm backend has no ${kernelName} kernel`);
  return kernel.kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}

/** wasm's forward Conv2D (XNNPACK) with explicit padding, stride 1 and the given dilation. */
function conv2dPadded(
  backend: KernelBackend,
  x: TensorInfo,
  filter: TensorInfo,
  padHeight: [number, number],
  padWidth: [number, number],
  dilations: [number, number],
): TensorInfo {
  return run(
    'Conv2D',
    backend,
    { x, filter },
    { strides: [1, 1], pad: [[0, 0], padHeight, padWidth, [0, 0]], dilations, dataFormat: 'NHWC' },
  );
}

function conv2dBackpropFilter({ inputs, backend, attrs }: KernelArgs): TensorInfo {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    attrs as unknown as Conv2DBackpropFilterAttrs;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  if (info.dataFormat !== 'channelsLast') {
    throw new Error('Conv2DBackpropFilter on wasm supports channelsLast only');
  }
  const { top, bottom, left, right } = info.padInfo;
  // x [N, H, W, Cin] -> [Cin, H, W, N]; dy [N, Ho, Wo, Cout] -> [Ho, Wo, N, Cout] (a filter).
  const xT = run('Transpose', backend, { x }, { perm: [3, 1, 2, 0] });
  const dyT = run('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] });
  // A forward stride becomes a dilation of dy when the roles are swapped.
  const grad = conv2dPadded(
    backend,
    xT,
    dyT,
    [top, bottom],
    [left, right],
    [info.strideHeight, info.strideWidth],
  );
  backend.disposeData(xT.dataId);
  backend.disposeData(dyT.dataId);
  const [, gh, gw] = grad.shape;
  if (gh !== info.filterHeight || gw !== info.filterWidth) {
    backend.disposeData(grad.dataId);
    throw new Error(
      `Conv2DBackpropFilter on wasm: unsupported geometry (got ${gh}x${gw}, ` +
        `filter ${info.filterHeight}x${info.filterWidth})`,
    );
  }
  // [Cin, kh, kw, Cout] -> [kh, kw, Cin, Cout]
  const out = run('Transpose', backend, { x: grad }, { perm: [1, 2, 0, 3] });
  backend.disposeData(grad.dataId);
  return out;
}

/**
 * wasm's own Conv2DBackpropInput is a plain loop, half of a training step. For stride 1 the
 * input gradient is a forward convolution of dy with the filter flipped in space and its
 * channel axes swapped, padded by (kernel - 1 - original padding).
 */
function makeConv2dBackpropInput(original: (args: KernelArgs) => TensorInfo) {
  return (args: KernelArgs): TensorInfo => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
      attrs as unknown as Conv2DBackpropInputAttrs;
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      backend_util.convertConv2DDataFormat(dataFormat),
    );
    if (info.strideHeight !== 1 || info.strideWidth !== 1 || info.dataFormat !== 'channelsLast') {
      return original(args);
    }
    const { top, bottom, left, right } = info.padInfo;
    const flipped = run('Reverse', backend, { x: filter }, { dims: [0, 1] });
    const swapped = run('Transpose', backend, { x: flipped }, { perm: [0, 1, 3, 2] });
    backend.disposeData(flipped.dataId);
    const out = conv2dPadded(
      backend,
      dy,
      swapped,
      [info.filterHeight - 1 - top, info.filterHeight - 1 - bottom],
      [info.filterWidth - 1 - left, info.filterWidth - 1 - right],
      [1, 1],
    );
    backend.disposeData(swapped.dataId);
    return out;
  };
}

/**
 * wasm's MaxPoolGrad is a generic loop, slower than both convolution gradients together. For
 * the non-overlapping 2x2 (stride 2, valid) pooling our models use, route each gradient to the
 * first maximum of its window, as tfjs's own kernels do, straight in the wasm heap.
 */
function makeMaxPoolGrad(original: (args: KernelArgs) => TensorInfo) {
  return (args: KernelArgs): TensorInfo => {
    const { inputs, attrs } = args;
    const backend = args.backend as HeapBackend;
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    const { filterSize, strides, pad } = attrs as unknown as MaxPoolGradAttrs;
    const [n, h, w, c] = input.shape as [number, number, number, number];
    const is2x2 = (v: number | [number, number]) =>
      Array.isArray(v) ? v[0] === 2 && v[1] === 2 : v === 2;
    if (!is2x2(filterSize) || !is2x2(strides) || pad !== 'valid' || h % 2 || w % 2) {
      return original(args);
    }
    // The output first: allocating it may grow the wasm heap, which detaches views taken before.
    const out = backend.makeOutput([n, h, w, c], 'float32');
    const x = backend.typedArrayFromHeap(input);
    const g = backend.typedArrayFromHeap(dy);
    const dx = backend.typedArrayFromHeap(out);
    dx.fill(0);
    const oh = h / 2;
    const ow = w / 2;
    const rowStride = w * c;
    for (let b = 0; b < n; b++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          const base = ((b * h + 2 * i) * w + 2 * j) * c;
          const gBase = ((b * oh + i) * ow + j) * c;
          for (let k = 0; k < c; k++) {
            let best = base + k;
            for (const offset of [c, rowStride, rowStride + c]) {
              if (x[base + k + offset]! > x[best]!) best = base + k + offset;
            }
            dx[best] = g[gBase + k]!;
          }
        }
      }
    }
    return out;
  };
}

function override(
  kernelName: string,
  wrap: (original: (args: KernelArgs) => TensorInfo) => (args: KernelArgs) => TensorInfo,
): void {
  const original = getKernel(kernelName, 'wasm');
  if (!original) throw new Error(`wasm backend has no ${kernelName} kernel`);
  unregisterKernel(kernelName, 'wasm');
  registerKernel({ ...original, kernelFunc: wrap(original.kernelFunc as never) as never });
}

/**
 * Makes the wasm backend able to train convolutions fast; call once after importing it.
 * Idempotent: a second call changes nothing.
 */
export function registerWasmConvGradients(): void {
  if (getKernel(Conv2DBackpropFilter, 'wasm')) return;
  registerKernel({
    kernelName: Conv2DBackpropFilter,
    backendName: 'wasm',
    kernelFunc: conv2dBackpropFilter as never,
  });
  override(Conv2DBackpropInput, makeConv2dBackpropInput);
  override(MaxPoolGrad, makeMaxPoolGrad);
}
