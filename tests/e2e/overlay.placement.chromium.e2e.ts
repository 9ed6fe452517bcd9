/**
 * Where the overlay goes and when it shows, Chromium, on the real Upwork capture: it keeps clear
 * of the site's hire / contact buttons (even one that appears right where it sits), and the
 * per-site switch in settings takes it off the page at once and keeps it off after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hireButtonSelectors } from '../../lib/sites';
import { FIXTURES, launchChromium, waitFor, type ChromiumSession } from './harness';

const FRAME = '[data-testid="vetted-overlay-frame"]';
const SELECTORS = hireButtonSelectors(new URL(FIXTURES.upworkProfile.url));

/** Boxes of the hire / contact buttons the frame overlaps (empty: it covers none). */
async function coveredButtons(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ frameSel, selectors }) => {
      const f = document.querySelector(frameSel)!.getBoundingClientRect();
      const out: string[] = [];
      for (const el of document.querySelectorAll(selectors.join(','))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const overlap = Math.min(f.right, r.right) > Math.max(f.left, r.left) && Math.min(f.bottom, r.bottom) > Math.max(f.top, r.top);
        if (overlap) out.push(`${el.outerHTML.slice(0, 80)} at ${Math.round(r.left)},${Math.round(r.top)}`);
      }
      return out;
    },
    { frameSel: FRAME, selectors: [...SELECTORS] },
  );
}

async function frameRect(page: Page) {
  return page.$eval(FRAME, (f) => {
    const r = f.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
}

describe('overlay placement and the per-site switch, Chromium', () => {
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchChromium();
    page = await session.openMarketplacePage('upworkProfile');
    await waitFor('the overlay frame', () => page.$(FRAME));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('knows the Upwork hire buttons and covers none of them, collapsed or open', async () => {
    expect(SELECTORS.length).toBeGreaterThan(0);
    expect(await coveredButtons(page)).toEqual([]);
    const frame = page.frameLocator(FRAME);
    const toggle = frame.getByTestId('overlay-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await waitFor('the open panel', async () => (await frameRect(page)).width >= 300);
    expect(await coveredButtons(page)).toEqual([]);
    await frame.getByTestId('overlay-toggle').click();
    await waitFor('the collapsed tab', async () => (await frameRect(page)).width <= 80);
  });

  it('moves away from a hire button that appears where it sits', async () => {
    const before = await frameRect(page);
    await page.evaluate((r) => {
      const b = document.createElement('button');
      b.setAttribute('data-qa', 'btn-hire');
      b.textContent = 'Hire';
      b.style.cssText = `position: fixed; z-index: 1; left: ${r.left - 20}px; top: ${r.top + 40}px; width: 90px; height: 40px;`;
      document.body.append(b);
      // Sticky bars appear on scroll: the frame re-checks its place then.
      window.dispatchEvent(new Event('scroll'));
    }, before);
    await waitFor('the frame to move off the button', async () => (await coveredButtons(page)).length === 0, { timeout: 5_000 });
    const after = await frameRect(page);
    expect(after).not.toEqual(before);
  });

  it('leaves the page at once when Upwork is switched off, stays off after reload, and comes back when on', async () => {
    const settings = await session.send('getSettings', {});
    await session.send('updateSettings', { patch: { sites: { ...settings.sites, upwork: false } } });
    await waitFor('the frame to leave', async () => (await page.$(FRAME)) === null, { timeout: 5_000 });
    await page.reload({ waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await page.$(FRAME)).toBeNull();
    await session.send('updateSettings', { patch: { sites: { ...settings.sites, upwork: true } } });
    await waitFor('the frame to come back', () => page.$(FRAME), { timeout: 5_000 });
  });
});
