/**
 * Where the overlay frame goes: at the right or left edge of the viewport, at a height where it
 * covers none of the marketplace's own hire / contact buttons. Pure: rectangles in, placement out.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Edge = 'right' | 'left';

export interface Placement {
  edge: Edge;
  /** Distance in px from the top of the viewport to the frame's top. */
  top: number;
}

/** Gap kept between the frame and the viewport's top and bottom. */
export const EDGE_MARGIN = 16;

/** Vertical anchors tried in order of preference (fraction of the free height). */
const HEIGHTS = [0.55, 0.85, 1, 0.25, 0] as const;
const EDGES: readonly Edge[] = ['right', 'left'];

export function frameBox(p: Placement, frame: Size, viewport: Size): Box {
  const left = p.edge === 'right' ? viewport.width - frame.width : 0;
  return { left, top: p.top, width: frame.width, height: frame.height };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Total area of `box` covered by the boxes to avoid (a few px of padding around each). */
export function coveredArea(box: Box, avoid: readonly Box[], pad = 8): number {
  let sum = 0;
  for (const a of avoid) {
    if (a.width <= 0 || a.height <= 0) continue;
    sum += overlapArea(box, { left: a.left - pad, top: a.top - pad, width: a.width + 2 * pad, height: a.height + 2 * pad });
  }
  return sum;
}

/** Every candidate placement, best first when nothing is in the way. */
export function candidatePlacements(frame: Size, viewport: Size): Placement[] {
  const free = Math.max(0, viewport.height - frame.height - 2 * EDGE_MARGIN);
  const out: Placement[] = [];
  for (const edge of EDGES) {
    for (const h of HEIGHTS) out.push({ edge, top: Math.round(EDGE_MARGIN + free * h) });
  }
  // A frame taller than the viewport starts at the top so its header stays reachable.
  if (viewport.height < frame.height + 2 * EDGE_MARGIN) return out.map((p) => ({ ...p, top: 0 }));
  return out;
}

/**
 * Picks the first candidate that covers nothing to avoid; when every one covers something,
 * the one covering least. `current` is kept while it is still clear, so the frame doesn't jump
 * around while the user scrolls.
 */
export function choosePlacement(frame: Size, viewport: Size, avoid: readonly Box[], current?: Placement): Placement {
  const candidates = candidatePlacements(frame, viewport);
  if (current) {
    const kept = { edge: current.edge, top: clampTop(current.top, frame, viewport) };
    if (coveredArea(frameBox(kept, frame, viewport), avoid) === 0) return kept;
  }
  let best = candidates[0]!;
  let bestArea = Infinity;
  for (const c of candidates) {
    const area = coveredArea(frameBox(c, frame, viewport), avoid);
    if (area === 0) return c;
    if (area < bestArea) {
      best = c;
      bestArea = area;
    }
  }
  return best;
}

function clampTop(top: number, frame: Size, viewport: Size): number {
  const max = viewport.height - frame.height - EDGE_MARGIN;
  return Math.max(Math.min(top, max), Math.min(EDGE_MARGIN, Math.max(0, max)));
}
