/**
 * Client-side navigation on the real Upwork capture, run the same way in each browser by
 * navigation.<browser>.e2e.ts. Moving to another profile with history.pushState (the way Upwork's
 * SPA does) changes only the frame's hash — no reload — whether the site renders the new page a
 * little later or in the same task as pushState; the background learns the new contractor from
 * the new page, not the old one; a page that re-renders its whole body, or throws the frame out,
 * gets it back; a listing removes the frame and going back brings it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, OVERLAY_FRAME_SELECTOR as FRAME, readCapture, stripPageScripts, waitFor, type ExtensionSession } from './harness';

/** What these checks use of a Playwright or a Puppeteer page / frame. */
interface AnyPage {
  /** One string argument: what both drivers pass the same way. */
  evaluate(fn: (arg: string) => unknown, arg: string): Promise<unknown>;
  reload(options: { waitUntil: 'load' }): Promise<unknown>;
}
interface AnyFrame {
  evaluate<R>(fn: () => R): Promise<unknown>;
}

type Launch = () => Promise<ExtensionSession<AnyPage, AnyFrame>>;

const FIRST_KEY = 'upwork:~01140923f209578a6b';
const SECOND_ID = '~01c0ffee0000e2e0ab';
const THIRD_ID = '~01c0ffee0000e2e0cd';
const profileUrl = (id: string) => `https://www.upwork.com/freelancers/${id}`;
const keyOf = (id: string) => `upwork:${id}`;
const LISTING_URL = 'https://www.upwork.com/nx/search/talent/?q=klaviyo';
const LISTING_HTML = '<html><head><title>Search</title></head><body><main>Results</main></body></html>';

/** The Upwork capture rewritten as another freelancer's profile. */
function profileHtml(id: string, name: string): string {
  const [first] = name.split(' ');
  return stripPageScripts(readCapture(FIXTURES.upworkProfile.file))
    .replaceAll('01140923f209578a6b', id.slice(1))
    .replaceAll('Sergii C.', name)
    .replaceAll('Sergii', first!);
}

/** The key the overlay frame was bound to show (its `data-key`; issue 12: no key in its URL), or null without a frame. */
async function frameKey(page: AnyPage): Promise<string | null> {
  return (await page.evaluate((sel) => document.querySelector<HTMLIFrameElement>(sel)?.dataset.key ?? null, FRAME)) as string | null;
}

/** Waits until the frame shows `key`; a timeout says where the page and the frame were. */
async function waitForFrameKey(page: AnyPage, key: string, what: string, timeout = 5_000): Promise<void> {
  try {
    await waitFor(what, async () => (await frameKey(page)) === key, { timeout });
  } catch (err) {
    const where = await page
      .evaluate(
        (sel) =>
          JSON.stringify({ url: location.href, frames: [...document.querySelectorAll<HTMLIFrameElement>(sel)].map((f) => f.dataset.key) }),
        FRAME,
      )
      .catch(() => 'unknown');
    throw new Error(`${err instanceof Error ? err.message : String(err)}; page: ${String(where)}`);
  }
}

/**
 * history.back() / forward(), waiting until the page is at `url`: a traversal started before the
 * previous one committed may be dropped by the browser.
 */
async function traverse(page: AnyPage, direction: 'back' | 'forward', url: string): Promise<void> {
  await page.evaluate((d) => (d === 'back' ? history.back() : history.forward()), direction);
  await waitFor(`history.${direction}() to reach ${url}`, async () => (await page.evaluate(() => location.href, '')) === url, {
    timeout: 5_000,
  });
}

async function frameCount(page: AnyPage): Promise<number> {
  return (await page.evaluate((sel) => document.querySelectorAll(sel).length, FRAME)) as number;
}

/**
 * What an SPA does: push the URL, then render the new page into the same document — `later`
 * (a task after pushState, as most do) or in the `same-task` as pushState. Like a real SPA it
 * renders into its own content and leaves what extensions added.
 */
async function spaNavigate(page: AnyPage, url: string, html: string, when: 'later' | 'same-task'): Promise<void> {
  await page.evaluate((arg) => {
    const { url, html, when } = JSON.parse(arg) as { url: string; html: string; when: string };
    const next = new DOMParser().parseFromString(html, 'text/html');
    const nodes = [...next.body.childNodes].map((n) => document.importNode(n, true));
    const render = () => {
      document.title = next.title;
      document.head.replaceChildren(...[...next.head.childNodes].map((n) => document.importNode(n, true)));
      for (const child of [...document.body.children]) if (!child.querySelector('iframe')) child.remove();
      document.body.prepend(...nodes);
    };
    history.pushState({}, '', url);
    if (when === 'same-task') render();
    else setTimeout(render, 50);
  }, JSON.stringify({ url, html, when }));
}

export function describeNavigation(browser: string, launch: Launch): void {
  describe(`client-side navigation in ${browser}`, () => {
    let session: ExtensionSession<AnyPage, AnyFrame>;
    let page: AnyPage;

    beforeAll(async () => {
      session = await launch();
      session.routes.serve(profileUrl(SECOND_ID), { html: profileHtml(SECOND_ID, 'Petra K.') });
      session.routes.serve(profileUrl(THIRD_ID), { html: profileHtml(THIRD_ID, 'Quentin L.') });
      page = await session.openMarketplacePage('upworkProfile');
    });

    afterAll(async () => {
      await session?.close();
    });

    it('shows the overlay for the first profile', async () => {
      await waitForFrameKey(page, FIRST_KEY, 'the overlay frame', 30_000);
      await waitFor(
        'the background to know the first contractor',
        async () => (await session.send('getContractor', { key: FIRST_KEY }))?.contractor.name === 'Sergii C.',
      );
    });

    it('follows pushState to another profile by changing only the hash (no reload)', async () => {
      const frame = await session.overlayFrame(page);
      await frame.evaluate(() => ((window as unknown as { __sameDocument: number }).__sameDocument = 42));

      await spaNavigate(page, profileUrl(SECOND_ID), profileHtml(SECOND_ID, 'Petra K.'), 'later');
      await waitForFrameKey(page, keyOf(SECOND_ID), 'the frame to show the second contractor');

      const after = await session.overlayFrame(page);
      expect(await after.evaluate(() => (window as unknown as { __sameDocument?: number }).__sameDocument)).toBe(42);
      expect(await frameCount(page)).toBe(1);
    });

    it('reports the new contractor as the new page shows them, not with the old page’s name', async () => {
      const view = await waitFor('the background to know the second contractor', () =>
        session.send('getContractor', { key: keyOf(SECOND_ID) }),
      );
      expect(view.contractor.name).toBe('Petra K.');
      const first = await session.send('getContractor', { key: FIRST_KEY });
      expect(first?.contractor.name).toBe('Sergii C.');
    });

    it('follows a page that renders the new profile in the same task as pushState', async () => {
      await spaNavigate(page, profileUrl(THIRD_ID), profileHtml(THIRD_ID, 'Quentin L.'), 'same-task');
      await waitForFrameKey(page, keyOf(THIRD_ID), 'the frame to show the third contractor');
      const view = await waitFor(
        'the background to know the third contractor',
        () => session.send('getContractor', { key: keyOf(THIRD_ID) }),
        { timeout: 5_000 },
      );
      expect(view.contractor.name).toBe('Quentin L.');
      // Still there well after the page's render settled (the bench once saw it vanish here).
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await frameKey(page)).toBe(keyOf(THIRD_ID));
      expect(await frameCount(page)).toBe(1);
      const frame = await session.overlayFrame(page);
      // The overlay's User Timing mark: the third contractor's data is on screen.
      await waitFor('the overlay to show the third contractor', () =>
        frame.evaluate(() => performance.getEntriesByName('vetted-overlay:upwork:~01c0ffee0000e2e0cd').length > 0),
      );
      // The second contractor's record kept its own name.
      expect((await session.send('getContractor', { key: keyOf(SECOND_ID) }))?.contractor.name).toBe('Petra K.');
    });

    it('keeps the frame when the page re-renders its whole body without a URL change', async () => {
      await page.evaluate(
        (html) => {
          document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
        },
        profileHtml(THIRD_ID, 'Quentin L.'),
      );
      await new Promise((r) => setTimeout(r, 800));
      expect(await frameKey(page)).toBe(keyOf(THIRD_ID));
      expect(await frameCount(page)).toBe(1);
    });

    it('puts the frame back when the page throws it out', async () => {
      const left = await page.evaluate((sel) => {
        document.querySelector(sel)?.parentElement?.remove();
        return document.querySelectorAll(sel).length;
      }, FRAME);
      expect(left).toBe(0);
      await waitForFrameKey(page, keyOf(THIRD_ID), 'the frame to come back');
      expect(await frameCount(page)).toBe(1);
    });

    it('removes the frame on a listing and brings it back on the way back', async () => {
      await spaNavigate(page, LISTING_URL, LISTING_HTML, 'later');
      await waitFor('the frame to go on the listing', async () => (await frameCount(page)) === 0, { timeout: 5_000 });
      await traverse(page, 'back', profileUrl(THIRD_ID));
      await waitForFrameKey(page, keyOf(THIRD_ID), 'the frame to come back');
      expect(await frameCount(page)).toBe(1);
    });

    it('shows the right contractor after a reload of the third profile', async () => {
      await page.reload({ waitUntil: 'load' });
      await waitForFrameKey(page, keyOf(THIRD_ID), 'the frame after reload', 30_000);
    });
  });
}
