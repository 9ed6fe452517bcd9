import { describe, expect, it } from 'vitest';
import {
  EDGE_MARGIN,
  candidatePlacements,
  choosePlacement,
  coveredArea,
  frameBox,
  chooseBadgeCorner,
  cornerBox,
  MIN_FRAME_HEIGHT,
  type Box,
} from '../../../lib/content/placement';

const viewport = { width: 1280, height: 800 };
const collapsed = { width: 56, height: 180 };
const open = { width: 380, height: 640 };

function clearOf(box: Box, avoid: Box[]): boolean {
  return coveredArea(box, avoid) === 0;
}

describe('choosePlacement', () => {
  it('uses the right edge, a little below the middle, when nothing is in the way', () => {
    const p = choosePlacement(collapsed, viewport, []);
    expect(p.edge).toBe('right');
    const box = frameBox(p, collapsed, viewport);
    expect(box.left + box.width).toBe(viewport.width);
    expect(box.top).toBeGreaterThan(viewport.height / 2 - collapsed.height);
    expect(box.top + box.height).toBeLessThanOrEqual(viewport.height - EDGE_MARGIN);
  });

  it('moves vertically to clear a hire button at the right edge', () => {
    const first = frameBox(choosePlacement(collapsed, viewport, []), collapsed, viewport);
    const hire: Box = { left: 1200, top: first.top + 20, width: 70, height: 40 };
    const p = choosePlacement(collapsed, viewport, [hire]);
    expect(p.edge).toBe('right');
    expect(clearOf(frameBox(p, collapsed, viewport), [hire])).toBe(true);
  });

  it('switches to the left edge when the whole right edge is taken', () => {
    const column: Box = { left: 1180, top: 0, width: 100, height: 800 };
    const p = choosePlacement(open, viewport, [column]);
    expect(p.edge).toBe('left');
    expect(clearOf(frameBox(p, open, viewport), [column])).toBe(true);
  });

  it('keeps a few pixels of air around the buttons, not just no overlap', () => {
    const first = frameBox(choosePlacement(collapsed, viewport, []), collapsed, viewport);
    // Ends 4 px above the frame: touching distance counts as covering.
    const hire: Box = { left: 1220, top: first.top - 44, width: 60, height: 40 };
    const p = choosePlacement(collapsed, viewport, [hire]);
    expect(p).not.toEqual({ edge: 'right', top: first.top });
  });

  it('covers as little as possible when every placement covers something', () => {
    const everywhere: Box[] = [
      { left: 0, top: 0, width: 1280, height: 100 },
      { left: 0, top: 700, width: 1280, height: 100 },
      { left: 1200, top: 100, width: 80, height: 600 },
      { left: 0, top: 100, width: 80, height: 600 },
    ];
    const p = choosePlacement(collapsed, viewport, everywhere);
    const area = coveredArea(frameBox(p, collapsed, viewport), everywhere);
    for (const c of candidatePlacements(collapsed, viewport)) {
      expect(area).toBeLessThanOrEqual(coveredArea(frameBox(c, collapsed, viewport), everywhere));
    }
  });

  it('keeps the current placement while it stays clear (no jumping while scrolling)', () => {
    const current = { edge: 'left' as const, top: 300 };
    expect(choosePlacement(collapsed, viewport, [], current)).toEqual(current);
  });

  it('leaves the current placement when a button scrolls under it', () => {
    const current = { edge: 'right' as const, top: 300 };
    const hire: Box = { left: 1200, top: 350, width: 70, height: 40 };
    const p = choosePlacement(collapsed, viewport, [hire], current);
    expect(p).not.toEqual(current);
    expect(clearOf(frameBox(p, collapsed, viewport), [hire])).toBe(true);
  });

  it('pulls a kept placement back inside the viewport when the frame grows', () => {
    const current = { edge: 'right' as const, top: 700 };
    const p = choosePlacement(open, viewport, [], current);
    expect(p.edge).toBe('right');
    expect(p.top + open.height).toBeLessThanOrEqual(viewport.height - EDGE_MARGIN);
    expect(p.top).toBeGreaterThanOrEqual(EDGE_MARGIN);
  });

  it('starts a frame taller than the viewport at the top', () => {
    const small = { width: 400, height: 500 };
    const p = choosePlacement(open, small, []);
    expect(p.top).toBe(0);
  });

  it('ignores buttons that are not rendered (zero size)', () => {
    const hidden: Box = { left: 0, top: 0, width: 0, height: 0 };
    expect(coveredArea({ left: 0, top: 0, width: 100, height: 100 }, [hidden])).toBe(0);
  });
});

describe('Freelancer.com profile (issue 14)', () => {
  // The "Hire me" card of the right-hand column, mid-height (split button: main part + arrow).
  const hireCard: Box[] = [
    { left: 960, top: 300, width: 210, height: 44 },
    { left: 1170, top: 300, width: 44, height: 44 },
  ];

  it('keeps the open frame at the right edge, shortened below the hire card, not over the profile column', () => {
    const p = choosePlacement(open, viewport, hireCard);
    expect(p.edge).toBe('right');
    const box = frameBox(p, open, viewport);
    expect(clearOf(box, hireCard)).toBe(true);
    expect(box.height).toBeGreaterThanOrEqual(MIN_FRAME_HEIGHT);
    expect(box.height).toBeLessThan(open.height);
    expect(box.top + box.height).toBeLessThanOrEqual(viewport.height - EDGE_MARGIN);
  });

  it('keeps the full height when a whole-height placement at the right is clear', () => {
    const low: Box[] = [{ left: 960, top: 740, width: 250, height: 40 }];
    const p = choosePlacement(open, { width: 1280, height: 900 }, low);
    expect(p.edge).toBe('right');
    expect(p.height).toBeUndefined();
  });

  it('still goes left when the free band at the right is too short for a usable frame', () => {
    const squeezed: Box[] = [
      { left: 960, top: 250, width: 250, height: 44 },
      { left: 960, top: 560, width: 250, height: 44 },
    ];
    const p = choosePlacement(open, viewport, squeezed);
    expect(p.edge).toBe('left');
    expect(p.height).toBeUndefined();
  });

  it('the collapsed tab is never shortened', () => {
    const p = choosePlacement(collapsed, viewport, hireCard);
    expect(frameBox(p, collapsed, viewport).height).toBe(collapsed.height);
    expect(clearOf(frameBox(p, collapsed, viewport), hireCard)).toBe(true);
  });
});

describe('chooseBadgeCorner', () => {
  const badge = { width: 58, height: 24 };
  // A directory card on Freelancer.com: avatar and username top-left, "Hire me" top-right.
  const card: Box = { left: 200, top: 100, width: 880, height: 180 };
  const avatar: Box = { left: 224, top: 116, width: 80, height: 80 };
  const username: Box = { left: 320, top: 116, width: 120, height: 20 };
  const hire: Box = { left: 960, top: 116, width: 96, height: 36 };

  it('keeps the top-left corner when nothing is there', () => {
    expect(chooseBadgeCorner(card, badge, [])).toBe('top-left');
    expect(chooseBadgeCorner(card, badge, [{ left: 0, top: 0, width: 0, height: 0 }])).toBe('top-left');
  });

  it('moves off the avatar and username, and off the hire button, to a clear corner', () => {
    const corner = chooseBadgeCorner(card, badge, [avatar, username, hire]);
    expect(corner).toBe('bottom-right');
    expect(coveredArea(cornerBox(corner, card, badge), [avatar, username, hire])).toBe(0);
  });

  it('covers least when every corner has something', () => {
    const everywhere: Box[] = [
      avatar,
      username,
      hire,
      { left: 1000, top: 240, width: 80, height: 40 },
      { left: 200, top: 250, width: 30, height: 30 },
    ];
    const corner = chooseBadgeCorner(card, badge, everywhere);
    expect(corner).toBe('bottom-left');
  });
});
