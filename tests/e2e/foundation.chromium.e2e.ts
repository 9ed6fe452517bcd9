/**
 * Foundation, Chromium: the built extension runs on a marketplace page served at its real URL,
 * the background stores what pages send it, and the data survives a browser restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, launchChromium, makeProfileDir, removeDir, waitFor, type ChromiumSession } from './harness';

const UPWORK_KEY = 'upwork:~01140923f209578a6b';
const TRACKED = {
  key: 'fiverr:e2e-foundation',
  site: 'fiverr',
  siteId: 'e2e-foundation',
  name: 'Foundation Test Seller',
  profileUrl: 'https://www.fiverr.com/e2e-foundation',
} as const;

describe('foundation in Chromium', () => {
  const profileDir = makeProfileDir('chromium-foundation');
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium({
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
    // Images and fonts of the capture are answered 404, never fetched from the real site.
    expect(session.routes.log.some((d) => d.kind === 'not-found' && d.url.startsWith('https://www.upwork.com/'))).toBe(true);
    await page.close();
  });

  it('keeps the JSON state scripts adapters read (Fiverr seller profile)', async () => {
    const page = await session.openMarketplacePage('fiverrSeller');
    const state = await page.evaluate(() => {
      const props = document.getElementById('perseus-initial-props');
      const executable = [...document.scripts].filter((s) => !/json/i.test(s.type));
      return { propsType: props?.getAttribute('type'), propsLength: props?.textContent?.length ?? 0, executable: executable.length };
    });
    expect(state.propsType).toBe('application/json');
    expect(state.propsLength).toBeGreaterThan(1000);
    // Only the harness's injected script remains executable.
    expect(state.executable).toBe(1);
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
    expect(view.contractor.profileUrl).toContain('~01140923f209578a6b');
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

  it('keeps the records after the browser restarts with the same profile', async () => {
    await session.close();
    session = await launchChromium({ profileDir });
    const tracked = await session.send('getContractor', { key: TRACKED.key });
    expect(tracked?.contractor).toMatchObject({ status: 'shortlisted', tags: ['e2e'] });
    const upwork = await session.send('getContractor', { key: UPWORK_KEY });
    expect(upwork?.contractor.name).toMatch(/^Sergii C/);
  });
});
