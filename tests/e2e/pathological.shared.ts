/**
 * Issue 12, attack 13, the same in each browser (pathological.<browser>.e2e.ts): pathological pages.
 * 1. Huge state: the real Upwork profile capture carrying ~16 MB more embedded state (Nuxt's
 *    `window.__NUXT__`, the script Vetted's Upwork reader reads), changing its body every 50 ms.
 * 2. Card flood: the real 2022 Upwork talent search with 10,000 more cards cloned in, and a new
 *    card every 50 ms.
 * Before 676b251 every change re-read (and re-parsed) the whole page: 6–11 s of 10 s blocked.
 * Until f065db4 each new card still cost a full reading of the 10,000 (2–6 s, spaced out so the
 * page kept its thread): the flood's marks came 55 s late in Chromium, not within 60 s in Firefox.
 * Now only the added card is read and its mark placed after the browser's own layout.
 *
 * "Responsive" is measured side by side in the same run, never against a fixed number: the same
 * page script (same flood, same 10 s window) runs with Vetted switched off for Upwork and on, in
 * turns, and measures inside the page how much main-thread time it lost (a 10 ms
 * heartbeat's summed lateness; Chromium's long tasks are printed beside it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, OVERLAY_FRAME_SELECTOR as FRAME, readCapture, waitFor, type ExtensionSession } from './harness';

/** What these checks use of a Playwright or a Puppeteer page (one argument to evaluate: both take it). */
export interface PathologicalPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
}

/** …and of the overlay's frame. */
export interface PathologicalFrame {
  /** One string argument (a selector): what both drivers pass through unchanged. */
  evaluate<R>(fn: (arg: string) => R | Promise<R>, arg: string): Promise<R>;
  click(selector: string): Promise<void>;
}

export interface PathologicalBrowser<P extends PathologicalPage, F extends PathologicalFrame> {
  /** 'Chromium' or 'Firefox': in the test names and the printed figures. */
  name: string;
  launch(): Promise<ExtensionSession<P, F>>;
}

/** The measuring window and the page's pace (the attack's own figures). */
const WINDOW_MS = 10_000;
const EVERY_MS = 50;
/**
 * One window off, then one on, per test (off, on, off, on over the file): two tests of 2 × 10 s
 * keep the file near a minute and a half with the launch, the 16 MB page and the 10,000 cards.
 */
const TURNS = ['off', 'on'] as const;
/**
 * What a 10 s window with Vetted on may lose more than the same window off, from the figures of
 * this 2-CPU machine while other sessions ran tests (load 5–12; see the commit message):
 * - huge state, summed heartbeat lateness: fixed code −0.2…+0.6 s, old code +3.8 s (its re-reads
 *   of the 16 MB script are 50–250 ms tasks). 2 s.
 * - card flood, lateness beyond 50 ms per delay (as Total Blocking Time counts long tasks; the
 *   page's own 780,000 elements already cost it 7–8 s of plain lateness per window off, so that
 *   figure has no room left to show Vetted): fixed code +3.2 s, old code +15.9 s (one 9.8 s read;
 *   the issue measured 6–11 s). 5 s.
 *   With reads of added nodes (f065db4), idle machine: Chromium +2.1 s, Firefox +1.3 s.
 */
const BUDGET = {
  mutate: { metric: 'lostMs', extraMs: 2_000 },
  cards: { metric: 'blockedMs', extraMs: 5_000 },
} as const;

const PROFILE_KEY = 'upwork:~01140923f209578a6b';
const PROFILE_NAME = 'Sergii C.';
const SEARCH = FIXTURES.upworkSearch2022a.url;
const EXTRA_CARDS = 10_000;

/** What one measuring window saw inside the page. */
interface WindowFigures {
  /** Summed lateness of a 10 ms heartbeat: main-thread time the page could not have. */
  lostMs: number;
  /** The same beyond 50 ms per delay (as Total Blocking Time counts long tasks): what a user feels. */
  blockedMs: number;
  /** The worst single delay of the heartbeat. */
  worstMs: number;
  /** Sum of long tasks (Chromium; null where the entry type is unsupported). */
  longTaskMs: number | null;
  /** Ciphertexts of the cards appended during the window (card flood). */
  added: string[];
}

interface FloodArgs {
  kind: 'cards' | 'mutate';
  windowMs: number;
  everyMs: number;
  /** Makes each window's new card ids unique. */
  turn: number;
}

/**
 * Runs inside the page (serialised: nothing from outside): the page's own flood for one window,
 * with the heartbeat that measures what the page lost meanwhile.
 */
export function floodWindow(args: FloodArgs): Promise<WindowFigures> {
  return new Promise((resolve) => {
    const BEAT = 10;
    let lost = 0;
    let blocked = 0;
    let worst = 0;
    let last = performance.now();
    let longTaskMs: number | null = null;
    let observer: PerformanceObserver | undefined;
    const addLongTasks = (entries: PerformanceEntryList) => {
      for (const e of entries) longTaskMs = (longTaskMs ?? 0) + e.duration;
    };
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      longTaskMs = 0;
      observer = new PerformanceObserver((list) => addLongTasks(list.getEntries()));
      observer.observe({ type: 'longtask' });
    }
    const heartbeat = setInterval(() => {
      const now = performance.now();
      const late = now - last - BEAT;
      if (late > 0) {
        lost += late;
        blocked += Math.max(0, late - 50);
        worst = Math.max(worst, late);
      }
      last = now;
    }, BEAT);
    const added: string[] = [];
    const ticker = document.createElement('section');
    ticker.id = 'e2e-ticker';
    const counter = document.createTextNode('0');
    ticker.append(counter);
    if (args.kind === 'mutate') document.body.append(ticker);
    let n = 0;
    const flood = setInterval(() => {
      n++;
      if (args.kind === 'cards') {
        const id = `~01bb${args.turn.toString(16).padStart(2, '0')}${n.toString(16).padStart(12, '0')}`;
        (window as unknown as { e2eAddCard(id: string): void }).e2eAddCard(id);
        added.push(id);
      } else {
        // A live page: a text change and a new element (what a feed, a timer or a chat does).
        counter.data = String(n);
        const item = document.createElement('p');
        item.textContent = `Update ${n}`;
        ticker.replaceChildren(counter, item);
      }
    }, args.everyMs);
    setTimeout(() => {
      clearInterval(flood);
      clearInterval(heartbeat);
      if (observer) {
        addLongTasks(observer.takeRecords());
        observer.disconnect();
      }
      ticker.remove();
      resolve({
        lostMs: Math.round(lost),
        blockedMs: Math.round(blocked),
        worstMs: Math.round(worst),
        longTaskMs: longTaskMs === null ? null : Math.round(longTaskMs),
        added,
      });
    }, args.windowMs);
  });
}

/**
 * Runs inside the search page: `count` clones of its first card, each with its own ciphertext
 * (`~01aa…`), after the last card; `window.e2eAddCard(id)` appends one more (the flood's).
 */
export function cloneCards(count: number): { cards: number; elementsPerCard: number } {
  const carrier = document.querySelector('[data-qa-freelancer-ciphertext]')!;
  const original = carrier.getAttribute('data-qa-freelancer-ciphertext')!;
  const template = carrier.closest('.up-card-section')!.cloneNode(true) as HTMLElement;
  template.querySelectorAll('[data-testid="vetted-badge"]').forEach((b) => b.remove());
  // Where the original's id appears in the card (element index, attribute): set the clone's there.
  const all = [template, ...template.querySelectorAll('*')];
  const spots: [number, string][] = [];
  all.forEach((el, i) => {
    for (const a of el.attributes) if (a.value.includes(original)) spots.push([i, a.name]);
  });
  const make = (id: string) => {
    const card = template.cloneNode(true) as Element;
    const els = [card, ...card.querySelectorAll('*')];
    for (const [i, name] of spots) els[i]!.setAttribute(name, els[i]!.getAttribute(name)!.replace(original, id));
    return card;
  };
  // The 10,000 sit in the DOM but are not rendered (the pages scrolled past, kept hidden, as a long
  // list may): rendered without the capture's stylesheets (not served), each takes Chromium ~2.5 ms
  // to lay out and every new card re-lays the list out, 0.4 s a card at 10,000, with or without
  // Vetted, and the windows would measure only that. The flood's new cards are rendered, below the
  // fold (content-visibility: auto, as a long list does), after the capture's own 10.
  const bulk = document.createElement('div');
  bulk.hidden = true;
  for (let i = 0; i < count; i++) bulk.append(make(`~01aa${i.toString(16).padStart(14, '0')}`));
  let tail: Element = bulk;
  [...document.querySelectorAll('[data-qa-freelancer-ciphertext]')].at(-1)!.closest('.up-card-section')!.after(bulk);
  const added = new Map<string, Element>();
  (window as unknown as { e2eAdded: Map<string, Element> }).e2eAdded = added;
  (window as unknown as { e2eAddCard(id: string): void }).e2eAddCard = (id) => {
    const card = make(id) as HTMLElement;
    added.set(id, card);
    card.style.cssText += ';content-visibility:auto;contain-intrinsic-size:auto 240px';
    tail.after(card);
    tail = card;
  };
  return { cards: document.querySelectorAll('[data-qa-freelancer-ciphertext]').length, elementsPerCard: all.length };
}

/**
 * The profile capture with ~16 MB more state in its `window.__NUXT__` script, the way a big Nuxt
 * state grows: ~12 MB of records at the top of the state function's body and ~4 MB of extra
 * literal arguments. The script is served as a data script (the harness drops the capture's
 * executable ones: they would call the real site), so Vetted reads the same text it reads there.
 */
function hugeStateProfile(): { html: string; addedChars: number } {
  const html = readCapture(FIXTURES.upworkProfile.file);
  const open = '<script>window.__NUXT__=(function(';
  const at = html.indexOf(open);
  if (at < 0) throw new Error('The Upwork profile capture no longer has its window.__NUXT__ script');
  const body = html.indexOf('){', at) + 2;
  const end = html.indexOf('</script>', at);
  const call = html.lastIndexOf('));', end);
  const records: string[] = [];
  let size = 0;
  for (let i = 0; size < 12_000_000; i++) {
    const r = `{uid:"${1e18 + i}",title:"Feed item ${i}",description:"${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8)}",rank:${i},ts:${1.7e12 + i}}`;
    records.push(r);
    size += r.length + 1;
  }
  const state = `var e2eFeed=[${records.join(',')}];`;
  const args: string[] = [];
  for (let i = 0; i < 4_000; i++) args.push(`"${`arg ${i} `.padEnd(1_000, 'x')}"`);
  const extraArgs = `,${args.join(',')}`;
  const page =
    html.slice(0, at) +
    '<script type="application/json">' +
    html.slice(at + '<script>'.length, body) +
    state +
    html.slice(body, call) +
    extraArgs +
    html.slice(call);
  return { html: page, addedChars: state.length + extraArgs.length };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / Math.max(1, xs.length);

export function describePathological<P extends PathologicalPage, F extends PathologicalFrame>(browser: PathologicalBrowser<P, F>): void {
  describe(`pathological pages in ${browser.name} (issue 12, attack 13)`, () => {
    let session: ExtensionSession<P, F>;

    const setUpwork = async (on: boolean) => {
      const { sites } = await session.send('getSettings', {});
      await session.send('updateSettings', { patch: { sites: { ...sites, upwork: on } } });
    };

    /** off/on turns of the same window; `ready` waits for the state the turn needs before its window. */
    const measure = async (
      what: string,
      page: P,
      kind: FloodArgs['kind'],
      ready: (on: boolean) => Promise<void>,
      afterOn?: (figures: WindowFigures) => Promise<void>,
    ) => {
      const figures: { turn: (typeof TURNS)[number]; f: WindowFigures }[] = [];
      for (const [i, turn] of TURNS.entries()) {
        await setUpwork(turn === 'on');
        await ready(turn === 'on');
        const f = await page.evaluate(floodWindow, { kind, windowMs: WINDOW_MS, everyMs: EVERY_MS, turn: i });
        figures.push({ turn, f });
        console.log(
          `[attack 13] ${browser.name} ${what} turn ${i + 1} Vetted ${turn}: ${f.lostMs} ms lost of ${WINDOW_MS}, ${f.blockedMs} ms blocked (worst ${f.worstMs} ms` +
            `${f.longTaskMs === null ? '' : `, long tasks ${f.longTaskMs} ms`})`,
        );
        if (turn === 'on' && afterOn) await afterOn(f);
      }
      const { metric, extraMs } = BUDGET[kind];
      const off = mean(figures.filter((x) => x.turn === 'off').map((x) => x.f[metric]));
      const on = figures.filter((x) => x.turn === 'on').map((x) => x.f[metric]);
      console.log(
        `[attack 13] ${browser.name} ${what}, ${metric}: off ${Math.round(off)} ms (mean), on ${on.join(' / ')} ms; allowed on ≤ off + ${extraMs} ms`,
      );
      for (const o of on)
        expect(o, `${what}: ${metric} per ${WINDOW_MS} ms with Vetted on, vs ${Math.round(off)} off`).toBeLessThanOrEqual(off + extraMs);
    };

    beforeAll(async () => {
      session = await browser.launch();
      await session.send('updateSettings', { patch: { overlayOpen: false } });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('a profile with ~16 MB of state that changes every 50 ms: the overlay shows the right contractor, the page stays responsive', async () => {
      const { html, addedChars } = hugeStateProfile();
      expect(addedChars).toBeGreaterThan(15_000_000);
      session.routes.serve(FIXTURES.upworkProfile.url, { html });
      await setUpwork(false);
      const page = await session.openMarketplacePage('upworkProfile');
      const stateChars = await page.evaluate(
        () => [...document.scripts].find((s) => s.textContent?.startsWith('window.__NUXT__'))?.textContent?.length ?? 0,
      );
      expect(stateChars).toBeGreaterThan(addedChars);
      const frameKeys = () =>
        page.evaluate((sel) => [...document.querySelectorAll<HTMLIFrameElement>(sel)].map((f) => f.dataset.key ?? ''), FRAME);
      await measure('huge state', page, 'mutate', async (on) => {
        if (on) await waitFor('the overlay frame for the profile', async () => (await frameKeys()).join() === PROFILE_KEY);
        else await waitFor('no overlay frame while Upwork is off', async () => (await frameKeys()).length === 0);
      });
      // The overlay works, for the right contractor, on the page as it is now.
      expect(await frameKeys()).toEqual([PROFILE_KEY]);
      const frame = await session.overlayFrame(page);
      await frame.click('[data-testid="overlay-toggle"]');
      const heading = await waitFor('the contractor’s name in the open overlay', () =>
        frame.evaluate((sel) => document.querySelector(sel)?.textContent?.trim() || undefined, 'h1'),
      );
      expect(heading).toBe(PROFILE_NAME);
      expect((await session.send('getContractor', { key: PROFILE_KEY }))?.contractor.name).toBe(PROFILE_NAME);
    });

    it('10,000 cards and a new one every 50 ms: the new cards get their marks, the page stays responsive', async () => {
      session.routes.serve(SEARCH, { fixture: 'upworkSearch2022a' });
      await setUpwork(false);
      const page = await session.openMarketplacePage(SEARCH);
      const { cards } = await page.evaluate(cloneCards, EXTRA_CARDS);
      expect(cards).toBeGreaterThanOrEqual(EXTRA_CARDS + 10);
      const counts = () =>
        page.evaluate(() => ({
          cards: document.querySelectorAll('[data-qa-freelancer-ciphertext]').length,
          badges: document.querySelectorAll('[data-testid="vetted-badge"]').length,
        }));
      // Looked up in the cards themselves: a query over the page's 780,000 elements every poll
      // would cost the page more than Vetted does.
      const unbadged = (ids: string[]) =>
        page.evaluate((list) => {
          const added = (window as unknown as { e2eAdded: Map<string, Element> }).e2eAdded;
          return list.filter((id) => !added.get(id)?.querySelector(`[data-testid="vetted-badge"][data-key="upwork:${id}"]`));
        }, ids);
      await measure(
        'card flood',
        page,
        'cards',
        async (on) => {
          if (on)
            await waitFor(
              'a mark on every card',
              async () => {
                const c = await counts();
                return c.badges >= c.cards;
              },
              { timeout: 60_000, interval: 1_000 },
            );
          else await waitFor('no marks while Upwork is off', async () => (await counts()).badges === 0, { interval: 1_000 });
        },
        async ({ added }) => {
          // The flood ran (its pace is the page's: the old code let 3 of 200 through).
          expect(added.length).toBeGreaterThanOrEqual(10);
          const missing = await unbadged(added);
          console.log(
            `[attack 13] ${browser.name} card flood: ${added.length - missing.length} of ${added.length} new cards marked by the window's end`,
          );
          // Every card the page added during the window gets its mark: the last ones within one read
          // of what was added (tens of ms; the wait allows for a loaded machine, not for a full re-read).
          const ended = Date.now();
          await waitFor('a mark on every card added during the window', async () => (await unbadged(added)).length === 0, {
            timeout: 10_000,
          });
          console.log(`[attack 13] ${browser.name} card flood: all ${added.length} marked ${Date.now() - ended} ms after the window`);
        },
      );
    }, 240_000);
  });
}
