import { useEffect, useRef } from 'react';
import { INPUT_SIZE } from '../constants';

/** The 28x28 image the model receives, drawn one canvas pixel per input pixel, shown enlarged. */
export function InputPreview({ input }: { input: Float32Array | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const painted = useRef(false);
  useEffect(() => {
    // No context before the first drawing: on a first visit the page's first canvas context
    // waits for the browser's GPU process to start (up to a second here), and the model's
    // start would wait behind it. Until then the canvas's black background is the image.
    if (!input && !painted.current) return;
    painted.current = true;
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(INPUT_SIZE, INPUT_SIZE);
    for (let i = 0; i < INPUT_SIZE * INPUT_SIZE; i++) {
      const v = Math.round((input?.[i] ?? 0) * 255);
      image.data.set([v, v, v, 255], i * 4);
    }
    context.putImageData(image, 0, 0);
  }, [input]);
  return (
    <figure className="preview">
      <canvas
        ref={canvas}
        width={INPUT_SIZE}
        height={INPUT_SIZE}
        data-testid="input-preview"
        role="img"
        aria-label="What the model sees: your drawing as a 28 by 28 pixel image"
      />
      <figcaption>Model input, 28×28</figcaption>
    </figure>
  );
}
