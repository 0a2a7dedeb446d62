import type { MapLayer } from '../model/forwardModel';
import { channelOf, largestMagnitude, peak } from './layerImages';

/** One image of a layer: a channel's feature map, or a whole vector laid out in rows. */
export interface LayerImage {
  width: number;
  height: number;
  values: Float32Array;
  /** The strongest activation in it (its label says so). */
  peak: number;
}

/** One layer as the Layers panel shows it, for one digit. */
export interface LayerView {
  name: string;
  /** 'maps': one grayscale image per channel; 'features': one; 'logits': one diverging row. */
  kind: 'maps' | 'features' | 'logits';
  /** The output shape without the batch, `14x14x32` (the test contract's data-shape). */
  shape: string;
  /** What the layer does, in words. */
  detail: string;
  images: LayerImage[];
  /** One scale for the whole layer, so its images compare. */
  scale: number;
  /** A convolution's layer: its filters can be shown beside an enlarged map. */
  map?: MapLayer;
}

/** What the model is made of, as the classifier describes it. */
export interface LayerModel {
  maps: readonly MapLayer[];
  featuresLayer: { name: string; size: number };
  /** The digit logits' output name (`dense_1`). */
  logitsName: string;
}

/** One digit's outputs the panel shows, all from one forward pass. */
export interface LayerOutputs {
  maps: readonly Float32Array[];
  features: Float32Array;
  logits: readonly number[];
}

/** The layers in order, input side first: each map layer, the features, the ten logits. */
export function layerViews(model: LayerModel, outputs: LayerOutputs): LayerView[] {
  const views: LayerView[] = model.maps.map((map, i) => {
    const values = outputs.maps[i]!;
    const [height, width, channels] = map.shape;
    const images = Array.from({ length: channels }, (_, c) => {
      const channel = channelOf(values, map.shape, c);
      return { width, height, values: channel, peak: peak(channel) };
    });
    return {
      name: map.name,
      kind: 'maps',
      shape: map.shape.join('x'),
      detail: mapDetail(map),
      images,
      scale: peak(values),
      map,
    };
  });
  const { features } = outputs;
  const last = model.maps[model.maps.length - 1];
  // A flattened map stack reads best with a row per position and a column per channel.
  const columns =
    last && features.length % last.shape[2] === 0
      ? last.shape[2]
      : Math.ceil(Math.sqrt(features.length));
  const featurePeak = peak(features);
  views.push({
    name: model.featuresLayer.name,
    kind: 'features',
    shape: String(features.length),
    detail:
      `the ${features.length.toLocaleString('en')} penultimate features every output reads` +
      (columns === last?.shape[2] ? `: a row per position, a column per channel` : ''),
    images: [padded(features, columns, featurePeak)],
    scale: featurePeak,
  });
  const logits = Float32Array.from(outputs.logits);
  views.push({
    name: model.logitsName,
    kind: 'logits',
    shape: String(logits.length),
    detail: 'the ten digit logits, before softmax (red positive, blue negative)',
    images: [{ width: logits.length, height: 1, values: logits, peak: peak(logits) }],
    scale: largestMagnitude(logits),
  });
  return views;
}

function mapDetail(map: MapLayer): string {
  const [kh, kw] = map.kernelSize;
  const stride = map.strides[0] === map.strides[1] ? map.strides[0] : map.strides.join('x');
  const what =
    map.className === 'Conv2D' ? `${map.shape[2]} filters ${kh}x${kw}` : `max pooling ${kh}x${kw}`;
  return `${what}, stride ${stride}`;
}

/** `values` as rows of `columns`, the last row padded with zeros. */
function padded(values: Float32Array, columns: number, valuesPeak: number): LayerImage {
  const height = Math.ceil(values.length / columns);
  const image = new Float32Array(columns * height);
  image.set(values);
  return { width: columns, height, values: image, peak: valuesPeak };
}
