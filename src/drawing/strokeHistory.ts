import type { Point, Stroke } from '../strokes';

/**
 * An immutable drawing with undo and redo. Snapshots are the committed strokes only; they
 * share their Stroke arrays, so each costs one small array, not a copy of the points.
 */
export interface StrokeHistory {
  readonly strokes: readonly Stroke[];
  /** The stroke being drawn, or null between strokes. */
  readonly active: Stroke | null;
  readonly undoStack: readonly (readonly Stroke[])[];
  readonly redoStack: readonly (readonly Stroke[])[];
  /** Grows on every change, so consumers (live prediction, redraws) can cheaply tell. */
  readonly version: number;
}

export function emptyHistory(): StrokeHistory {
  return { strokes: [], active: null, undoStack: [], redoStack: [], version: 0 };
}

/** Begins a stroke; one still in progress is committed first so nothing is lost. */
export function startStroke(state: StrokeHistory, point: Point): StrokeHistory {
  const base = endStroke(state);
  // A new stroke forks history: what was undone can no longer be redone.
  return { ...base, active: [point], redoStack: [], version: base.version + 1 };
}

/** Appends points to the stroke in progress; the same state if there is none or no points. */
export function extendStroke(state: StrokeHistory, points: readonly Point[]): StrokeHistory {
  if (!state.active || points.length === 0) return state;
  return { ...state, active: state.active.concat(points), version: state.version + 1 };
}

/** Commits the stroke in progress; a single point is kept as a tap (a dot). */
export function endStroke(state: StrokeHistory): StrokeHistory {
  if (!state.active) return state;
  return {
    ...state,
    strokes: [...state.strokes, state.active],
    active: null,
    undoStack: [...state.undoStack, state.strokes],
    version: state.version + 1,
  };
}

/** Removes every stroke as one undoable step, so an accidental clear loses nothing. */
export function clear(state: StrokeHistory): StrokeHistory {
  const base = endStroke(state);
  if (base.strokes.length === 0) return base;
  return {
    ...base,
    strokes: [],
    undoStack: [...base.undoStack, base.strokes],
    redoStack: [],
    version: base.version + 1,
  };
}

/** Steps back once; a stroke in progress is ended first, so undo removes exactly that stroke. */
export function undo(state: StrokeHistory): StrokeHistory {
  const base = endStroke(state);
  const previous = base.undoStack.at(-1);
  if (!previous) return base;
  return {
    ...base,
    strokes: previous,
    undoStack: base.undoStack.slice(0, -1),
    redoStack: [...base.redoStack, base.strokes],
    version: base.version + 1,
  };
}

/** Re-applies the last undone step. While drawing the redo stack is empty, so this is a no-op. */
export function redo(state: StrokeHistory): StrokeHistory {
  const next = state.redoStack.at(-1);
  if (!next) return state;
  return {
    ...state,
    strokes: next,
    undoStack: [...state.undoStack, state.strokes],
    redoStack: state.redoStack.slice(0, -1),
    version: state.version + 1,
  };
}

export function canUndo(state: StrokeHistory): boolean {
  return state.undoStack.length > 0 || state.active !== null;
}

export function canRedo(state: StrokeHistory): boolean {
  return state.redoStack.length > 0;
}

/** Committed strokes plus the one being drawn, so the canvas and live predictions show it. */
export function visibleStrokes(state: StrokeHistory): readonly Stroke[] {
  return state.active ? [...state.strokes, state.active] : state.strokes;
}
