import { describe, expect, it } from 'vitest';
import { keepNewest } from './keepNewest';

describe('keepNewest', () => {
  it('appends until full, then drops the oldest', () => {
    let kept: number[] = [];
    for (let i = 1; i <= 5; i++) kept = keepNewest(kept, i, 3);
    expect(kept).toEqual([3, 4, 5]);
  });

  it('leaves the list it was given alone', () => {
    const kept = [1, 2];
    keepNewest(kept, 3, 2);
    expect(kept).toEqual([1, 2]);
  });
});
