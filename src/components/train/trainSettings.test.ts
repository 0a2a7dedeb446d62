import { describe, expect, it } from 'vitest';
import { draftFor, QUICK_LIMIT, readSettings, type Defaults } from './trainSettings';

const DEFAULTS: Defaults = {
  dense128: { epochs: 5, batchSize: 32, learningRate: 0.001 },
  cnn: { epochs: 3, batchSize: 64, learningRate: 0.002 },
};
const PERSONAL = { inputs: [new Float32Array(784)], labels: [7] };

describe('draftFor', () => {
  it("takes an architecture's defaults and keeps the other choices", () => {
    const dense = { ...draftFor('dense128', DEFAULTS), quick: true, epochs: '9' };
    expect(draftFor('cnn', DEFAULTS, dense)).toEqual({
      arch: 'cnn',
      epochs: '3',
      batchSize: '64',
      learningRate: '0.002',
      quick: true,
      personal: false,
      personalWeight: '10',
    });
  });
});

describe('readSettings', () => {
  it('reads the defaults as settings', () => {
    expect(readSettings(draftFor('dense128', DEFAULTS), null)).toEqual({
      ok: true,
      settings: {
        arch: 'dense128',
        epochs: 5,
        batchSize: 32,
        learningRate: 0.001,
        limit: null,
        personal: null,
      },
    });
  });

  it('limits a quick run and adds the kept drawings, weighted, only when there are some', () => {
    const draft = {
      ...draftFor('cnn', DEFAULTS),
      quick: true,
      personal: true,
      personalWeight: '4',
    };
    const read = readSettings(draft, PERSONAL);
    expect(read.ok && read.settings.limit).toBe(QUICK_LIMIT);
    expect(read.ok && read.settings.personal).toEqual({ ...PERSONAL, weight: 4 });
    const none = readSettings(draft, { inputs: [], labels: [] });
    expect(none.ok && none.settings.personal).toBeNull();
  });

  it('says what is wrong with each field', () => {
    const draft = {
      ...draftFor('dense128', DEFAULTS),
      epochs: '2.5',
      batchSize: '',
      learningRate: '0',
      personal: true,
      personalWeight: 'x',
    };
    const read = readSettings(draft, PERSONAL);
    expect(read.ok).toBe(false);
    expect(!read.ok && Object.keys(read.errors).sort()).toEqual([
      'batchSize',
      'epochs',
      'learningRate',
      'personalWeight',
    ]);
  });
});
