import { useEffect } from 'react';

export interface DrawingShortcutActions {
  clear(): void;
  undo(): void;
  redo(): void;
}

/**
 * Escape clears, Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, anywhere on the page
 * except while typing, where those keys belong to the text field. Pass stable callbacks, or
 * the listener is re-attached on every render.
 */
export function useDrawingShortcuts({ clear, undo, redo }: DrawingShortcutActions): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTextEntry(event.target)) return;
      const action = actionFor(event);
      if (!action) return;
      event.preventDefault();
      const actions: DrawingShortcutActions = { clear, undo, redo };
      actions[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [clear, undo, redo]);
}

function actionFor(event: KeyboardEvent): keyof DrawingShortcutActions | null {
  const { ctrlKey, metaKey, shiftKey, altKey } = event;
  if (altKey) return null;
  if (event.key === 'Escape') return ctrlKey || metaKey || shiftKey ? null : 'clear';
  if (!(ctrlKey || metaKey)) return null;
  // With Shift held, key is 'Z', so compare case-insensitively.
  const key = event.key.toLowerCase();
  if (key === 'z') return shiftKey ? 'redo' : 'undo';
  if (key === 'y' && ctrlKey && !shiftKey) return 'redo';
  return null;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}
