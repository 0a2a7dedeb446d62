import { describe, expect, it } from 'vitest';
import type { Point, Stroke } from '../strokes';
import {
  canRedo,
  canUndo,
  clear,
  emptyHistory,
  endStroke,
  extendStroke,
  redo,
  startStroke,
  undo,
  visibleStrokes,
  type StrokeHistory,
} from './strokeHistory';

const A: Point = [0.1, 0.2];
const B: Point = [0.3, 0.4];
const C: Point = [0.5, 0.6];
const D: Point = [0.7, 0.8];

/** Draws one complete stroke through the given points. */
function draw(state: StrokeHistory, [first, ...rest]: readonly [Point, ...Point[]]): StrokeHistory {
  return endStroke(extendStroke(startStroke(state, first), rest));
}

/** Two committed strokes: A-B, then C-D. */
const twoStrokes = (): StrokeHistory => draw(draw(emptyHistory(), [A, B]), [C, D]);

describe('emptyHistory', () => {
  it('has nothing to show, undo or redo', () => {
    const state = emptyHistory();
    expect(state).toEqual({ strokes: [], active: null, undoStack: [], redoStack: [], version: 0 });
    expect(visibleStrokes(state)).toEqual([]);
    expect(canUndo(state)).toBe(false);
    expect(canRedo(state)).toBe(false);
  });
});

describe('startStroke', () => {
  it('begins an active stroke at the point', () => {
    const state = startStroke(emptyHistory(), A);
    expect(state.active).toEqual([A]);
    expect(state.strokes).toEqual([]);
    expect(state.version).toBe(1);
  });

  it('clears the redo stack', () => {
    const undone = undo(twoStrokes());
    expect(canRedo(undone)).toBe(true);
    const state = startStroke(undone, A);
    expect(state.redoStack).toEqual([]);
    expect(canRedo(state)).toBe(false);
  });

  it('commits a stroke still in progress instead of dropping it', () => {
    const state = startStroke(extendStroke(startStroke(emptyHistory(), A), [B]), C);
    expect(state.strokes).toEqual([[A, B]]);
    expect(state.active).toEqual([C]);
    expect(state.version).toBe(4);
  });

  it('does not mutate its input', () => {
    const before = emptyHistory();
    startStroke(before, A);
    expect(before).toEqual(emptyHistory());
  });
});

describe('extendStroke', () => {
  it('appends every point and bumps the version once per call', () => {
    const started = startStroke(emptyHistory(), A);
    const once = extendStroke(started, [B, C]);
    const twice = extendStroke(once, [D]);
    expect(once.active).toEqual([A, B, C]);
    expect(once.version).toBe(2);
    expect(twice.active).toEqual([A, B, C, D]);
    expect(twice.version).toBe(3);
    expect(started.active).toEqual([A]);
  });

  it('returns the same state when no stroke is active', () => {
    const state = twoStrokes();
    expect(extendStroke(state, [A])).toBe(state);
  });

  it('returns the same state for no points', () => {
    const state = startStroke(emptyHistory(), A);
    expect(extendStroke(state, [])).toBe(state);
  });
});

describe('endStroke', () => {
  it('commits the active stroke and makes it undoable', () => {
    const state = endStroke(extendStroke(startStroke(emptyHistory(), A), [B]));
    expect(state.strokes).toEqual([[A, B]]);
    expect(state.active).toBeNull();
    expect(state.undoStack).toEqual([[]]);
    expect(state.version).toBe(3);
    expect(canUndo(state)).toBe(true);
  });

  it('keeps a single-point stroke as a tap, and counts as a change', () => {
    const started = startStroke(emptyHistory(), A);
    const state = endStroke(started);
    expect(state.strokes).toEqual([[A]]);
    expect(state.version).toBe(started.version + 1);
  });

  it('returns the same state when no stroke is active', () => {
    const state = twoStrokes();
    expect(endStroke(state)).toBe(state);
  });
});

describe('clear', () => {
  it('removes every stroke as one undoable step', () => {
    const drawn = twoStrokes();
    const cleared = clear(drawn);
    expect(cleared.strokes).toEqual([]);
    expect(visibleStrokes(cleared)).toEqual([]);
    expect(cleared.version).toBe(drawn.version + 1);
    expect(canUndo(cleared)).toBe(true);
  });

  it('is a no-op on an empty drawing', () => {
    const state = emptyHistory();
    expect(clear(state)).toBe(state);
  });

  it('commits a stroke in progress first, so undo brings it back', () => {
    const drawing = extendStroke(startStroke(emptyHistory(), A), [B]);
    const cleared = clear(drawing);
    expect(cleared.active).toBeNull();
    expect(cleared.strokes).toEqual([]);
    expect(undo(cleared).strokes).toEqual([[A, B]]);
  });

  it('is undone and redone like any other step', () => {
    const drawn = twoStrokes();
    const cleared = clear(drawn);
    const undone = undo(cleared);
    expect(undone.strokes).toEqual([
      [A, B],
      [C, D],
    ]);
    expect(undone.version).toBe(cleared.version + 1);
    expect(canRedo(undone)).toBe(true);
    const redone = redo(undone);
    expect(redone.strokes).toEqual([]);
    expect(redone.version).toBe(undone.version + 1);
    expect(canRedo(redone)).toBe(false);
  });
});

describe('undo', () => {
  it('steps back one stroke at a time', () => {
    const drawn = twoStrokes();
    const once = undo(drawn);
    expect(once.strokes).toEqual([[A, B]]);
    expect(once.version).toBe(drawn.version + 1);
    const twice = undo(once);
    expect(twice.strokes).toEqual([]);
    expect(canUndo(twice)).toBe(false);
    expect(twice.redoStack).toEqual([
      [
        [A, B],
        [C, D],
      ],
      [[A, B]],
    ]);
  });

  it('returns the same state when there is nothing to undo', () => {
    const state = emptyHistory();
    expect(undo(state)).toBe(state);
  });

  it('ends a stroke in progress and undoes exactly that stroke', () => {
    const drawing = extendStroke(startStroke(draw(emptyHistory(), [A, B]), C), [D]);
    expect(canUndo(drawing)).toBe(true);
    const undone = undo(drawing);
    expect(undone.active).toBeNull();
    expect(undone.strokes).toEqual([[A, B]]);
    // Ending and undoing are two changes.
    expect(undone.version).toBe(drawing.version + 2);
    expect(redo(undone).strokes).toEqual([
      [A, B],
      [C, D],
    ]);
  });
});

describe('redo', () => {
  it('re-applies undone steps in order', () => {
    const drawn = twoStrokes();
    const undone = undo(undo(drawn));
    const once = redo(undone);
    expect(once.strokes).toEqual([[A, B]]);
    expect(once.version).toBe(undone.version + 1);
    const twice = redo(once);
    expect(twice.strokes).toEqual(drawn.strokes);
    expect(canRedo(twice)).toBe(false);
    expect(canUndo(twice)).toBe(true);
  });

  it('returns the same state when there is nothing to redo', () => {
    const state = twoStrokes();
    expect(redo(state)).toBe(state);
  });
});

describe('visibleStrokes', () => {
  it('includes the stroke being drawn after the committed ones', () => {
    const drawing = extendStroke(startStroke(draw(emptyHistory(), [A, B]), C), [D]);
    const expected: Stroke[] = [
      [A, B],
      [C, D],
    ];
    expect(visibleStrokes(drawing)).toEqual(expected);
  });

  it('returns the committed array itself when nothing is being drawn', () => {
    const state = twoStrokes();
    expect(visibleStrokes(state)).toBe(state.strokes);
  });
});

describe('version', () => {
  it('increases on every change', () => {
    let state = emptyHistory();
    const versions = [state.version];
    const steps: ((s: StrokeHistory) => StrokeHistory)[] = [
      (s) => startStroke(s, A),
      (s) => extendStroke(s, [B]),
      (s) => extendStroke(s, [C]),
      endStroke,
      clear,
      undo,
      redo,
    ];
    for (const step of steps) {
      state = step(state);
      versions.push(state.version);
    }
    expect(versions).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
