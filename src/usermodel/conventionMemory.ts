import type { Convention, InputRange, OutputKind, Polarity } from './UserModel';

// The convention the person chose for a model, remembered per model id in localStorage as
// JSON. Storage may be missing or throw (private mode, a full disk, a sandboxed frame): then
// nothing is remembered and the page goes on with its guess.

export const KEY_PREFIX = 'digit-recogniser-convention:';

/** The part of the Web Storage API used here, so tests can pass their own. */
export type ConventionStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// Records, not arrays, so a value added to a union in UserModel.ts fails to compile here.
const RANGES: Record<InputRange, true> = { '0..1': true, '0..255': true, '-1..1': true };
const POLARITIES: Record<Polarity, true> = { 'white-on-black': true, 'black-on-white': true };
const OUTPUTS: Record<OutputKind, true> = { logits: true, probabilities: true };

/** Remembers `convention` for model `id`; false if the storage would not keep it. */
export function rememberConvention(
  id: string,
  convention: Convention,
  storage?: ConventionStorage,
): boolean {
  const { range, polarity, output } = convention;
  return attempt(
    storage,
    (s) => {
      s.setItem(KEY_PREFIX + id, JSON.stringify({ range, polarity, output }));
      return true;
    },
    false,
  );
}

/** The convention remembered for model `id`, or null (none, damaged, or unknown values). */
export function recallConvention(id: string, storage?: ConventionStorage): Convention | null {
  const text = attempt(storage, (s) => s.getItem(KEY_PREFIX + id), null);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isConvention(value)
    ? { range: value.range, polarity: value.polarity, output: value.output }
    : null;
}

/** Forgets the convention remembered for model `id`, if any. */
export function forgetConvention(id: string, storage?: ConventionStorage): void {
  attempt(storage, (s) => s.removeItem(KEY_PREFIX + id), undefined);
}

/** `run(storage)`, or `fallback` when there is no storage or it throws. */
function attempt<T>(
  storage: ConventionStorage | undefined,
  run: (storage: ConventionStorage) => T,
  fallback: T,
): T {
  try {
    // Reading window.localStorage itself throws where storage is blocked.
    const s = storage ?? globalThis.localStorage;
    return s ? run(s) : fallback;
  } catch {
    return fallback;
  }
}

function isConvention(value: unknown): value is Convention {
  if (typeof value !== 'object' || value === null) return false;
  const { range, polarity, output } = value as Record<string, unknown>;
  return (
    typeof range === 'string' &&
    Object.hasOwn(RANGES, range) &&
    typeof polarity === 'string' &&
    Object.hasOwn(POLARITIES, polarity) &&
    typeof output === 'string' &&
    Object.hasOwn(OUTPUTS, output)
  );
}
