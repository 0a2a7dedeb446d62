import { describe, expect, it } from 'vitest';
import { graphEndsInSoftmax, graphSignature, signatureDims, tfDtype } from './graphSignature';

const tensor = (sizes: (string | number)[]) => ({
  name: 'x:0',
  dtype: 'DT_FLOAT',
  tensorShape: { dim: sizes.map((size) => ({ size })) },
});

describe('graphSignature', () => {
  it('reads userDefinedMetadata.signature first, as GraphModel does, else the top level', () => {
    const top = { inputs: { a: tensor(['-1', '784']) }, outputs: {} };
    const inMetadata = { inputs: { b: tensor(['-1', '784']) }, outputs: {} };
    expect(graphSignature({ signature: top })?.inputs).toHaveProperty('a');
    expect(
      graphSignature({ signature: top, userDefinedMetadata: { signature: inMetadata } })?.inputs,
    ).toHaveProperty('b');
    expect(graphSignature({})).toBeNull();
  });
  it('gives dims as numbers, -1 for any size, null when the rank is unknown', () => {
    expect(signatureDims(tensor(['-1', '28', 28, '1']))).toEqual([-1, 28, 28, 1]);
    expect(signatureDims({ tensorShape: { unknownRank: true } })).toBeNull();
    expect(signatureDims(undefined)).toBeNull();
  });
  it("writes tfjs dtypes as TF's", () => {
    expect([tfDtype('float32'), tfDtype('int32'), tfDtype(undefined), tfDtype('DT_HALF')]).toEqual([
      'DT_FLOAT',
      'DT_INT32',
      'DT_FLOAT',
      'DT_HALF',
    ]);
  });
});

describe('graphEndsInSoftmax', () => {
  const topology = {
    node: [
      { name: 'logits', op: 'BiasAdd', input: ['mm', 'b'] },
      { name: 'probs', op: 'Softmax', input: ['logits'] },
      { name: 'Identity', op: 'Identity', input: ['probs'] },
      { name: 'Identity_1', op: 'Identity', input: ['logits:0'] },
    ],
  };
  it('follows Identity ops back to a Softmax', () => {
    expect(graphEndsInSoftmax(topology, 'Identity')).toBe(true);
    expect(graphEndsInSoftmax(topology, 'Identity:0')).toBe(true);
    expect(graphEndsInSoftmax(topology, 'Identity_1')).toBe(false);
    expect(graphEndsInSoftmax(topology, 'missing')).toBe(false);
  });
});
