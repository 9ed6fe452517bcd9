/**
 * Client-side navigation, Firefox ESR, on the real Upwork capture: moving to another profile with
 * history.pushState (the way Upwork's SPA does) changes only the frame's hash — no reload — and
 * the background learns the new contractor from the new page, not the old one; moving to a
 * listing removes the frame; going back brings it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIXTURES, launchFirefox, readCapture, stripPageScripts, waitFor, type FirefoxSession } from './harness';

const FIRST_KEY = 'upwork:~01140923f209578a6b';
const SECOND_ID = '~01c0ffee0000e2e0ab';
const SECOND_KEY = `upwork:${SECOND_ID}`;
const SECOND_URL = `https://www.upwork.com/freelancers/${SECOND_ID}`;
const LISTING_URL = 'https://www.upwork.com/nx/search/talent/?q=klaviyo';
const FRAME = '[data-testid="vetted-overlay-frame"]';

/** The Upwork capture rewritten as another freelancer's profile. */
function secondProfileHtml(): string {
  return stripPageScripts(readCapture(FIXTURES.upworkProfile.file))
    .replaceAll('01140923f209578a6b', SECOND_ID.slice(1))
    .replaceAll('Sergii C.', 'Petra K.')
    .replaceAll('Sergii', 'Petra');
}

async function frameHash(page: Page): Promise<string | null> {
  return page.$eval(FRAME, (f) => new URL((f as HTMLIFrameElement).src).hash).catch(() => null);
}

/** What an SPA does: push the URL, then render the new page into the same document. */
async function spaNavigate(page: Page, url: string, html: string | null): Promise<void> {
  await page.evaluate(
    ({ url, html }) => {
      history.pushState({}, '', url);
      const next = new DOMParser().parseFromString(html ?? '<html><head><title>Search</title></head><body><main>Results</main></body></html>', 'text/html');
      setTimeout(() => {
        document.title = next.title;
        document.head.replaceChildren(...[...next.head.childNodes].map((n) => document.importNode(n, true)));
        // Leave what extensions added (the frame's holder): a real SPA renders into its own root.
        for (const child of [...document.body.children]) if (!child.querySelector('iframe')) child.remove();
        document.body.prepend(...[...next.body.childNodes].map((n) => document.importNode(n, true)));
      }, 50);
    },
    { url, html },
  );
}

describe('client-side navigation in Firefox', () => {
  let session: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchFirefox();
    session.routes.serve(SECOND_URL, { html: secondProfileHtml() });
    page = await session.openMarketplacePage('upworkProfile');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the overlay for the first profile', async () => {
    await waitFor('the overlay frame', () => page.$(FRAME));
    expect(await frameHash(page)).toBe(`#key=${encodeURIComponent(FIRST_KEY)}`);
    await waitFor('the background to know the first contractor', async () => (await session.send('getContractor', { key: FIRST_KEY }))?.contractor.name === 'Sergii C.');
  });

  it('follows pushState to another profile by changing only the hash (no reload)', async () => {
    const frameEl = await page.$(FRAME);
    const frame = await frameEl!.contentFrame();
    await frame!.evaluate(() => ((window as unknown as { __sameDocument: number }).__sameDocument = 42));

    await spaNavigate(page, SECOND_URL, secondProfileHtml());
    await waitFor('the frame to show the second contractor', async () => (await frameHash(page)) === `#key=${encodeURIComponent(SECOND_KEY)}`, { timeout: 5_000 });

    const after = await page.$(FRAME);
    expect(await after!.evaluate((a, b) => a === b, frameEl)).toBe(true);
    const marker = await (await after!.contentFrame())!.evaluate(() => (window as unknown as { __sameDocument?: number }).__sameDocument);
    expect(marker).toBe(42);
    expect(await page.$$(FRAME)).toHaveLength(1);
  });

  it('reports the new contractor as the new page shows them, not with the old page’s name', async () => {
    const view = await waitFor('the background to know the second contractor', () => session.send('getContractor', { key: SECOND_KEY }));
    expect(view.contractor.name).toBe('Petra K.');
    const first = await session.send('getContractor', { key: FIRST_KEY });
    expect(first?.contractor.name).toBe('Sergii C.');
  });

  it('removes the frame on a listing and brings it back on the way back', async () => {
    await spaNavigate(page, LISTING_URL, null);
    await waitFor('the frame to go on the listing', async () => (await page.$(FRAME)) === null, { timeout: 5_000 });
    await page.evaluate(() => history.back());
    await waitFor('the frame to come back', async () => (await frameHash(page)) === `#key=${encodeURIComponent(SECOND_KEY)}`, { timeout: 5_000 });
  });

  it('shows the right contractor after a reload of the second profile', async () => {
    await page.reload({ waitUntil: 'load' });
    await waitFor('the frame after reload', async () => (await frameHash(page)) === `#key=${encodeURIComponent(SECOND_KEY)}`);
  });
});
