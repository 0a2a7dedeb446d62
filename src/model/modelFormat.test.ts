import { describe, expect, it } from 'vitest';
import { readMetadata, servingTensor, type ModelMetadata } from './modelFormat';

const GOOD: ModelMetadata = {
  signature_def: {
    serving_default: {
      inputs: { flatten_input: servingTensor('flatten_input', [-1, 28, 28]) },
      outputs: { dense_1: servingTensor('dense_1', [-1, 10]) },
      method_name: 'tensorflow/serving/predict',
    },
  },
  architecture: 'cnn3',
  parameterCount: 87626,
  training: {},
  accuracy: { mnistTest: 0.995, mnistValidation: 0.9936 },
};

describe('readMetadata', () => {
  it('passes a complete description through', () => {
    expect(readMetadata(GOOD)).toBe(GOOD);
  });

  it('refuses descriptions the model panel could not show, instead of crashing it', () => {
    expect(readMetadata(undefined)).toBeNull();
    expect(readMetadata(null)).toBeNull();
    expect(readMetadata('cnn3')).toBeNull();
    expect(readMetadata({ architecture: 'cnn3' })).toBeNull();
    expect(readMetadata({ ...GOOD, parameterCount: '87626' })).toBeNull();
    expect(readMetadata({ ...GOOD, accuracy: {} })).toBeNull();
    const noShape = structuredClone(GOOD) as unknown as {
      signature_def: { serving_default: { inputs: Record<string, unknown> } };
    };
    noShape.signature_def.serving_default.inputs.flatten_input = { name: 'x' };
    expect(readMetadata(noShape)).toBeNull();
  });
});
