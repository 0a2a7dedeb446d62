import { useEffect, useRef } from 'react';

/**
 * An RGBA image drawn one canvas pixel per value; CSS enlarges it (pixelated). Drawn again
 * only when the pixels change.
 */
export function LayerImageCanvas({
  width,
  height,
  rgba,
  className,
  label,
}: {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  className?: string;
  /** Alt text; omit when an enclosing control already names the image. */
  label?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(width, height);
    image.data.set(rgba);
    context.putImageData(image, 0, 0);
  }, [width, height, rgba]);
  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      className={className}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    />
  );
}
