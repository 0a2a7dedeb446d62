/** Examples kept at most: 500 inputs of 784 floats are about 1.6 MB on disk. */
export const PERSONAL_CAPACITY = 500;

/** The list with `item` appended, dropping the oldest beyond `capacity`. */
export function keepNewest<T>(items: readonly T[], item: T, capacity: number): T[] {
  const next = [...items, item];
  return next.length > capacity ? next.slice(next.length - capacity) : next;
}
