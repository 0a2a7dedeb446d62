import { describe, expect, it } from 'vitest';
import { parseKeep, parseVariant, type VariantFlags } from './adaptationReport';

const flags: VariantFlags = {
  method: 'knn',
  k: '1',
  threshold: '0.9',
  weight: '5.7',
  margin: '2.9',
  pair: false,
};

describe('the adaptation flags', () => {
  it('give the rule they describe, in the order the report prints it', () => {
    expect(JSON.stringify(parseVariant(flags))).toBe(
      '{"method":"knn","k":1,"threshold":0.9,"weight":5.7,"margin":2.9,"pair":false}',
    );
    const means = parseVariant({ ...flags, method: 'means', margin: 'none', pair: true });
    expect(means).toEqual({ method: 'means', k: 1, threshold: 0.9, weight: 5.7, pair: true });
  });

  it('refuse a value that names no rule, listing the valid ones', () => {
    expect(() => parseVariant({ ...flags, method: 'mean' })).toThrow(
      '--method mean: expected knn or means',
    );
    expect(() => parseVariant({ ...flags, k: '0' })).toThrow('--k 0: expected a whole number');
    expect(() => parseVariant({ ...flags, k: '2.5' })).toThrow('--k 2.5');
    expect(() => parseVariant({ ...flags, threshold: '1' })).toThrow('--threshold 1');
    expect(() => parseVariant({ ...flags, weight: 'heavy' })).toThrow('--weight heavy');
    expect(() => parseVariant({ ...flags, margin: '' })).toThrow('expected a number or none');
    expect(() => parseKeep('some')).toThrow('--keep some: expected corrections or all');
  });
});
