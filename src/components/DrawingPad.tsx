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
  /** In pad units: the pad's side is 1. */
  strokes: readonly Stroke[];
  onStrokeStart(point: Point): void;
  onStrokeExtend(points: Point[]): void;
  onStrokeEnd(): void;
  /** A resolved CSS colour for the ink. */
  ink: string;
  label?: string;
}

/** A square canvas that fills its parent's width and turns pointer input into strokes. */
export function DrawingPad({
  strokes,
  onStrokeStart,
  onStrokeExtend,
  onStrokeEnd,
  ink,
  label = 'Drawing pad: draw a digit',
}: DrawingPadProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Only one pointer draws at a time; a second finger must not start a stroke or jump the line.
  const activePointer = useRef<number | null>(null);
  const side = useCssWidth(canvasRef);
  const dpr = useDevicePixelRatio();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || side === 0) return;
    const pixels = Math.round(side * dpr);
    // Assigning the size clears the canvas even when unchanged, so only assign on change.
    if (canvas.width !== pixels) canvas.width = pixels;
    if (canvas.height !== pixels) canvas.height = pixels;
    const ctx = canvas.getContext('2d');
    if (ctx) renderDrawing(ctx, strokes, { side, devicePixelRatio: dpr, ink });
  }, [strokes, side, dpr, ink]);

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
    <div style={{ width: '100%', aspectRatio: '1' }}>
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

/** The element's CSS width, kept current by a ResizeObserver; 0 before the first layout. */
function useCssWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
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
