import { describe, expect, it } from 'vitest';
import { fakeCaches } from './fakeCaches';
import { dropKeptMnist, keptMnistBytes, MNIST_CACHE, openMnistStore } from './mnistStore';

describe('kept MNIST', () => {
  it('counts nothing kept without making the cache', async () => {
    const caches = fakeCaches();
    expect(await keptMnistBytes(caches)).toBe(0);
    expect(caches.named.has(MNIST_CACHE)).toBe(false);
  });

  it('counts the bytes of every kept file, and drops them all', async () => {
    const caches = fakeCaches();
    const store = await openMnistStore(caches);
    await store!.put('https://x.test/mnist/a.bin', new Uint8Array(1000));
    await store!.put('https://x.test/mnist/b.bin', new Uint8Array(234));
    expect(await store!.get('https://x.test/mnist/b.bin')).toEqual(new Uint8Array(234));
    expect(await store!.get('https://x.test/mnist/c.bin')).toBeNull();
    expect(await keptMnistBytes(caches)).toBe(1234);
    await dropKeptMnist(caches);
    expect(await keptMnistBytes(caches)).toBe(0);
  });

  it('has no store where there is no Cache Storage', async () => {
    expect(await openMnistStore(undefined)).toBeNull();
  });
});
