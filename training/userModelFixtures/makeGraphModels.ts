// `npx tsx training/userModelFixtures/makeGraphModels.ts`: writes the graph and broken
// fixtures of e2e/user-models/ from its two committed layers fixtures (e2e/user-models/README.md
// says how those were trained). Deterministic: the same layers fixtures give the same files.
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { brokenFixtures } from './brokenFixtures';
import { fixturePath } from './fixtureCatalog';
import { GRAPH_SHARD, type GraphModelFiles } from './GraphBuilder';
import {
  cnnGraph,
  denseGraph,
  denseGraph255Inverted,
  denseGraphMinus1to1,
  layerWeights,
} from './graphFixtures';
import { loadFixture, readModelJson, readShards, writeModelDir } from './modelDir';

await main();

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  const dense = await layersModel('dense128-layers');
  const cnn = await layersModel('cnn-layers');
  const hidden = layerWeights(dense, 'dense');
  const out = layerWeights(dense, 'dense_1');
  const convs = cnn.layers
    .filter((l) => l.getClassName() === 'Conv2D')
    .map((l) => {
      const { strides, padding } = l.getConfig() as { strides: number[]; padding: string };
      if (padding !== 'same' || strides[0] !== strides[1])
        throw new Error(`${l.name}: ${padding} ${strides}`);
      return { weights: layerWeights(cnn, l.name), stride: strides[0]! };
    });
  const graphs: Record<string, GraphModelFiles> = {
    'dense-graph': denseGraph(hidden, out),
    'cnn-graph': cnnGraph(convs, layerWeights(cnn, 'dense_1')),
    'dense-graph-255-inverted': denseGraph255Inverted(hidden, out),
    'dense-graph-minus1to1': denseGraphMinus1to1(hidden, out),
  };
  for (const [dir, files] of Object.entries(graphs)) {
    writeModelDir(fixturePath(dir), files.modelJson, { [GRAPH_SHARD]: files.weightData });
    console.log(`${dir}: model.json + ${files.weightData.length} B of weights`);
  }
  const denseDir = fixturePath('dense128-layers');
  const denseJson = readModelJson(denseDir);
  const broken = brokenFixtures({
    modelJson: denseJson,
    weightData: readShards(denseDir, denseJson.weightsManifest),
  });
  for (const [problem, files] of Object.entries(broken)) {
    writeModelDir(fixturePath(join('broken', problem)), files.modelJson, files.shards);
    console.log(`broken/${problem}: written`);
  }
}

async function layersModel(dir: string): Promise<tf.LayersModel> {
  const loaded = await loadFixture(fixturePath(dir));
  if (loaded.format !== 'layers') throw new Error(`${dir} is not a layers model`);
  return loaded.model;
}
