import {
  useEffect,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from 'react';
import { padCoordinates } from '../drawing/padCoordinates';
import { renderDrawing } from '../drawing/renderDrawing';
import type { Point, Stroke } from '../strokes';

export interface DrawingPadProps {
  /** In pad units: the pad's height is 1. */
  strokes: readonly Stroke[];
  onStrokeStart(point: Point): void;
  onStrokeExtend(points: Point[]): void;
  onStrokeEnd(): void;
  /** A resolved CSS colour for the ink. */
  ink: string;
  label?: string;
}

/**
 * A canvas as large as its box (wide enough for a number; CSS sets the size) that turns pointer
 * input into strokes.
 */
export function DrawingPad({
  strokes,
  onStrokeStart,
  onStrokeExtend,
  onStrokeEnd,
  ink,
  label = 'Drawing pad: write a digit or a number',
}: DrawingPadProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const painted = useRef(false);
  // Only one pointer draws at a time; a second finger must not start a stroke or jump the line.
  const activePointer = useRef<number | null>(null);
  const { width, height } = useCssSize(canvasRef);
  const dpr = useDevicePixelRatio();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0 || height === 0) return;
    const [pixelsWide, pixelsHigh] = [Math.round(width * dpr), Math.round(height * dpr)];
    // Assigning the size clears the canvas even when unchanged, so only assign on change.
    if (canvas.width !== pixelsWide) canvas.width = pixelsWide;
    if (canvas.height !== pixelsHigh) canvas.height = pixelsHigh;
    // No context until there is ink (see InputPreview: a first context waits for the GPU).
    if (strokes.length === 0 && !painted.current) return;
    painted.current = true;
    const ctx = canvas.getContext('2d');
    if (ctx) renderDrawing(ctx, strokes, { width, height, devicePixelRatio: dpr, ink });
  }, [strokes, width, height, dpr, ink]);

  const toPad = (event: { clientX: number; clientY: number }, rect: DOMRect): Point =>
    padCoordinates(event.clientX, event.clientY, rect);

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    // Stops the page from scrolling, selecting text or starting a drag.
    event.preventDefault();
    const primary = event.button === 0 || event.pointerType !== 'mouse';
    if (!primary || activePointer.current !== null) return;
    const canvas = event.currentTarget;
    try {
      // Keeps the stroke's events coming when the pointer leaves the pad.
      canvas.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic events (tests) have no live pointer to capture; drawing still works.
    }
    activePointer.current = event.pointerId;
    onStrokeStart(toPad(event, canvas.getBoundingClientRect()));
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.pointerId !== activePointer.current) return;
    const native = event.nativeEvent;
    // Browsers deliver one move per frame; the coalesced events hold every sample in between.
    const coalesced =
      typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    const samples = coalesced.length > 0 ? coalesced : [native];
    const rect = event.currentTarget.getBoundingClientRect();
    onStrokeExtend(samples.map((sample) => toPad(sample, rect)));
  };

  // pointerup is followed by lostpointercapture; whichever comes first ends the stroke.
  const onPointerEnd = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.pointerId !== activePointer.current) return;
    activePointer.current = null;
    onStrokeEnd();
  };

  return (
    <div className="pad">
      <canvas
        ref={canvasRef}
        data-testid="drawing-pad"
        role="img"
        aria-label={label}
        style={{
          display: 'block',
          width: '100%',
          height: '100%',
          touchAction: 'none',
          userSelect: 'none',
          WebkitUserSelect: 'none',
          cursor: 'crosshair',
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onLostPointerCapture={onPointerEnd}
      />
    </div>
  );
}

/** The element's CSS size, kept current by a ResizeObserver; 0 x 0 before the first layout. */
function useCssSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * window.devicePixelRatio, updated when it changes (browser zoom, moving to another screen).
 * The media query matches only the current ratio, so it fires once and is then re-created.
 */
function useDevicePixelRatio(): number {
  const [dpr, setDpr] = useState(() => window.devicePixelRatio || 1);
  useEffect(() => {
    const update = () => setDpr(window.devicePixelRatio || 1);
    const query = window.matchMedia(`(resolution: ${dpr}dppx)`);
    query.addEventListener('change', update);
    window.addEventListener('resize', update);
    return () => {
      query.removeEventListener('change', update);
      window.removeEventListener('resize', update);
    };
  }, [dpr]);
  return dpr;
}
