import { strokeBounds, type Bounds, type Stroke } from '../strokes';

// Splits the strokes on the pad into digits, left to right, by geometry alone, in the ink's own
// scale (the reference height H, so it does not matter how large the person writes). Two strokes
// (or groups of strokes) are one digit when
// - their horizontal extents overlap by at least half the narrower one's width (a 4's upright
//   through its bar, a 7's bar across its stem, a 5's flag over its body), or
// - one is flat (a bar or flag, under FRAGMENT x H tall) and they touch or overlap;
// and the result is no wider than a digit can be (a flat stroke excepted: a 5's flag may be long;
// a digit taller than H, like an 8 in two stacked loops, may be as wide as it is tall).
// The most overlapping pair merges first, until no pair qualifies; the order strokes were written
// in does not matter, so a stroke added later to an earlier digit joins it.
// What geometry cannot decide (a 4 whose upright stands beside its L, two digits touching) is
// left split here and offered to the model as a possible join (see segmentation.ts): mayJoin.
// A merge can be wrong too (a 1 touching a 6 overlaps it as a 4's upright overlaps its L), so
// each merged group keeps the two parts of its last, least sure merge for the model to read
// apart. Known failure cases: a part drawn well away from its digit stays apart; a digit's part
// merged into its neighbour while the rest stands apart; digits written on top of each other,
// or in two rows, are read as one row.

/** One digit's strokes: indices into the drawing, in the order they were written. */
export interface StrokeGroup {
  strokes: number[];
  bounds: Bounds;
  /**
   * For a group geometry merged: the two groups its last (least sure) merge joined, left to
   * right, so the model may still read them apart (see segmentation.ts).
   */
  parts?: [StrokeGroup, StrokeGroup];
}

/** Overlap, as a share of the narrower width, at which two groups are surely one digit. */
const SURE_OVERLAP = 0.5;
/** Widths under this share of H count as this, so a thin upright does not overlap everything. */
export const MIN_NARROW = 0.1;
/** A stroke under this share of H tall is flat: a bar or a flag, part of a digit. */
const FRAGMENT = 0.45;
/** The widest a digit may be, in units of H (a wide 0 or 2 is about 0.9 H). */
export const MAX_WIDTH = 1.3;
/** Neighbours this close (share of H, a negative gap is an overlap) may be one digit. */
const JOIN_GAP = 0.15;
/** Below this (pad units) H is not a digit's height but a dot's: use this instead. */
const MIN_HEIGHT = 0.05;
/** H is this percentile of the stroke heights: a tall stroke, not a stray long one. */
const HEIGHT_PERCENTILE = 0.8;

/** Groups strokes into digits, ordered left to right by their centres; H is `height`. */
export function groupStrokes(strokes: readonly Stroke[]): {
  groups: StrokeGroup[];
  height: number;
} {
  let groups: StrokeGroup[] = [];
  strokes.forEach((stroke, index) => {
    const bounds = strokeBounds([stroke]);
    if (bounds) groups.push({ strokes: [index], bounds });
  });
  if (groups.length === 0) return { groups: [], height: MIN_HEIGHT };
  const height = referenceHeight(groups.map((g) => g.bounds));

  for (;;) {
    let best: { a: number; b: number; score: number } | null = null;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const A = groups[a]!.bounds;
        const B = groups[b]!.bounds;
        const score = affinity(A, B, height);
        if (score === null) continue;
        if (!best || score > best.score) best = { a, b, score };
      }
    }
    if (!best) break;
    const { a, b } = best;
    const parts = [groups[a]!, groups[b]!].sort((g, h) => centreX(g.bounds) - centreX(h.bounds));
    const merged = {
      ...joinGroups(parts[0]!, parts[1]!),
      parts: parts as [StrokeGroup, StrokeGroup],
    };
    groups = groups.filter((_, i) => i !== a && i !== b);
    groups.push(merged);
  }
  groups.sort((g, h) => centreX(g.bounds) - centreX(h.bounds));
  return { groups, height };
}

/** Two groups as one. */
export function joinGroups(a: StrokeGroup, b: StrokeGroup): StrokeGroup {
  return {
    strokes: [...a.strokes, ...b.strokes].sort((x, y) => x - y),
    bounds: union(a.bounds, b.bounds),
  };
}

/**
 * The index of the group holding the stroke written last (the digit being written): groups of
 * strokes, or digits read from them, each with its stroke indices in ascending order.
 */
export function lastWrittenGroup(groups: readonly { strokes: readonly number[] }[]): number {
  let latest = -1;
  let found = -1;
  groups.forEach((group, i) => {
    const last = group.strokes.at(-1) ?? -1;
    if (last > latest) {
      latest = last;
      found = i;
    }
  });
  return found;
}

/** How surely two groups are one digit (higher is surer), or null when not surely. */
function affinity(a: Bounds, b: Bounds, height: number): number | null {
  const flat = Math.min(a.maxY - a.minY, b.maxY - b.minY) < FRAGMENT * height;
  if (!flat && tooWide(union(a, b), height)) return null;
  // A thin upright counts as MIN_NARROW wide about its centre: inside a digit, it overlaps it.
  const [wa, wb] = [widen(a, MIN_NARROW * height), widen(b, MIN_NARROW * height)];
  const overlap = overlapX(wa, wb);
  const share = overlap / Math.min(widthX(wa), widthX(wb));
  if (share >= SURE_OVERLAP) return share;
  // A flat stroke touching a group: still one digit, but after every clearer overlap.
  if (flat && overlap >= 0) return share - 1;
  return null;
}

/** Whether neighbouring groups might be one digit: close, and together no wider than a digit. */
export function mayJoin(a: Bounds, b: Bounds, height: number): boolean {
  return overlapX(a, b) >= -JOIN_GAP * height && !tooWide(union(a, b), height);
}

/**
 * Wider than one digit can be: MAX_WIDTH x H, or x its own height when taller (an 8 written as
 * two stacked loops is as tall as both, while H is one loop's height).
 */
function tooWide(bounds: Bounds, height: number): boolean {
  return widthX(bounds) > MAX_WIDTH * Math.max(height, bounds.maxY - bounds.minY);
}

/** Horizontal overlap of two extents; negative for the gap between them. */
const overlapX = (a: Bounds, b: Bounds) => Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX);
const widthX = (b: Bounds) => b.maxX - b.minX;

/** The extent made at least `width` wide about its centre. */
function widen(b: Bounds, width: number): Bounds {
  const grow = Math.max(0, width - widthX(b)) / 2;
  return { ...b, minX: b.minX - grow, maxX: b.maxX + grow };
}

function referenceHeight(bounds: readonly Bounds[]): number {
  const heights = bounds.map((b) => b.maxY - b.minY).sort((x, y) => x - y);
  const at = Math.min(heights.length - 1, Math.floor(HEIGHT_PERCENTILE * heights.length));
  return Math.max(MIN_HEIGHT, heights[at]!);
}

const centreX = (b: Bounds) => (b.minX + b.maxX) / 2;

function union(a: Bounds, b: Bounds): Bounds {
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  };
}
