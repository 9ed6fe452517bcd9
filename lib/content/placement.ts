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
  /** Set when the frame is made shorter than asked to stay at its edge clear of the buttons. */
  height?: number;
}

/**
 * The shortest an open frame is made to keep it at the right edge, in the free band beside the
 * buttons, rather than moving it over the page's main column at the left (Freelancer.com's profile:
 * its "Hire me" card sits in the right column, mid-height, issue 14).
 */
export const MIN_FRAME_HEIGHT = 360;

/** Gap kept between the frame and the viewport's top and bottom. */
export const EDGE_MARGIN = 16;

/** Vertical anchors tried in order of preference (fraction of the free height). */
const HEIGHTS = [0.55, 0.85, 1, 0.25, 0] as const;
const EDGES: readonly Edge[] = ['right', 'left'];

export function frameBox(p: Placement, frame: Size, viewport: Size): Box {
  const left = p.edge === 'right' ? viewport.width - frame.width : 0;
  return { left, top: p.top, width: frame.width, height: p.height ?? frame.height };
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
 * The tallest vertical band at `edge` that no button reaches (8 px of air), as a placement whose
 * height is the band's (at most the frame's); null when that band is under `min` px.
 */
export function clearBand(edge: Edge, frame: Size, viewport: Size, avoid: readonly Box[], min: number, pad = 8): Placement | null {
  const left = edge === 'right' ? viewport.width - frame.width : 0;
  const blocked = avoid
    .filter((a) => a.width > 0 && a.height > 0 && a.left - pad < left + frame.width && a.left + a.width + pad > left)
    .map((a) => [a.top - pad, a.top + a.height + pad] as const)
    .sort((a, b) => a[0] - b[0]);
  const end = viewport.height - EDGE_MARGIN;
  let from = EDGE_MARGIN;
  let best: { top: number; size: number } | null = null;
  const consider = (to: number) => {
    const size = Math.min(to, end) - from;
    if (size > 0 && (!best || size > best.size)) best = { top: from, size };
  };
  for (const [top, bottom] of blocked) {
    consider(top);
    from = Math.max(from, bottom);
  }
  consider(end);
  const band = best as { top: number; size: number } | null;
  if (!band || band.size < min) return null;
  const height = Math.floor(Math.min(frame.height, band.size));
  return height < frame.height ? { edge, top: Math.ceil(band.top), height } : { edge, top: Math.ceil(band.top) };
}

/**
 * Picks the first right-edge candidate that covers nothing to avoid; then the right edge with the
 * frame shortened (never under MIN_FRAME_HEIGHT) to fit beside the buttons; then the left edge;
 * when every one covers something, the one covering least. `current` is kept while it is still
 * clear, so the frame doesn't jump around while the user scrolls.
 */
export function choosePlacement(frame: Size, viewport: Size, avoid: readonly Box[], current?: Placement): Placement {
  const candidates = candidatePlacements(frame, viewport);
  if (current) {
    const kept = { edge: current.edge, top: clampTop(current.top, frame, viewport) };
    if (coveredArea(frameBox(kept, frame, viewport), avoid) === 0) return kept;
  }
  for (const c of candidates) {
    if (c.edge === EDGES[0] && coveredArea(frameBox(c, frame, viewport), avoid) === 0) return c;
  }
  const shortened = clearBand(EDGES[0]!, frame, viewport, avoid, Math.min(frame.height, MIN_FRAME_HEIGHT));
  if (shortened) return shortened;
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

// ---------------------------------------------------------------- search-result marks

export type Corner = 'top-left' | 'top-right' | 'bottom-right' | 'bottom-left';

/** Corners of a card tried for its mark, in order; the mark sits BADGE_INSET px in from both sides. */
export const CORNERS: readonly Corner[] = ['top-left', 'top-right', 'bottom-right', 'bottom-left'];
export const BADGE_INSET = 8;

/** Where a mark of `badge` size sits in `corner` of `card` (viewport coordinates). */
export function cornerBox(corner: Corner, card: Box, badge: Size, inset = BADGE_INSET): Box {
  const left = corner.endsWith('left') ? card.left + inset : card.left + card.width - inset - badge.width;
  const top = corner.startsWith('top') ? card.top + inset : card.top + card.height - inset - badge.height;
  return { left, top, width: badge.width, height: badge.height };
}

/**
 * The card corner whose mark covers none of the card's own avatar, name link or buttons (`avoid`):
 * the first clear one, else the one covering least. Freelancer.com's directory cards have the
 * avatar and username in the top-left corner (issue 14). Zero-size boxes (not laid out) are ignored.
 */
export function chooseBadgeCorner(card: Box, badge: Size, avoid: readonly Box[]): Corner {
  let best: Corner = CORNERS[0]!;
  let bestArea = Infinity;
  for (const corner of CORNERS) {
    const area = coveredArea(cornerBox(corner, card, badge), avoid, 2);
    if (area === 0) return corner;
    if (area < bestArea) {
      best = corner;
      bestArea = area;
    }
  }
  return best;
}
