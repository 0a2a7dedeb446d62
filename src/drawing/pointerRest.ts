/**
 * Whether a pointer is pressed anywhere on the page: work that holds the page's thread (the
 * switch to WebGL compiles its programs) waits for the pen to lift, so no stroke stutters.
 * Listens from the moment this module loads, in the capture phase, before any handler.
 */
const pressed = new Set<number>();
let waiting: (() => void)[] = [];

if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', (event) => pressed.add(event.pointerId), true);
  for (const type of ['pointerup', 'pointercancel'] as const) {
    window.addEventListener(
      type,
      (event) => {
        pressed.delete(event.pointerId);
        if (pressed.size > 0) return;
        const ready = waiting;
        waiting = [];
        ready.forEach((resolve) => resolve());
      },
      true,
    );
  }
}

/** Resolves at once when no pointer is pressed, else when the last one is lifted. */
export function whenNoPointerPressed(): Promise<void> {
  if (pressed.size === 0) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}
