/**
 * Upwork's logged-in talent search (the two real 2022 captures, ../shared/fixtures/upwork), run the
 * same way in each browser by upwork-search.<browser>.e2e.ts: the cards (no profile links, the id
 * in data-qa-freelancer-ciphertext) get badges; clicking a card opens the profile in a slider at
 * /ab/profiles/search/details/~<id>/profile over the results, and the overlay follows it as it
 * opens, changes and closes, storing each freelancer under their own name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, OVERLAY_FRAME_SELECTOR as FRAME, screenshot, waitFor, type ExtensionSession } from './harness';
import type { Screenshottable } from './harness/screenshot';

interface AnyPage {
  evaluate(fn: (arg: string) => unknown, arg: string): Promise<unknown>;
}

export interface UpworkBrowser<P extends AnyPage> {
  name: string;
  launch(): Promise<ExtensionSession<P, unknown>>;
  element(page: P, selector: string): Promise<Screenshottable>;
}

// [ciphertext, name] of every card, in page order (what each capture shows).
const PAGE_A: [string, string][] = [
  ['~0121b1ee7c083a7762', 'Anton W.'],
  ['~01b7f3eb1cb984e0bb', 'Tetiana P.'],
  ['~01662a1914bdaeb31e', 'Misha P.'],
  ['~01db05e56623761f8c', 'Deyanira S.'],
  ['~01e4a2e500a8fd6843', 'Carolina L.'],
  ['~01af8871f720e026a9', 'Athena R.'],
  ['~018486b954bbabdd7d', 'Oksana H.'],
  ['~01632b2c0519070e35', 'Rafik I.'],
  ['~01bdd70459a737def8', 'Dakata D.'],
  ['~01b9cc26c2197037ce', 'Yevheniy Z.'],
];
const PAGE_B: [string, string][] = [
  ['~0176e4a399594467c1', 'David M.'],
  ['~0189deec22e2da3b87', 'Elizabeth C.'],
  ['~01eb532167edda5a76', 'Roberta G.'],
  ['~01ee2e37325549bc5c', 'Layna C.'],
  ['~018e5b2c0977096f58', 'Tiago L.'],
  ['~01586d9ea8d32e70a8', 'Shrouk E.'],
  ['~01fde5b03c6bf8039b', 'María Yuri Nakanouchi Q.'],
  ['~016412e90a20ca88fa', 'Erisca S.'],
  ['~0151e96c456880c192', 'Mahmoud H.'],
  ['~01ea4489dcf4906e7f', 'Dansel Jhoy S.'],
];
const SEARCH = FIXTURES.upworkSearch2022a.url;
const key = (id: string) => `upwork:${id}`;
const sliderUrl = (id: string) => `https://www.upwork.com/ab/profiles/search/details/${id}/profile`;
const profile = (id: string, name: string) => ({
  key: key(id),
  site: 'upwork' as const,
  siteId: id,
  name,
  profileUrl: `https://www.upwork.com/freelancers/${id}`,
});

/** Each badge's key and the ciphertext of the one card it sits in (null: not inside exactly one card). */
async function badgesInCards(page: AnyPage): Promise<{ key: string; card: string | null }[]> {
  return (await page.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid="vetted-badge"]')].map((b) => {
        let card: string | null = null;
        for (let n = b.parentElement; n; n = n.parentElement) {
          const ids = n.querySelectorAll('[data-qa-freelancer-ciphertext]');
          if (ids.length === 1) card = ids[0]!.getAttribute('data-qa-freelancer-ciphertext');
          if (ids.length > 0) break;
        }
        return { key: b.getAttribute('data-key') ?? '', card };
      }),
    '',
  )) as { key: string; card: string | null }[];
}

async function frameKeys(page: AnyPage): Promise<string[]> {
  return (await page.evaluate(
    (sel) => [...document.querySelectorAll<HTMLIFrameElement>(sel)].map((f) => f.dataset.key ?? ''),
    FRAME,
  )) as string[];
}

/** What Upwork does on a click: push the slider URL and render the profile over the results. */
async function openSlider(page: AnyPage, id: string, name: string): Promise<void> {
  await page.evaluate(
    (arg) => {
      const { url, name } = JSON.parse(arg) as { url: string; name: string };
      document.querySelector('.up-slider')?.remove();
      history.pushState({}, '', url);
      setTimeout(() => {
        const slider = document.createElement('div');
        slider.className = 'up-slider';
        slider.setAttribute('role', 'dialog');
        slider.setAttribute('aria-modal', 'true');
        const content = document.createElement('div');
        content.className = 'up-slider-content';
        const h1 = document.createElement('h1');
        h1.textContent = name;
        content.append(h1);
        slider.append(content);
        document.body.append(slider);
      }, 50);
    },
    JSON.stringify({ url: sliderUrl(id), name }),
  );
}

export function describeUpworkSearch<P extends AnyPage>(browser: UpworkBrowser<P>): void {
  describe(`Upwork talent search (2022 captures) in ${browser.name}`, () => {
    let session: ExtensionSession<P, unknown>;
    let page: P;

    beforeAll(async () => {
      session = await browser.launch();
      // Badges show for contractors with something to say: shortlist them all.
      for (const [id, name] of [...PAGE_A, ...PAGE_B]) {
        await session.send('trackContractor', { profile: profile(id, name) });
        await session.send('updateContractor', { key: key(id), patch: { status: 'shortlisted' } });
      }
      // What the old reader stored: Carolina L. under the first card's name.
      await session.send('trackContractor', { profile: profile(PAGE_A[4]![0], 'Anton W.') });
      session.routes.serve(SEARCH, { fixture: 'upworkSearch2022a' });
      page = await session.openMarketplacePage(SEARCH);
    }, 120_000);

    afterAll(async () => {
      await session?.close();
    });

    it('badges every card of the first capture inside its own card, with its key', async () => {
      const badges = await waitFor(
        'badges on the cards',
        async () => {
          const b = await badgesInCards(page);
          return b.length >= PAGE_A.length ? b : undefined;
        },
        { timeout: 30_000 },
      );
      const right = PAGE_A.filter(([id]) => badges.some((b) => b.key === key(id) && b.card === id));
      expect(right.length).toBeGreaterThanOrEqual(9);
      expect(badges.every((b) => b.card !== null && b.key === key(b.card))).toBe(true);
      expect(await frameKeys(page)).toEqual([]); // a list: no overlay
      const card = await browser.element(page, `.up-card-section:has([data-qa-freelancer-ciphertext="${PAGE_A[0]![0]}"])`);
      await screenshot(card, `badges-upwork-search-2022-${browser.name.toLowerCase()}`);
    });

    it('the overlay follows the slider as it opens and stores the freelancer under their own name', async () => {
      const [id, name] = PAGE_A[4]!;
      await openSlider(page, id, name);
      await waitFor('the overlay for the slider', async () => (await frameKeys(page)).join() === key(id), { timeout: 10_000 });
      await waitFor('the name repaired', async () => (await session.send('getContractor', { key: key(id) }))?.contractor.name === name, {
        timeout: 10_000,
      });
      // The first card's freelancer keeps their own name.
      expect((await session.send('getContractor', { key: key(PAGE_A[0]![0]) }))?.contractor.name).toBe('Anton W.');
    });

    it('follows the slider to another freelancer, with one frame', async () => {
      const [id, name] = PAGE_A[7]!;
      await openSlider(page, id, name);
      await waitFor('the overlay for the second slider', async () => (await frameKeys(page)).join() === key(id), { timeout: 10_000 });
      expect((await session.send('getContractor', { key: key(id) }))?.contractor.name).toBe(name);
    });

    it('closing the slider goes back to the list with no frame left and the badges in place', async () => {
      await page.evaluate((url) => {
        document.querySelector('.up-slider')?.remove();
        history.pushState({}, '', url);
      }, SEARCH);
      await waitFor('no frame after closing', async () => (await frameKeys(page)).length === 0, { timeout: 10_000 });
      const badges = await waitFor(
        'badges back on the list',
        async () => {
          const b = await badgesInCards(page);
          return b.length >= 9 ? b : undefined;
        },
        { timeout: 10_000 },
      );
      expect(badges.every((b) => b.card !== null && b.key === key(b.card))).toBe(true);
      // Nothing of Vetted's is left framed in the page (the capture has iframes of its own).
      const ours = await page.evaluate(
        (origin) => [...document.querySelectorAll('iframe')].filter((f) => f.src.startsWith(origin)).length,
        session.extensionOrigin,
      );
      expect(ours).toBe(0);
    });

    it('badges every card of the second capture', async () => {
      session.routes.serve(SEARCH, { fixture: 'upworkSearch2022b' });
      const second = await session.openMarketplacePage(SEARCH);
      const badges = await waitFor(
        'badges on the second capture',
        async () => {
          const b = await badgesInCards(second);
          return b.length >= PAGE_B.length ? b : undefined;
        },
        { timeout: 30_000 },
      );
      const right = PAGE_B.filter(([id]) => badges.some((b) => b.key === key(id) && b.card === id));
      expect(right.length).toBeGreaterThanOrEqual(9);
    });
  });
}
