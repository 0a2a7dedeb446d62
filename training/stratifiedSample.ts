import { NUM_CLASSES } from '../src/constants';

/**
 * `perClass` digits of each class, spread over the writers and the file: the same sample on
 * every run, so a failure can be reproduced.
 */
export function stratifiedSample<D extends { label: number }>(
  digits: readonly D[],
  perClass: number,
): D[] {
  const sample: D[] = [];
  for (let label = 0; label < NUM_CLASSES; label++) {
    const ofClass = digits.filter((d) => d.label === label);
    if (ofClass.length < perClass) throw new Error(`only ${ofClass.length} digits of ${label}`);
    const step = ofClass.length / perClass;
    for (let i = 0; i < perClass; i++) sample.push(ofClass[Math.floor(i * step)]!);
  }
  return sample;
}
