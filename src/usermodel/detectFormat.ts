import type { io } from '@tensorflow/tfjs-core';
import { UserModelError, type UserModelFormat } from './UserModel';

/**
 * Graph (`tensorflowjs_converter` on a SavedModel: a GraphDef with `node`) or layers (on a Keras
 * model: a Keras topology). `format` says so when present; older converters leave it out.
 */
export function detectFormat(json: io.ModelJSON): UserModelFormat {
  const topology = json.modelTopology as Record<string, unknown>;
  if (json.format === 'graph-model' || Array.isArray(topology['node'])) return 'graph';
  if (
    json.format === 'layers-model' ||
    typeof topology['class_name'] === 'string' ||
    typeof topology['model_config'] === 'object'
  ) {
    return 'layers';
  }
  throw new UserModelError(
    'This model.json is neither a tfjs graph model nor a tfjs layers model.',
    `format ${String(json.format)}; topology keys ${Object.keys(topology).join(', ')}`,
  );
}
