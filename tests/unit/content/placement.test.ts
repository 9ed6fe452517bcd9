import { describe, expect, it } from 'vitest';
import {
  EDGE_MARGIN,
  candidatePlacements,
  choosePlacement,
  coveredArea,
  frameBox,
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
