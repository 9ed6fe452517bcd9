/**
 * The opened overlay gives the checklist the room (issue 14): on the real Upwork capture at
 * 1280×720 and at 150 % zoom on a 1366×768 screen (a 911×512 CSS viewport), the checklist's
 * first items are inside the panel's visible area without scrolling. Screenshots of both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, waitFor, type ChromiumSession } from './harness';

const KEY = 'upwork:~01140923f209578a6b';

describe('the overlay checklist above the fold in Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
    // A contractor with a project and a note, as after a day of use: the header has its actions.
    const first = await session.openMarketplacePage('upworkProfile');
    await waitFor('the contractor', () => session.send('getContractor', { key: KEY }));
    await session.send('createProject', {
      title: 'Klaviyo flows',
      contractorKey: KEY,
      status: 'active',
      budgetMinor: 150000,
      currency: 'USD',
    });
    await session.send('updateSettings', { patch: { overlayOpen: true } });
    await first.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function openAt(width: number, height: number): Promise<Page> {
    const page = await session.newPage();
    await page.setViewportSize({ width, height });
    await page.goto('https://www.upwork.com/freelancers/~01140923f209578a6b');
    const frame = await session.overlayFrame(page);
    await frame.locator('[data-testid="checklist-item"]').first().waitFor();
    return page;
  }

  for (const [label, width, height, items] of [
    ['1280x720', 1280, 720, 5],
    ['150-percent-1366x768', 911, 512, 2],
  ] as const) {
    it(`at ${label} the first ${items} checklist items show without scrolling`, async () => {
      const page = await openAt(width, height);
      const frame = await session.overlayFrame(page);
      const visible = await frame.evaluate(() => {
        const scroller = document.querySelector('.ov-scroll')!;
        const bottom = Math.min(scroller.getBoundingClientRect().bottom, window.innerHeight);
        return [...document.querySelectorAll('[data-testid="checklist-item"]')].filter((el) => el.getBoundingClientRect().bottom <= bottom)
          .length;
      });
      await screenshot(page, `overlay-fold-${label}-chromium`);
      expect(visible).toBeGreaterThanOrEqual(items);
      await page.close();
    });
  }
});
