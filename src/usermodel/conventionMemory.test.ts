import { describe, expect, it } from 'vitest';
import type { Convention } from './UserModel';
import {
  type ConventionStorage,
  forgetConvention,
  KEY_PREFIX,
  recallConvention,
  rememberConvention,
} from './conventionMemory';

/** An in-memory Web Storage. */
function memoryStorage(): ConventionStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

/** Storage as private mode or a full disk gives it: every call throws. */
const throwing: ConventionStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

const inverted: Convention = { range: '0..255', polarity: 'black-on-white', output: 'logits' };
const plain: Convention = { range: '0..1', polarity: 'white-on-black', output: 'probabilities' };

describe('conventionMemory', () => {
  it('remembers a convention per model id, and forgets it', () => {
    const storage = memoryStorage();
    expect(recallConvention('a', storage)).toBeNull();
    expect(rememberConvention('a', inverted, storage)).toBe(true);
    expect(rememberConvention('b', plain, storage)).toBe(true);
    expect(recallConvention('a', storage)).toEqual(inverted);
    expect(recallConvention('b', storage)).toEqual(plain);
    expect([...storage.items.keys()]).toEqual([`${KEY_PREFIX}a`, `${KEY_PREFIX}b`]);
    rememberConvention('a', { ...inverted, range: '-1..1' }, storage);
    expect(recallConvention('a', storage)).toEqual({ ...inverted, range: '-1..1' });
    forgetConvention('a', storage);
    expect(recallConvention('a', storage)).toBeNull();
    expect(recallConvention('b', storage)).toEqual(plain);
  });

  it('keeps only the three fields', () => {
    const storage = memoryStorage();
    rememberConvention('a', { ...plain, extra: 1 } as Convention, storage);
    expect(JSON.parse(storage.items.get(`${KEY_PREFIX}a`)!)).toEqual(plain);
  });

  it.each([
    ['not JSON', '{range'],
    ['JSON null', 'null'],
    ['a string', '"0..1"'],
    ['an unknown range', JSON.stringify({ ...plain, range: '0..100' })],
    ['an unknown polarity', JSON.stringify({ ...plain, polarity: 'grey' })],
    ['an unknown output', JSON.stringify({ ...plain, output: 'log-probabilities' })],
    ['a missing field', JSON.stringify({ range: '0..1', polarity: 'white-on-black' })],
    ['a prototype key', JSON.stringify({ ...plain, range: 'toString' })],
  ])('ignores a remembered value that is %s', (_, text) => {
    const storage = memoryStorage();
    storage.items.set(`${KEY_PREFIX}a`, text);
    expect(recallConvention('a', storage)).toBeNull();
  });

  it('drops unknown extra fields from what it recalls', () => {
    const storage = memoryStorage();
    storage.items.set(`${KEY_PREFIX}a`, JSON.stringify({ ...inverted, extra: true }));
    expect(recallConvention('a', storage)).toEqual(inverted);
  });

  it('tolerates storage that throws, or none at all', () => {
    expect(rememberConvention('a', plain, throwing)).toBe(false);
    expect(recallConvention('a', throwing)).toBeNull();
    expect(() => forgetConvention('a', throwing)).not.toThrow();
    // Node has no localStorage: the default storage is absent here.
    expect(rememberConvention('a', plain)).toBe(false);
    expect(recallConvention('a')).toBeNull();
    expect(() => forgetConvention('a')).not.toThrow();
  });
});
