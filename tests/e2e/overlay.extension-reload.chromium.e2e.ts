/**
 * The extension is reloaded (as on an update) while marketplace pages are open, Chromium: the
 * orphaned content script notices, removes its frame and badges, and throws nothing into the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, waitFor, type ChromiumSession } from './harness';

const FRAME = '[data-testid="vetted-overlay-frame"]';
const BADGE = '[data-testid="vetted-badge"]';

describe('extension reloaded under open pages, Chromium', () => {
  let session: ChromiumSession;
  let profile: Page;
  let listing: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    session = await launchChromium();
    await session.send('trackContractor', {
      profile: {
        key: 'fiverr:davidsafford',
        site: 'fiverr',
        siteId: 'davidsafford',
        name: 'David Safford',
        profileUrl: 'https://www.fiverr.com/davidsafford',
      },
    });
    await session.send('updateContractor', { key: 'fiverr:davidsafford', patch: { status: 'hired' } });
    profile = await session.openMarketplacePage('upworkProfile');
    listing = await session.openMarketplacePage('fiverrSearch');
    for (const page of [profile, listing]) {
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
      });
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  it('has the frame and a badge before the reload', async () => {
    await waitFor('the overlay frame', () => profile.$(FRAME));
    await waitFor('the badge', () => listing.$(BADGE));
  });

  it('removes them quietly once the extension is gone', async () => {
    await session.serviceWorker
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => undefined);
    await waitFor('the frame to be removed', async () => (await profile.$(FRAME)) === null, { timeout: 10_000 });
    await waitFor('the badges to be removed', async () => (await listing.$(BADGE)) === null, { timeout: 10_000 });
    // The pages keep working and nothing of ours complained in them.
    await listing.evaluate(() => window.scrollBy(0, 400));
    await new Promise((r) => setTimeout(r, 2_500));
    expect(errors.filter((e) => /vetted|extension context|runtime/i.test(e))).toEqual([]);
  });
});
