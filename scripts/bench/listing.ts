/**
 * 100 listing cards (cloned from the real Fiverr search capture, one seller each, all known to
 * Vetted) appended at once: time until every card has its badge, and how many getBadges
 * requests the background received for them.
 */
import type { Page } from 'playwright-core';
import { FIXTURES } from '../../tests/e2e/harness/fixtures';
import { launch, send } from './browser';
import { median, type Figure } from './stats';

const CARDS = 100;

export async function benchListing(vettedDir: string, runs: number): Promise<Figure[]> {
  const b = await launch(vettedDir);
  const times: number[] = [];
  const requests: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      for (let i = 0; i < CARDS; i++) {
        const id = `bench-r${run}-s${i}`;
        await send(b, 'trackContractor', {
          profile: { key: `fiverr:${id}`, site: 'fiverr', siteId: id, name: `Seller ${i}`, profileUrl: `https://www.fiverr.com/${id}` },
        });
        await send(b, 'updateContractor', { key: `fiverr:${id}`, patch: { status: 'shortlisted' } });
      }
    }
    await b.worker!.evaluate(() => {
      const g = globalThis as unknown as {
        __benchBadgeRequests: number;
        chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } };
      };
      g.__benchBadgeRequests = 0;
      g.chrome.runtime.onMessage.addListener((m) => {
        if ((m as { type?: string } | null)?.type === 'getBadges') g.__benchBadgeRequests++;
      });
    });
    for (let run = 0; run < runs; run++) {
      const page = await b.context.newPage();
      await page.goto(FIXTURES.fiverrSearch.url, { waitUntil: 'load' });
      await page.waitForTimeout(1_500);
      await b.worker!.evaluate(() => ((globalThis as unknown as { __benchBadgeRequests: number }).__benchBadgeRequests = 0));
      const ms = await appendCards(page, (i) => `bench-r${run}-s${i}`, CARDS);
      times.push(ms);
      await page.waitForTimeout(300);
      requests.push(await b.worker!.evaluate(() => (globalThis as unknown as { __benchBadgeRequests: number }).__benchBadgeRequests));
      await page.close();
    }
  } finally {
    await b.close();
  }
  return [
    { group: 'listing', name: `${CARDS} cards appended → all badged`, value: median(times), unit: 'ms', goal: 50, samples: times },
    {
      group: 'listing',
      name: `getBadges requests for those ${CARDS} cards`,
      value: median(requests),
      unit: 'count',
      goal: 1,
      samples: requests,
    },
  ];
}

/**
 * Appends `count` clones of the capture's first card, seller `seller(i)` each; ms until every one
 * has its mark ('badged'), or until the frame after that ('shown'). 'floor': until the frame that
 * shows the cards, marks or not (run with Vetted switched off for the site, it is what the page
 * pays for the cards alone, to compare 'shown' with).
 */
export async function appendCards(
  page: Page,
  seller: (i: number) => string,
  count: number,
  mode: 'badged' | 'shown' | 'floor' = 'badged',
): Promise<number> {
  const ids = Array.from({ length: count }, (_, i) => seller(i));
  return page.evaluate(
    ({ ids, mode }) =>
      new Promise<number>((resolve, reject) => {
        const template = document.querySelector('[data-gig-id]');
        if (!template) return reject(new Error('no card in the capture'));
        const original = template.querySelector('a[href]')?.getAttribute('href')?.split('/')[1] ?? '';
        const fragment = document.createDocumentFragment();
        ids.forEach((id, i) => {
          const clone = template.cloneNode(true) as HTMLElement;
          clone.querySelectorAll('vetted-badge, [data-testid="vetted-badge"]').forEach((x) => x.remove());
          clone.setAttribute('data-gig-id', String(900000 + i));
          for (const a of clone.querySelectorAll('a[href]'))
            a.setAttribute('href', (a.getAttribute('href') ?? '').replace(`/${original}`, `/${id}`));
          clone.querySelectorAll('figure[title]').forEach((f) => f.setAttribute('title', id));
          fragment.append(clone);
        });
        const wanted = new Set(ids.map((id) => `fiverr:${id}`));
        const badged = () =>
          [...document.querySelectorAll('[data-testid="vetted-badge"]')].filter((b) => wanted.has(b.getAttribute('data-key') ?? '')).length;
        let t0 = 0;
        // The frame that shows what is in the DOM now: a task after the next animation frame.
        const framed = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const done = () => {
          if (mode === 'shown') void framed().then(() => resolve(performance.now() - t0));
          else resolve(performance.now() - t0);
        };
        if (mode === 'floor') {
          t0 = performance.now();
          template.parentElement!.append(fragment);
          return void framed().then(() => resolve(performance.now() - t0));
        }
        const observer = new MutationObserver(() => {
          if (badged() >= ids.length) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        setTimeout(() => reject(new Error(`only ${badged()} of ${ids.length} cards badged after 10 s`)), 10_000);
        t0 = performance.now();
        template.parentElement!.append(fragment);
      }),
    { ids, mode },
  );
}
