import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatPercent } from './trainFormat';

describe('formatBytes', () => {
  it('quotes megabytes, one decimal under a hundred', () => {
    expect(formatBytes(11_059_200)).toBe('11.1 MB');
    expect(formatBytes(11_000_000)).toBe('11 MB');
    expect(formatBytes(1_648_877)).toBe('1.6 MB');
    expect(formatBytes(400_000)).toBe('0.4 MB');
    expect(formatBytes(123_456_789)).toBe('123 MB');
  });
});

describe('formatDuration', () => {
  it('gives seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(59_400)).toBe('59 s');
    expect(formatDuration(59_600)).toBe('1 min 00 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(3_725_000)).toBe('1 h 02 min');
  });

  it('never goes below zero', () => {
    expect(formatDuration(-5_000)).toBe('0 s');
  });
});

describe('formatPercent and formatCount', () => {
  it('words shares and counts', () => {
    expect(formatPercent(0.97843)).toBe('97.84%');
    expect(formatPercent(1, 0)).toBe('100%');
    expect(formatCount(60000)).toBe('60,000');
  });
});
