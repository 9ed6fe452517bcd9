/**
 * Foundation, Firefox ESR: the MV2 build installed as an add-on runs on a marketplace page served
 * at its real URL, the background stores and returns records, and they survive a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, launchFirefox, makeProfileDir, removeDir, waitFor, type FirefoxSession } from './harness';

const UPWORK_KEY = 'upwork:~01140923f209578a6b';
const TRACKED = {
  key: 'fiverr:e2e-foundation',
  site: 'fiverr',
  siteId: 'e2e-foundation',
  name: 'Foundation Test Seller',
  profileUrl: 'https://www.fiverr.com/e2e-foundation',
} as const;

describe('foundation in Firefox', () => {
  const profileDir = makeProfileDir('firefox-foundation');
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox({
      profileDir,
      routes: { inject: ['window.__vettedInjected = document.readyState;'] },
    });
  });

  afterAll(async () => {
    await session?.close();
    removeDir(profileDir);
  });

  it('serves the Upwork capture at its real URL, with its own scripts removed and ours run', async () => {
    const page = await session.openMarketplacePage('upworkProfile');
    expect(page.url()).toBe(FIXTURES.upworkProfile.url);
    expect(await page.title()).toMatch(/^Sergii C\. - Klaviyo Email Marketing Expert/);
    const scripts = await page.evaluate(() => ({
      injected: (window as unknown as { __vettedInjected?: string }).__vettedInjected,
      nuxtRan: 'Nuxt' in window || '__NUXT__' in window,
    }));
    expect(scripts).toEqual({ injected: 'loading', nuxtRan: false });
    expect(session.routes.log.some((d) => d.kind === 'not-found' && d.url.startsWith('https://www.upwork.com/'))).toBe(true);
    await page.close();
  });

  it('opens extension pages at the pinned moz-extension:// origin', async () => {
    const page = await session.openExtensionPage('popup.html');
    const where = await page.evaluate(() => ({ href: location.href, title: document.title }));
    expect(where).toEqual({ href: session.extensionUrl('popup.html'), title: 'Vetted' });
    await page.close();
  });

  it('runs the content script on the Upwork profile, which reports the contractor to the background', async () => {
    const page = await session.openMarketplacePage('upworkProfile');
    const view = await waitFor('the background to know the Upwork contractor', () =>
      session.send('getContractor', { key: UPWORK_KEY }),
    );
    expect(view.contractor.key).toBe(UPWORK_KEY);
    expect(view.contractor.site).toBe('upwork');
    expect(view.contractor.name).toMatch(/^Sergii C/);
    await page.close();
  });

  it('writes and reads a record through the background from an extension page', async () => {
    expect(await session.send('getContractor', { key: TRACKED.key })).toBeNull();
    const tracked = await session.send('trackContractor', { profile: TRACKED });
    expect(tracked).toMatchObject({ key: TRACKED.key, name: TRACKED.name, status: 'prospect' });
    await session.send('updateContractor', { key: TRACKED.key, patch: { status: 'shortlisted', tags: ['e2e'] } });
    const view = await session.send('getContractor', { key: TRACKED.key });
    expect(view?.contractor).toMatchObject({ key: TRACKED.key, status: 'shortlisted', tags: ['e2e'] });
  });

  it('keeps the records after Firefox restarts with the same profile', async () => {
    await session.close();
    session = await launchFirefox({ profileDir });
    const tracked = await session.send('getContractor', { key: TRACKED.key });
    expect(tracked?.contractor).toMatchObject({ status: 'shortlisted', tags: ['e2e'] });
    const upwork = await session.send('getContractor', { key: UPWORK_KEY });
    expect(upwork?.contractor.name).toMatch(/^Sergii C/);
  });
});
