/** Examples kept at most: 500 x 4,704 features is about 9 MB on disk, still fast to compare. */
export const PERSONAL_CAPACITY = 500;

/** The list with `item` appended, dropping the oldest beyond `capacity`. */
export function keepNewest<T>(items: readonly T[], item: T, capacity: number): T[] {
  const next = [...items, item];
  return next.length > capacity ? next.slice(next.length - capacity) : next;
}
