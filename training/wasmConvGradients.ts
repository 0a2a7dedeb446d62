// Node training's wasm conv gradients are the training worker's (src/train/wasmConvGradients.ts):
// one copy, with MaxPoolGrad's heap views taken after its output is allocated.
export { registerWasmConvGradients } from '../src/train/wasmConvGradients';
