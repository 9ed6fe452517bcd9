/**
 * Toptal, Contra and Malt (issue 13): on each site's profile URL, its own content script runs (the
 * manifest matches only that site's domains) and mounts the overlay for the contractor of the
 * URL; turning the site's switch off in settings removes it. The pages are the reconstructed
 * ones in tests/fixtures/reconstructed (no capture of these sites exists), served at real URLs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_FRAME_SELECTOR as FRAME, REPO_ROOT, waitFor, type ExtensionSession } from './harness';

interface AnyPage {
  evaluate(fn: (arg: string) => unknown, arg: string): Promise<unknown>;
}

const PAGES = [
  ['toptal', 'https://www.toptal.com/resume/ana-kowalska', 'toptal-resume.html', 'toptal:ana-kowalska', 'Ana Kowalska'],
  ['contra', 'https://contra.com/jane_doe', 'contra-profile.html', 'contra:jane_doe', 'Jane Doe'],
  ['malt', 'https://www.malt.fr/profile/camillemartin', 'malt-profile.html', 'malt:camillemartin', 'Camille Martin'],
] as const;

async function frameKeys(page: AnyPage): Promise<string[]> {
  return (await page.evaluate(
    (sel) => [...document.querySelectorAll<HTMLIFrameElement>(sel)].map((f) => f.dataset.key ?? ''),
    FRAME,
  )) as string[];
}

export function describeNewSites<P extends AnyPage>(browser: string, launch: () => Promise<ExtensionSession<P, unknown>>): void {
  describe(`Toptal, Contra and Malt in ${browser}`, () => {
    let session: ExtensionSession<P, unknown>;

    beforeAll(async () => {
      session = await launch();
      for (const [, url, file] of PAGES)
        session.routes.serve(url, { html: readFileSync(path.join(REPO_ROOT, 'tests/fixtures/reconstructed', file), 'utf8') });
    }, 120_000);

    afterAll(async () => {
      await session?.close();
    });

    it.each(PAGES)(
      '%s: the overlay shows on a profile and the contractor is stored under their name',
      async (_site, url, _file, key, name) => {
        const page = await session.openMarketplacePage(url);
        await waitFor(`the overlay on ${url}`, async () => (await frameKeys(page)).join() === key, { timeout: 30_000 });
        const view = await waitFor(`${key} stored`, () => session.send('getContractor', { key }), { timeout: 10_000 });
        expect(view.contractor.name).toBe(name);
      },
    );

    it('a site switched off shows nothing and stores nothing; switched back on, the open page gets its overlay', async () => {
      const url = 'https://www.malt.fr/profile/paulinedurand';
      session.routes.serve(url, { html: readFileSync(path.join(REPO_ROOT, 'tests/fixtures/reconstructed/malt-profile.html'), 'utf8') });
      const { sites } = await session.send('getSettings', {});
      await session.send('updateSettings', { patch: { sites: { ...sites, malt: false } } });
      expect((await session.send('getSiteSwitches', {})).malt).toBe(false);
      const page = await session.openMarketplacePage(url);
      await waitFor('the page to load', async () => (await page.evaluate(() => document.readyState, '')) === 'complete');
      expect(await frameKeys(page)).toEqual([]);
      expect(await session.send('getContractor', { key: 'malt:paulinedurand' })).toBeNull();
      // The script was there all along, waiting for the switch: turning it on shows the overlay without a reload.
      await session.send('updateSettings', { patch: { sites: { ...sites, malt: true } } });
      await waitFor('the overlay once Malt is on again', async () => (await frameKeys(page)).join() === 'malt:paulinedurand', {
        timeout: 10_000,
      });
      // That page's canonical names Camille Martin, not this URL's freelancer: only the key is stored.
      const view = await waitFor('the contractor stored', () => session.send('getContractor', { key: 'malt:paulinedurand' }), {
        timeout: 10_000,
      });
      expect(view.contractor.name).toBe('paulinedurand');
    });
  });
}
