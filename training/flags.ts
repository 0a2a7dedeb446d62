// Checks for command-line flag values, shared by the training scripts: a bad value fails at
// once and names what would have been accepted, before any data is loaded.

/** A flag value that is not one of the accepted ones; the message names them. */
export class FlagError extends Error {}

export function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1) {
    throw new FlagError(`--${flag} must be a positive integer, got ${value}`);
  }
  return n;
}

/** A finite number in [min, max]; `maxExclusive` / `minExclusive` leave an end out. */
export function numberIn(
  flag: string,
  value: string,
  range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean },
): number {
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false } = range;
  const n = value.trim() === '' ? NaN : Number(value);
  const ok =
    Number.isFinite(n) &&
    (minExclusive ? n > min : n >= min) &&
    (maxExclusive ? n < max : n <= max);
  if (!ok) {
    const range =
      max === Infinity
        ? `${minExclusive ? '>' : '>='} ${min}`
        : `in ${minExclusive ? '(' : '['}${min}, ${max}${maxExclusive ? ')' : ']'}`;
    throw new FlagError(`--${flag} must be a number ${range}, got ${value}`);
  }
  return n;
}

/** One of a fixed set of values, or a name `aliases` maps to one. */
export function oneOf<T extends string>(
  flag: string,
  value: string,
  valid: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): T {
  if ((valid as readonly string[]).includes(value)) return value as T;
  const alias = Object.hasOwn(aliases, value) ? aliases[value] : undefined;
  if (alias) return alias;
  const old = Object.keys(aliases);
  throw new FlagError(
    `--${flag} ${value} is not one of ${valid.join(', ')}` +
      (old.length ? ` (or the old names ${old.join(', ')})` : ''),
  );
}

/** A comma-separated list of names, each one of `known`. */
export function namesFrom(flag: string, value: string, known: readonly string[]): string[] {
  const names = value.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    throw new FlagError(`--${flag}: unknown ${unknown.join(', ')}; valid are ${known.join(', ')}`);
  }
  return names;
}
