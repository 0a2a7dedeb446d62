import { useId, useMemo, useState } from 'react';
import { divergingImage, filterTile, grayImage, largestMagnitude } from '../layers/layerImages';
import { layerViews, type LayerView } from '../layers/layerViews';
import type { Classifier, Prediction } from '../model/classifier';
import { LayerImageCanvas } from './LayerImageCanvas';

/**
 * The network at work on the chosen digit: every map layer's outputs, the penultimate
 * features and the logits, all from the prediction's own forward pass (read back only while
 * the panel is open). A map, clicked, is shown enlarged beside its filter's weights.
 */
export function LayersPanel({
  classifier,
  prediction,
  open,
  onToggle,
  note = null,
}: {
  classifier: Classifier | null;
  prediction: Prediction | null;
  open: boolean;
  onToggle: (open: boolean) => void;
  /** Said first: which model the panel shows and why (a person's model is loaded). */
  note?: string | null;
}) {
  return (
    <details
      className="layers"
      data-testid="layers"
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
    >
      <summary>Layers</summary>
      {note && (
        <p className="layers__note" data-testid="layers-note">
          {note}
        </p>
      )}
      {open && <LayersBody classifier={classifier} prediction={prediction} />}
    </details>
  );
}

function LayersBody({
  classifier,
  prediction,
}: {
  classifier: Classifier | null;
  prediction: Prediction | null;
}) {
  const [enlarged, setEnlarged] = useState<{ layer: string; channel: number } | null>(null);
  const views = useMemo(() => {
    if (!classifier || !prediction?.layers) return null;
    const model = { ...classifier, logitsName: classifier.outputs[0]?.name ?? 'logits' };
    return layerViews(model, { ...prediction.layers, logits: prediction.logits });
  }, [classifier, prediction]);

  if (!classifier) return <p>The model is not loaded.</p>;
  if (!views) {
    return (
      <p>
        {prediction ? 'Reading the layers…' : 'Draw a digit to see what each layer makes of it.'}
      </p>
    );
  }
  return (
    <div className="layers__body">
      {views.map((view) => (
        <LayerSection
          key={view.name}
          view={view}
          enlarged={enlarged?.layer === view.name ? enlarged.channel : null}
          onEnlarge={(channel) =>
            setEnlarged(
              channel === null || (enlarged?.layer === view.name && enlarged.channel === channel)
                ? null
                : { layer: view.name, channel },
            )
          }
          // Read (once) only when one of its maps is enlarged; null for pooling.
          kernel={enlarged?.layer === view.name ? classifier.kernel(view.name) : null}
        />
      ))}
    </div>
  );
}

function LayerSection({
  view,
  enlarged,
  onEnlarge,
  kernel,
}: {
  view: LayerView;
  enlarged: number | null;
  onEnlarge: (channel: number | null) => void;
  kernel: Float32Array | null;
}) {
  const headingId = useId();
  const images = useMemo(
    () =>
      view.images.map((image) =>
        view.kind === 'logits'
          ? divergingImage(image.values, view.scale)
          : grayImage(image.values, view.scale),
      ),
    [view],
  );
  const shown = enlarged !== null ? view.images[enlarged] : undefined;
  return (
    <>
      <section
        className={`layer layer--${view.kind}`}
        data-testid="layer"
        data-name={view.name}
        data-shape={view.shape}
        aria-labelledby={headingId}
      >
        <h3 id={headingId}>
          {view.name} <span className="layer__shape">{view.shape.replaceAll('x', '×')}</span>
        </h3>
        <p className="layer__detail">{view.detail}</p>
        {view.kind === 'maps' ? (
          <div className="layer__maps">
            {view.images.map((image, c) => (
              <button
                key={c}
                type="button"
                className="layer__map"
                aria-pressed={enlarged === c}
                aria-label={`${view.name}, channel ${c + 1} of ${view.images.length}: strongest activation ${image.peak.toFixed(2)}`}
                onClick={() => onEnlarge(c)}
              >
                <LayerImageCanvas width={image.width} height={image.height} rgba={images[c]!} />
              </button>
            ))}
          </div>
        ) : (
          <VectorImage view={view} rgba={images[0]!} />
        )}
      </section>
      {shown && enlarged !== null && (
        <EnlargedMap
          view={view}
          channel={enlarged}
          rgba={images[enlarged]!}
          kernel={kernel}
          onClose={() => onEnlarge(null)}
        />
      )}
    </>
  );
}

function VectorImage({ view, rgba }: { view: LayerView; rgba: Uint8ClampedArray }) {
  const image = view.images[0]!;
  if (view.kind === 'logits') {
    return (
      <figure className="layer__logits">
        <LayerImageCanvas
          width={image.width}
          height={1}
          rgba={rgba}
          label={`${view.name}: the ten logits as colours, largest ${image.peak.toFixed(2)}`}
        />
        <ol start={0}>
          {Array.from(image.values, (v, digit) => (
            <li key={digit}>
              <span className="layer__digit">{digit}</span> {v.toFixed(2)}
            </li>
          ))}
        </ol>
      </figure>
    );
  }
  return (
    <LayerImageCanvas
      className="layer__features"
      width={image.width}
      height={image.height}
      rgba={rgba}
      label={`${view.name}: ${view.shape} features, strongest ${image.peak.toFixed(2)}`}
    />
  );
}

/** One map large, and the weights its filter applies to each input channel. */
function EnlargedMap({
  view,
  channel,
  rgba,
  kernel,
  onClose,
}: {
  view: LayerView;
  channel: number;
  rgba: Uint8ClampedArray;
  kernel: Float32Array | null;
  onClose: () => void;
}) {
  const image = view.images[channel]!;
  const map = view.map!;
  const [kh, kw] = map.kernelSize;
  const filters = map.shape[2];
  const inputs = kernel ? kernel.length / (kh * kw * filters) : 0;
  const tiles = useMemo(() => {
    if (!kernel) return [];
    const shape = [kh, kw, inputs, filters] as const;
    const all = Array.from({ length: inputs }, (_, i) => filterTile(kernel, shape, channel, i));
    const scale = Math.max(...all.map(largestMagnitude));
    return all.map((tile) => divergingImage(tile, scale));
  }, [kernel, kh, kw, inputs, filters, channel]);
  return (
    <figure className="layer__enlarged" data-testid="layer-enlarged">
      <LayerImageCanvas
        className="layer__enlarged-map"
        width={image.width}
        height={image.height}
        rgba={rgba}
        label={`${view.name}, channel ${channel + 1}, enlarged: strongest activation ${image.peak.toFixed(2)}`}
      />
      {tiles.length > 0 && (
        <div className="layer__filter">
          <p>
            Its filter: {kh}×{kw} weights for each of {inputs} input channel{inputs > 1 && 's'} (red
            positive, blue negative)
          </p>
          <div className={`layer__tiles${tiles.length === 1 ? ' layer__tiles--one' : ''}`}>
            {tiles.map((tile, i) => (
              <LayerImageCanvas
                key={i}
                width={kw}
                height={kh}
                rgba={tile}
                label={`weights on input channel ${i + 1}`}
              />
            ))}
          </div>
        </div>
      )}
      <figcaption>
        {view.name}, channel {channel + 1} of {filters}; strongest activation{' '}
        {image.peak.toFixed(2)}.{' '}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </figcaption>
    </figure>
  );
}
