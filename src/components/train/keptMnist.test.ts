import { describe, expect, it } from 'vitest';
import { fakeCaches } from '../../train/fakeCaches';
import { MNIST_CACHE, openMnistStore } from '../../train/mnistStore';
import { createKeptMnist, KEEP_KEY, type KeepStorage } from './keptMnist';

function memoryStorage(): KeepStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('createKeptMnist', () => {
  it('remembers the choice across page loads', () => {
    const storage = memoryStorage();
    const first = createKeptMnist(fakeCaches(), () => storage)!;
    expect(first.wanted()).toBe(false);
    first.setWanted(true);
    expect(storage.items.get(KEEP_KEY)).toBe('yes');
    expect(createKeptMnist(fakeCaches(), () => storage)!.wanted()).toBe(true);
    first.setWanted(false);
    expect(storage.items.has(KEEP_KEY)).toBe(false);
  });

  it('keeps the choice for the page where storage throws', () => {
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    const kept = createKeptMnist(fakeCaches(), blocked)!;
    kept.setWanted(true);
    expect(kept.wanted()).toBe(true);
  });

  it('reads and drops what the worker kept', async () => {
    const caches = fakeCaches();
    const kept = createKeptMnist(caches, memoryStorage)!;
    expect(await kept.bytes()).toBe(0);
    await (await openMnistStore(caches))!.put('https://x.test/mnist/a.bin', new Uint8Array(42));
    expect(await kept.bytes()).toBe(42);
    await kept.drop();
    expect(caches.named.has(MNIST_CACHE)).toBe(false);
  });

  it('is not offered without Cache Storage', () => {
    expect(createKeptMnist(undefined, memoryStorage)).toBeNull();
  });
});
