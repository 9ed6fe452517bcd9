/**
 * The popup's "Track this page" in real Chromium, opened the way a user opens it: a click on the
 * toolbar button over the tab (CDP Extensions.triggerAction), which grants activeTab on that tab.
 * No `tabs` permission, no host permission: the build's manifest is the one users get.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openActionPopup, waitFor, type ChromiumSession } from './harness';

const PORTFOLIO = 'https://jane-doe.example/portfolio';
const KEY = 'generic:jane-doe.example/portfolio';
const HTML = `<!doctype html><html lang="en"><head><title>Jane Doe — Illustrator</title>
<meta name="description" content="Children's books and editorial illustration."></head>
<body><h1>Jane Doe</h1><p>Illustrator based in Lisbon. Hire me for picture books.</p></body></html>`;

const TRACK = '[data-testid="track-page"]';
const ACTIVE_TAB_ID = 'chrome.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0].id)';
const textOf = (selector: string) => `document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`;

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium({ routes: { pages: { [PORTFOLIO]: { html: HTML } } } });
}, 90_000);
afterAll(async () => {
  await session?.close();
});

async function tabAt(url: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function extensionTargets(): Promise<{ type: string; url: string }[]> {
  const cdp = await session.context.browser()!.newBrowserCDPSession();
  try {
    return ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] }).targetInfos;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

describe('Popup: Track this page (Chromium)', () => {
  it('on a contractor’s own website: tracks them and opens the side panel on them', async () => {
    const page = await tabAt(PORTFOLIO);
    const popup = await openActionPopup(session, page);
    const offer = await popup.waitFor<string>('the "Track this page" offer', textOf(TRACK));
    expect(offer).toContain('Track this page');
    await popup.screenshot('popup-track-page');

    const tabId = await popup.evaluate<number>(ACTIVE_TAB_ID);
    await popup.click(`${TRACK} button`);
    const view = await waitFor('the contractor to be tracked', () => session.send('getContractor', { key: KEY }));
    expect(view.contractor).toMatchObject({ key: KEY, site: 'generic', profileUrl: PORTFOLIO, status: 'prospect' });
    expect(view.contractor.name).toContain('Jane Doe');

    // The side panel opened as a panel (within the click's gesture), not as a fallback tab.
    await waitFor('the side panel to open', async () =>
      (await extensionTargets()).some((t) => t.url.startsWith(session.extensionUrl('sidepanel.html'))),
    );
    expect(session.context.pages().some((p) => p.url().includes('sidepanel.html'))).toBe(false);
    // The side panel follows the tab's contractor: the tab now points at the one tracked.
    expect(await session.send('getTabContext', { tabId })).toMatchObject({ key: KEY, site: 'generic', url: PORTFOLIO });
    await waitFor('the popup to close itself', async () => !(await popup.isOpen()));
    await page.close();
  }, 90_000);

  it('on a browser page: says Vetted can’t read it, offers no button', async () => {
    const page = await tabAt('chrome://version');
    const popup = await openActionPopup(session, page);
    const text = await popup.waitFor<string>('the explanation', textOf(TRACK));
    expect(text).toContain('Can’t track this page');
    expect(text).toMatch(/browser pages/);
    expect(await popup.evaluate<number>(`document.querySelectorAll('${TRACK} button').length`)).toBe(0);
    await popup.screenshot('popup-track-page-unavailable');
    await page.close();
  }, 90_000);

  it('on a marketplace profile: no offer, the overlay does the job', async () => {
    const page = await session.openMarketplacePage('upworkProfile');
    const popup = await openActionPopup(session, page);
    await popup.waitFor('the popup to render', `!!document.querySelector('.pp-main')?.children.length`);
    // Ask what the popup asked, from the popup: once that answer is in, the offer can't appear.
    const check = await popup.evaluate<unknown>(
      `${ACTIVE_TAB_ID}.then((tabId) => chrome.runtime.sendMessage({ type: 'getTrackable', payload: { tabId } }))`,
    );
    expect(check).toEqual({ ok: true, data: { state: 'marketplace' } });
    expect(await popup.evaluate<boolean>(`!!document.querySelector('${TRACK}')`)).toBe(false);
    await page.close();
  }, 90_000);
});
