import { useCallback, useMemo, useState } from 'react';
import {
  canRedo,
  canUndo,
  clear as clearHistory,
  emptyHistory,
  endStroke,
  extendStroke,
  redo as redoHistory,
  startStroke,
  undo as undoHistory,
  visibleStrokes,
} from '../drawing/strokeHistory';
import type { Point, Stroke } from '../strokes';

export interface Strokes {
  /** Committed strokes plus the one being drawn. */
  strokes: readonly Stroke[];
  /** Changes on every edit, including each extend of the stroke being drawn. */
  version: number;
  isDrawing: boolean;
  start(point: Point): void;
  extend(points: readonly Point[]): void;
  end(): void;
  clear(): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

/** The drawing and its undo history; the callbacks keep their identity across renders. */
export function useStrokes(): Strokes {
  const [history, setHistory] = useState(emptyHistory);

  const start = useCallback((point: Point) => setHistory((h) => startStroke(h, point)), []);
  const extend = useCallback(
    (points: readonly Point[]) => setHistory((h) => extendStroke(h, points)),
    [],
  );
  const end = useCallback(() => setHistory(endStroke), []);
  const clear = useCallback(() => setHistory(clearHistory), []);
  const undo = useCallback(() => setHistory(undoHistory), []);
  const redo = useCallback(() => setHistory(redoHistory), []);

  // Memoised so the array keeps its identity while the history does.
  const strokes = useMemo(() => visibleStrokes(history), [history]);

  return {
    strokes,
    version: history.version,
    isDrawing: history.active !== null,
    start,
    extend,
    end,
    clear,
    undo,
    redo,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
  };
}
