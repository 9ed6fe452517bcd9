/**
 * Search-result badges, the same checks in each browser (badges.<browser>.e2e.ts), on the real
 * Fiverr search capture at its real URL: a badge for each contractor the user has worked on, none
 * for strangers, cards added later get theirs, and a change made elsewhere shows without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDER_SCRIPT, leaks, readRecorder } from './privacy.recorder';
import { screenshot, waitFor, type ExtensionSession, type MarketRoutesOptions } from './harness';
import type { Screenshottable } from './harness/screenshot';

/** What these checks use of a Playwright or a Puppeteer page (one argument to evaluate: both take it). */
export interface BadgePage {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  evaluate<R>(fn: () => R): Promise<R>;
}

export interface Browser<P extends BadgePage> {
  /** 'Chromium' or 'Firefox': in the test names and the screenshot names. */
  name: string;
  launch(options: { routes?: MarketRoutesOptions }): Promise<ExtensionSession<P, unknown>>;
  /** An element to screenshot (Playwright: a locator; Puppeteer: a handle). */
  element(page: P, selector: string): Promise<Screenshottable>;
}

// Sellers present in search-gigs_writers-block_2025-09.html (one card each).
const WORKED_ON = 'fiverr:davidsafford';
const STRANGER = 'fiverr:tarkenberg';
const LATER = 'fiverr:e2e-later-seller';

const profile = (id: string, name: string) => ({
  key: `fiverr:${id}`,
  site: 'fiverr' as const,
  siteId: id,
  name,
  profileUrl: `https://www.fiverr.com/${id}`,
});

async function badgeKeys(page: BadgePage): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="vetted-badge"]')].map((e) => e.getAttribute('data-key') ?? ''),
  );
}

export function describeBadges<P extends BadgePage>(browser: Browser<P>): void {
  describe(`search-result badges in ${browser.name}`, () => {
    let session: ExtensionSession<P, unknown>;
    let page: P;

    beforeAll(async () => {
      session = await browser.launch({ routes: { inject: [RECORDER_SCRIPT] } });
      await session.send('trackContractor', { profile: profile('davidsafford', 'David Safford') });
      await session.send('updateContractor', { key: WORKED_ON, patch: { status: 'shortlisted' } });
      await session.send('setCheck', { contractorKey: WORKED_ON, itemId: 'reviews-read', state: 'done' });
      await session.send('trackContractor', { profile: profile('e2e-later-seller', 'Later Seller') });
      await session.send('saveNote', { contractorKey: LATER, kind: 'general', body: 'Seen on page two' });
      page = await session.openMarketplacePage('fiverrSearch');
    });

    afterAll(async () => {
      await session?.close();
    });

    it('badges the card of a contractor you worked on, with their key', async () => {
      const keys = await waitFor('a badge on the worked-on card', async () => {
        const k = await badgeKeys(page);
        return k.includes(WORKED_ON) ? k : undefined;
      });
      expect(keys.filter((k) => k === WORKED_ON)).toHaveLength(1);
      // The badge sits inside that seller's card.
      const inCard = await page.evaluate((key) => {
        const card = document.querySelector(`[data-testid="vetted-badge"][data-key="${key}"]`)?.closest('[data-gig-id]');
        return !!card && [...card.querySelectorAll('a[href]')].some((a) => /^\/davidsafford(?:[/?]|$)/i.test(a.getAttribute('href') ?? ''));
      }, WORKED_ON);
      expect(inCard).toBe(true);
      // The capture's own CSS is not served (its assets are 404 here): shoot the badged card itself.
      const card = await browser.element(page, `[data-gig-id]:has([data-key="${WORKED_ON}"])`);
      await screenshot(card, `badges-fiverr-search-${browser.name.toLowerCase()}`);
    });

    it('gives strangers no badge and shows nothing readable to the page', async () => {
      const keys = await badgeKeys(page);
      expect(keys).not.toContain(STRANGER);
      expect(new Set(keys)).toEqual(new Set([WORKED_ON]));
      // Closed shadow root: the page sees an empty host.
      const view = await page.evaluate((key) => {
        const host = document.querySelector(`[data-testid="vetted-badge"][data-key="${key}"]`)!;
        return { shadowRoot: host.shadowRoot, text: host.textContent, html: host.innerHTML };
      }, WORKED_ON);
      expect(view).toEqual({ shadowRoot: null, text: '', html: '' });
      // A page script watching every mutation and shadow root learns the key, nothing more.
      const report = await page.evaluate(readRecorder);
      // It did watch: it saw the badge host arrive.
      expect(report.log.some((e) => e.kind === 'added' && e.detail.includes('vetted-badge'))).toBe(true);
      expect(leaks(report, 'Shortlisted')).toEqual([]);
      expect(leaks(report, '1/12')).toEqual([]);
      expect(report.log.filter((e) => e.kind === 'shadow' && e.detail.startsWith('open'))).toEqual([]);
    });

    it('badges cards that the page adds later (infinite scroll)', async () => {
      await page.evaluate(() => {
        const card = document.querySelector('[data-gig-id]')!;
        const clone = card.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('vetted-badge').forEach((b) => b.remove());
        clone.setAttribute('data-gig-id', '999000111');
        const seller = card.querySelector('a[href]')?.getAttribute('href')?.split('/')[1] ?? '';
        for (const a of clone.querySelectorAll('a[href]')) {
          const href = a.getAttribute('href') ?? '';
          a.setAttribute('href', href.replace(`/${seller}`, '/e2e-later-seller'));
        }
        clone.querySelectorAll('figure[title]').forEach((f) => f.setAttribute('title', 'e2e-later-seller'));
        card.parentElement!.append(clone);
      });
      await waitFor('a badge on the card added later', async () => (await badgeKeys(page)).includes(LATER));
      expect(new Set(await badgeKeys(page))).toEqual(new Set([WORKED_ON, LATER]));
    });

    it('shows a change made elsewhere without a reload, and removes the badge when there is nothing left to show', async () => {
      await session.send('updateContractor', { key: WORKED_ON, patch: { status: 'avoid' } });
      await session.send('trackContractor', { profile: profile('tarkenberg', 'Tarkenberg') });
      await session.send('updateContractor', { key: STRANGER, patch: { status: 'shortlisted' } });
      await waitFor('a badge for the contractor shortlisted elsewhere', async () => (await badgeKeys(page)).includes(STRANGER), {
        timeout: 5_000,
      });
      await session.send('updateContractor', { key: STRANGER, patch: { status: 'prospect' } });
      await waitFor('the badge to go when no data is left', async () => !(await badgeKeys(page)).includes(STRANGER), {
        timeout: 5_000,
      });
    });
  });
}
