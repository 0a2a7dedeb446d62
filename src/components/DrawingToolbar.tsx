import type { Strokes } from '../hooks/useStrokes';

/** Undo, redo and clear, with the keys that do the same (see useDrawingShortcuts). */
export function DrawingToolbar({ drawing }: { drawing: Strokes }) {
  const actions = [
    { id: 'undo', label: 'Undo', run: drawing.undo, enabled: drawing.canUndo, keys: 'Control+Z' },
    {
      id: 'redo',
      label: 'Redo',
      run: drawing.redo,
      enabled: drawing.canRedo,
      keys: 'Control+Shift+Z',
    },
    {
      id: 'clear',
      label: 'Clear',
      run: drawing.clear,
      enabled: drawing.strokes.length > 0,
      keys: 'Escape',
    },
  ];
  return (
    <div className="toolbar">
      {actions.map(({ id, label, run, enabled, keys }) => (
        <button
          key={id}
          type="button"
          data-testid={id}
          onClick={run}
          disabled={!enabled}
          aria-keyshortcuts={keys}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
