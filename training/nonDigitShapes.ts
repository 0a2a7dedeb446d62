import type { Point, Stroke } from '../src/strokes';
import type { Random } from './random';
import { curve, lineThrough, randomWalk, rotate, segment } from './strokeGeometry';

// Generated drawings that are not digits, as clean strokes about the origin, roughly unit-sized
// (asPenDrawing in strokeAugment.ts adds the pen's wobble, size and place). Each family has
// variants for training and, partly different ones, for the held-out set, so held-out measures
// generalisation.
//
// The app scales every drawing to fill the same box, so only shape counts, and anything shaped
// like a digit is left out: no plain circle or ellipse (a 0), no lone near-vertical line (a 1),
// no single open curve or bend (a 2, 3, 5, 6, 7 or 9), no short vertical zigzag (a 3).

export type Split = 'train' | 'heldOut';
export type ShapeMaker = (random: Random, split: Split) => Stroke[];

const TAU = 2 * Math.PI;

/**
 * A dense tangle from a wandering pen; held-out turns more sharply in shorter steps. (Coils
 * scribbled round and round were tried: at 28 pixels they merge into a thick 1, C or 0.)
 */
export const scribble: ShapeMaker = (random, split) => {
  const strokes = 1 + random.int(3);
  const [turn, step] =
    split === 'train' ? [random.uniform(0.5, 1.2), 0.15] : [random.uniform(1.2, 2), 0.1];
  const steps = random.uniform(14, 26) / step;
  return Array.from({ length: strokes }, () =>
    randomWalk(random, Math.ceil(steps / strokes), step, turn),
  );
};

/** Three or more parallel lines; cross-hatching; (held-out) a back-and-forth scratch-out. */
export const hatching: ShapeMaker = (random, split) => {
  const angle = random.uniform(0, Math.PI);
  const variant = random.int(split === 'train' ? 2 : 3);
  if (variant === 2) {
    // One stroke with at least seven passes: fewer would be a Z (a 2) or, upright, a 3. Kept
    // nearly square and open, since packed tight it renders as a solid bar: a bold 1.
    const passes = 7 + random.int(3);
    const height = random.uniform(0.7, 1);
    const points = Array.from({ length: passes + 1 }, (_, i): Point => [
      (i % 2 ? 1 : -1) * random.uniform(0.8, 1),
      height * (-1 + (2 * i) / passes),
    ]);
    return rotate([points], angle);
  }
  const sets = variant === 0 ? [angle] : [angle, angle + random.uniform(Math.PI / 3, Math.PI / 2)];
  return sets.flatMap((a) => {
    const n = 3 + random.int(variant === 0 ? 5 : 3);
    const gap = random.uniform(0.3, 0.6);
    const lines = Array.from({ length: n }, (_, i) =>
      segment(
        [random.uniform(-1.1, -0.9), (i - (n - 1) / 2) * gap],
        [random.uniform(0.9, 1.1), (i - (n - 1) / 2) * gap],
      ),
    );
    return rotate(lines, a);
  });
};

/** An X or a plus; (held-out) an asterisk of three or four lines. */
export const cross: ShapeMaker = (random, split) => {
  const lines = split === 'heldOut' && random.next() < 0.5 ? 3 + random.int(2) : 2;
  const base = random.uniform(0, Math.PI);
  return Array.from({ length: lines }, (_, i) =>
    lineThrough(
      [random.uniform(-0.1, 0.1), random.uniform(-0.1, 0.1)],
      base + (i * Math.PI) / lines + random.uniform(-0.15, 0.15),
      random.uniform(1.6, 2),
    ),
  );
};

/**
 * A five-pointed star in one stroke or outlined; (held-out) seven-pointed or 6-8 points. Points
 * stay sharp ({7/3}, not {7/2}; deep notches): a blunt star is a ring, a 0.
 */
export const star: ShapeMaker = (random, split) => {
  const start = random.uniform(0, TAU);
  if (random.next() < 0.5) {
    const [points, skip] = split === 'train' ? [5, 2] : [7, 3];
    return [
      Array.from({ length: points + 1 }, (_, i): Point => {
        const a = start + (TAU * skip * i) / points;
        return [Math.cos(a), Math.sin(a)];
      }),
    ];
  }
  const points = split === 'train' ? 5 : 6 + random.int(3);
  const inner = random.uniform(0.3, 0.5);
  return [
    Array.from({ length: 2 * points + 1 }, (_, i): Point => {
      const [a, r] = [start + (Math.PI * i) / points, i % 2 ? inner : 1];
      return [r * Math.cos(a), r * Math.sin(a)];
    }),
  ];
};

/**
 * An arrow pointing anywhere but up or steeply up-left or up-right: an up-right arrow's left
 * barb and shaft are a 7, an up arrow a 1 with flags. Train: straight shaft, open head;
 * held-out also closed heads, double heads and, pointing sideways, bent shafts (a bent arrow
 * pointing down is a J or a 1).
 */
export const arrow: ShapeMaker = (random, split) => {
  const heading = random.uniform(-5, 215) * (Math.PI / 180);
  const sideways = Math.abs(Math.cos(heading)) > Math.cos(Math.PI / 4);
  const bend =
    split === 'heldOut' && sideways && random.next() < 0.5 ? random.uniform(-0.25, 0.25) : 0;
  // The shaft y = bend (1 - x^2) for x in [-1, 1], so its slope at the ends is -+2 bend.
  const shaft = curve((t) => [2 * t - 1, bend * (1 - (2 * t - 1) ** 2)], 12);
  const barb = random.uniform(0.45, 0.7);
  const spread = random.uniform(0.5, 0.8);
  const closed = split === 'heldOut' && random.next() < 0.4;
  const head = (tip: Point, back: number): Stroke => {
    const [l, r] = [back - spread, back + spread].map((a): Point => [
      tip[0] + barb * Math.cos(a),
      tip[1] + barb * Math.sin(a),
    ]);
    return closed ? [l!, tip, r!, l!] : [l!, tip, r!];
  };
  const strokes = [shaft, head([1, 0], Math.atan2(2 * bend, -1))];
  if (split === 'heldOut' && random.next() < 0.25) {
    strokes.push(head([-1, 0], Math.atan2(2 * bend, 1)));
  }
  return rotate(strokes, heading);
};

/** A horizontal zigzag of five or more legs; (held-out) a row of scallops or of loops. */
export const zigzag: ShapeMaker = (random, split) => {
  const variant = split === 'train' ? 0 : random.int(3);
  const tilt = random.uniform(-0.35, 0.35);
  if (variant === 0) {
    const legs = 5 + random.int(5);
    const height = random.uniform(0.25, 0.7);
    const points = Array.from({ length: legs + 1 }, (_, i): Point => [
      -1 + (2 * i) / legs,
      (i % 2 ? -1 : 1) * height * random.uniform(0.8, 1),
    ]);
    return rotate([points], tilt);
  }
  const bumps = 3 + random.int(3);
  const width = 2 / bumps;
  if (variant === 1) {
    const up = random.next() < 0.5 ? -1 : 1;
    return rotate(
      [curve((t) => [-1 + 2 * t, up * 0.3 * Math.abs(Math.sin(Math.PI * bumps * t))], 24 * bumps)],
      tilt,
    );
  }
  // A prolate trochoid: the looped line people draw as a border.
  const r = width / TAU;
  const d = r * random.uniform(1.8, 2.6);
  return rotate(
    [
      curve(
        (t) => [
          -1 + r * TAU * bumps * t - d * Math.sin(TAU * bumps * t),
          d * Math.cos(TAU * bumps * t),
        ],
        32 * bumps,
      ),
    ],
    tilt,
  );
};

/** A spiral of over two turns (fewer could be a 6 or a 0); (held-out) also square spirals. */
export const spiral: ShapeMaker = (random, split) => {
  const turns = random.uniform(2.2, 4);
  const direction = random.next() < 0.5 ? 1 : -1;
  const start = random.uniform(0, TAU);
  if (split === 'heldOut' && random.next() < 0.5) {
    const legs = Math.round(turns * 4);
    return [
      Array.from({ length: legs + 1 }, (_, i): Point => {
        const [a, r] = [start + (direction * i * Math.PI) / 2, (i + 1) / (legs + 1)];
        return [r * Math.cos(a), r * Math.sin(a)];
      }),
    ];
  }
  return [
    curve(
      (t) => {
        const a = start + direction * TAU * turns * t;
        return [t * Math.cos(a), t * Math.sin(a)];
      },
      Math.ceil(48 * turns),
    ),
  ];
};

/**
 * A near-horizontal wave of 2 to 4 periods (upright it would be an S, a 5); (held-out) also two
 * waves, one above the other, or a wave that grows.
 */
export const wave: ShapeMaker = (random, split) => {
  const periods = random.uniform(2, 4);
  const amplitude = random.uniform(0.1, 0.3);
  const phase = random.uniform(0, TAU);
  const variant = split === 'train' ? 0 : random.int(3);
  const grow = variant === 2 ? (t: number) => 0.3 + t : () => 1;
  const line = (dy: number): Stroke =>
    curve((t) => [-1 + 2 * t, dy + amplitude * grow(t) * Math.sin(phase + TAU * periods * t)], 80);
  const strokes = variant === 1 ? [line(-amplitude * 1.5), line(amplitude * 1.5)] : [line(0)];
  return rotate(strokes, random.uniform(-0.35, 0.35));
};

/** One stroke within 28 degrees of horizontal (steeper reads as a 1); (held-out) also bowed. */
export const strayLine: ShapeMaker = (random, split) => {
  const bow = split === 'heldOut' && random.next() < 0.5 ? random.uniform(-0.15, 0.15) : 0;
  const line = curve((t) => [2 * t - 1, bow * (1 - (2 * t - 1) ** 2)], 10);
  return rotate([line], random.uniform(-28, 28) * (Math.PI / 180));
};

/**
 * A tangle of points in a tiny area, like a tap that wobbled. The app enlarges it to fill the
 * box, so it must be a tangle there: a tap of two or three points would become a line or a bend,
 * which no model can tell from a 1 or a 7.
 */
export const blob: ShapeMaker = (random, split) => {
  const strokes = split === 'train' ? 1 : 2 + random.int(2);
  const points = split === 'train' ? 12 + random.int(12) : 6 + random.int(5);
  return Array.from({ length: strokes }, () =>
    Array.from({ length: points }, (): Point => {
      const [a, r] = [random.uniform(0, TAU), Math.sqrt(random.next())];
      return [r * Math.cos(a), r * Math.sin(a)];
    }),
  );
};
