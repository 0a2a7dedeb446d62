import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebglSupport } from './webglSupport';

// The page's own probe, which the worker's answer replaces (it needs a DOM).
const pageProbe = vi.hoisted(() => vi.fn<() => WebglSupport>());
vi.mock('./probeWebgl', () => ({ probeWebgl: pageProbe }));
const { probeWebglInWorker } = await import('./probeWebglInWorker');

/** A worker that answers what the test tells it to, or fails, or never answers. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  answer(data: WebglSupport | null) {
    this.onmessage?.({ data } as MessageEvent);
  }
  fail() {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

const GPU: WebglSupport = { kind: 'gpu', renderer: 'Mali-G78' };
const SOFTWARE: WebglSupport = { kind: 'software', renderer: 'SwiftShader', caveat: false };

describe('probeWebglInWorker', () => {
  beforeEach(() => {
    pageProbe.mockReset().mockReturnValue(SOFTWARE);
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("takes the worker's answer, and ends the worker", async () => {
    const probe = probeWebglInWorker();
    FakeWorker.last!.answer(GPU);
    await expect(probe).resolves.toEqual(GPU);
    expect(FakeWorker.last!.terminated).toBe(true);
    expect(pageProbe).not.toHaveBeenCalled();
  });

  it('asks on the page where the worker has no OffscreenCanvas (it answers null)', async () => {
    const probe = probeWebglInWorker();
    FakeWorker.last!.answer(null);
    await expect(probe).resolves.toEqual(SOFTWARE);
    expect(pageProbe).toHaveBeenCalledOnce();
  });

  it('asks on the page when the worker fails (its script did not load)', async () => {
    const probe = probeWebglInWorker();
    FakeWorker.last!.fail();
    await expect(probe).resolves.toEqual(SOFTWARE);
  });

  it('asks on the page where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    await expect(probeWebglInWorker()).resolves.toEqual(SOFTWARE);
  });

  it('counts a worker that never answers as no WebGL, after 5 s', async () => {
    vi.useFakeTimers();
    const probe = probeWebglInWorker();
    vi.advanceTimersByTime(4999);
    let settled = false;
    void probe.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(probe).resolves.toEqual({ kind: 'none' });
    expect(FakeWorker.last!.terminated).toBe(true);
  });
});
