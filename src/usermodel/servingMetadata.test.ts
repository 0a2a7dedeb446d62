import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../model/modelFormat';
import {
  metadataText,
  predictRequestBody,
  predictResponseBody,
  servingMetadata,
  shippedServingMetadata,
} from './servingMetadata';

describe('servingMetadata (GET /v1/models/mnist/metadata)', () => {
  it("renders a graph model's signature with its tensor names", () => {
    const metadata = servingMetadata(
      [
        {
          name: 'image',
          dtype: 'DT_FLOAT',
          shape: [-1, 28, 28, 1],
          tensorName: 'serving_default_image:0',
        },
      ],
      [
        {
          name: 'dense_1',
          dtype: 'DT_FLOAT',
          shape: [-1, 10],
          tensorName: 'StatefulPartitionedCall:0',
        },
      ],
    );
    expect(metadata).toEqual({
      model_spec: { name: 'mnist', signature_name: '', version: '1' },
      metadata: {
        signature_def: {
          signature_def: {
            serving_default: {
              inputs: {
                image: {
                  dtype: 'DT_FLOAT',
                  tensor_shape: {
                    dim: [
                      { size: '-1', name: '' },
                      { size: '28', name: '' },
                      { size: '28', name: '' },
                      { size: '1', name: '' },
                    ],
                    unknown_rank: false,
                  },
                  name: 'serving_default_image:0',
                },
              },
              outputs: {
                dense_1: {
                  dtype: 'DT_FLOAT',
                  tensor_shape: {
                    dim: [
                      { size: '-1', name: '' },
                      { size: '10', name: '' },
                    ],
                    unknown_rank: false,
                  },
                  name: 'StatefulPartitionedCall:0',
                },
              },
              method_name: 'tensorflow/serving/predict',
            },
          },
        },
      },
    });
  });
  it("names a layers model's tensors as the shipped model's are named", () => {
    const metadata = servingMetadata(
      [{ name: 'flatten_input', dtype: 'DT_FLOAT', shape: [-1, 28, 28] }],
      [{ name: 'dense_1', dtype: 'DT_FLOAT', shape: [-1, 10] }],
    );
    const signature = metadata.metadata.signature_def.signature_def.serving_default;
    expect(signature.inputs['flatten_input']!.name).toBe('serving_default_flatten_input:0');
    expect(signature.outputs['dense_1']!.name).toBe('serving_default_dense_1:0');
  });
  it('gives the shipped model the same body from the signature training wrote', () => {
    const json = JSON.parse(readFileSync('public/model/model.json', 'utf8')) as {
      userDefinedMetadata: unknown;
    };
    const shipped = readMetadata(json.userDefinedMetadata)!;
    const metadata = shippedServingMetadata(shipped);
    expect(metadata.model_spec).toEqual({ name: 'mnist', signature_name: '', version: '1' });
    const signature = metadata.metadata.signature_def.signature_def.serving_default;
    expect(signature).toEqual(shipped.signature_def.serving_default);
    // The same input, described as a person's layers model would be: the same JSON.
    const asUserModel = servingMetadata(
      [{ name: 'flatten_input', dtype: 'DT_FLOAT', shape: [-1, 28, 28] }],
      [
        { name: 'dense_1', dtype: 'DT_FLOAT', shape: [-1, 10] },
        { name: 'not_digit', dtype: 'DT_FLOAT', shape: [-1, 1] },
      ],
    );
    expect(metadataText(asUserModel)).toBe(metadataText(metadata));
    expect(metadataText(metadata).split('\n')[1]).toBe('  "model_spec": {');
  });
});

describe('predict bodies (POST /v1/models/mnist:predict)', () => {
  it('holds the fed tensor under "inputs", and the outputs row by row', () => {
    expect(predictRequestBody([[0, 0.5, 1]])).toBe('{"inputs":[[0,0.5,1]]}');
    expect(predictResponseBody([[0.1, 0.9]])).toBe('{"outputs":[[0.1,0.9]]}');
  });
});
