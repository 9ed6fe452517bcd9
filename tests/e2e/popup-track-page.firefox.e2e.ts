/**
 * The popup's "Track this page" in real Firefox ESR (MV2): the toolbar button is clicked as the
 * browser does it, which grants activeTab on the tab; the popup's two requests then read and track
 * that page. Firefox doesn't let the driver reach the popup panel's document, so the requests are
 * sent from an extension page with the same tab id the popup would use (the popup's own UI is
 * covered in Chromium and by the component test). No host permission: before the click, the page
 * can't be read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickToolbarButton, launchFirefox, selectedTabId, waitFor, type FirefoxSession } from './harness';

const PORTFOLIO = 'https://jane-doe.example/portfolio';
const KEY = 'generic:jane-doe.example/portfolio';
const HTML = `<!doctype html><html lang="en"><head><title>Jane Doe — Illustrator</title></head>
<body><h1>Jane Doe</h1><p>Illustrator based in Lisbon. Hire me for picture books.</p></body></html>`;

let session: FirefoxSession;
beforeAll(async () => {
  session = await launchFirefox({ routes: { pages: { [PORTFOLIO]: { html: HTML } } } });
}, 120_000);
afterAll(async () => {
  await session?.close();
});

describe('Popup: Track this page (Firefox)', () => {
  it('reads nothing before the toolbar click; after it, tracks the contractor and points the tab at them', async () => {
    // Requests go from an extension page opened first, so the portfolio tab stays the selected one.
    await session.send('getSettings', {});
    const page = await session.newPage();
    await page.goto(PORTFOLIO, { waitUntil: 'load' });
    await page.bringToFront();

    const before = await session.send('getTrackable', { tabId: await selectedTabId(session) });
    expect(before.state).toBe('unavailable');

    const { tabId, activeTab } = await clickToolbarButton(session);
    expect(activeTab).toBe(true);
    expect(await session.send('getTrackable', { tabId })).toEqual({ state: 'ready' });

    const contractor = await session.send('trackPage', { tabId });
    expect(contractor).toMatchObject({ key: KEY, site: 'generic', profileUrl: PORTFOLIO, status: 'prospect' });
    expect(contractor.name).toContain('Jane Doe');
    const view = await waitFor('the contractor in storage', () => session.send('getContractor', { key: KEY }));
    expect(view.contractor.name).toBe(contractor.name);
    expect(await session.send('getTabContext', { tabId })).toMatchObject({ key: KEY, site: 'generic', url: PORTFOLIO });
    await page.close();
  }, 120_000);
});
