/**
 * The foundation checks, run the same way in each browser by foundation.<browser>.e2e.ts: the
 * extension runs on a marketplace page served at its real URL, the background stores what it is
 * sent, and the records survive a browser restart on the same profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, makeProfileDir, removeDir, waitFor, type ExtensionSession, type MarketRoutesOptions } from './harness';

/** What these checks use of a Playwright or a Puppeteer page. */
interface AnyPage {
  url(): string;
  title(): Promise<string>;
  evaluate<R>(fn: () => R): Promise<unknown>;
  close(): Promise<void>;
}

type Launch = (options: { profileDir: string; routes?: MarketRoutesOptions }) => Promise<ExtensionSession<AnyPage, unknown>>;

const UPWORK_KEY = 'upwork:~01140923f209578a6b';
const TRACKED = {
  key: 'fiverr:e2e-foundation',
  site: 'fiverr',
  siteId: 'e2e-foundation',
  name: 'Foundation Test Seller',
  profileUrl: 'https://www.fiverr.com/e2e-foundation',
} as const;

export function describeFoundation(browser: string, launch: Launch): void {
  describe(`foundation in ${browser}`, () => {
    const profileDir = makeProfileDir(`${browser.toLowerCase()}-foundation`);
    let session: ExtensionSession<AnyPage, unknown>;

    beforeAll(async () => {
      session = await launch({ profileDir, routes: { inject: ['window.__vettedInjected = document.readyState;'] } });
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
      expect(state).toMatchObject({ propsType: 'application/json', executable: 1 }); // 1: the injected script
      expect((state as { propsLength: number }).propsLength).toBeGreaterThan(1000);
      await page.close();
    });

    it('opens extension pages at the extension origin', async () => {
      const page = await session.openExtensionPage('popup.html');
      const where = await page.evaluate(() => ({ href: location.href, title: document.title }));
      expect(where).toEqual({ href: session.extensionUrl('popup.html'), title: 'Vetted' });
      await page.close();
    });

    it('runs the content script on the Upwork profile, which reports the contractor to the background', async () => {
      const page = await session.openMarketplacePage('upworkProfile');
      const view = await waitFor('the background to know the Upwork contractor', () => session.send('getContractor', { key: UPWORK_KEY }));
      expect(view.contractor).toMatchObject({ key: UPWORK_KEY, site: 'upwork' });
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
      session = await launch({ profileDir });
      const tracked = await session.send('getContractor', { key: TRACKED.key });
      expect(tracked?.contractor).toMatchObject({ status: 'shortlisted', tags: ['e2e'] });
      const upwork = await session.send('getContractor', { key: UPWORK_KEY });
      expect(upwork?.contractor.name).toMatch(/^Sergii C/);
    });
  });
}
