/**
 * Firefox ESR over WebDriver BiDi: what it can time. BiDi has no `Performance.getMetrics` and no
 * tracing, so main-thread task time and script/style/layout cannot be read here; the page's own
 * Navigation Timing can. Firefox with Vetted and Firefox without any extension take turns page by
 * page on the real Upwork capture; each page's load event end (from navigation start) is compared,
 * and the overlay's User Timing mark gives "usable after load".
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH, launchFirefox, navigateToExtensionPage, routePage, type FirefoxSession } from '../../tests/e2e/harness/firefox';
import { POPUP_SHOWN_MARK } from '../../components/shared/use-shown-mark';
import { FIXTURES, MarketRoutes } from '../../tests/e2e/harness/fixtures';
import { blankPageExtension } from './browser';
import { median, type Figure } from './stats';
import { WATCH_MS } from './interleaved';

const PROFILE = FIXTURES.upworkProfile.url;
const KEY = 'upwork:~01140923f209578a6b';

async function loadEnd(page: Page): Promise<number> {
  await page.goto(PROFILE, { waitUntil: 'load', timeout: 60_000 });
  await new Promise((r) => setTimeout(r, WATCH_MS));
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
}

async function overlayReady(page: Page): Promise<number | undefined> {
  const el = await page.$('[data-testid="vetted-overlay-frame"]');
  const frame = await el?.contentFrame();
  if (!frame) return undefined;
  const markAt = await frame
    .evaluate((key) => {
      const mark = performance.getEntriesByName(`vetted-overlay:${key}`)[0];
      return mark ? performance.timeOrigin + mark.startTime : null;
    }, KEY)
    .catch(() => null);
  const loadAt = await page.evaluate(
    () => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
  );
  return markAt === null ? undefined : markAt - loadAt;
}

export async function benchFirefox(runs: number): Promise<Figure[]> {
  const n = Math.max(8, runs);
  let vetted: FirefoxSession | undefined;
  let plain: Browser | undefined;
  const withV: number[] = [],
    without: number[] = [],
    ready: number[] = [];
  try {
    vetted = await launchFirefox();
    plain = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      defaultViewport: { width: 1280, height: 800 },
    });
    const routes = new MarketRoutes();
    const plainPage = async () => {
      const p = await plain!.newPage();
      await routePage(p, routes);
      return p;
    };
    // One unmeasured page each.
    for (const open of [() => vetted!.newPage(), plainPage]) {
      const p = await open();
      await loadEnd(p);
      await p.close();
    }
    for (let run = 0; run < n; run++) {
      const order = run % 2 === 0 ? ['vetted', 'plain'] : ['plain', 'vetted'];
      for (const v of order) {
        const p = v === 'vetted' ? await vetted.newPage() : await plainPage();
        const t = await loadEnd(p);
        if (v === 'vetted') {
          withV.push(t);
          const r = await overlayReady(p);
          if (r !== undefined) ready.push(r);
        } else without.push(t);
        await p.close();
      }
    }
  } finally {
    await vetted?.close();
    await plain?.close().catch(() => undefined);
  }
  const above = withV.map((x, i) => x - without[i]!);
  return [
    {
      group: 'firefox',
      name: 'page load (navigation start → load event end), Vetted above no extension (Upwork capture)',
      value: median(above),
      unit: 'ms',
      samples: above,
      note: `absolute: Vetted ${median(withV).toFixed(0)} ms, no extension ${median(without).toFixed(0)} ms; BiDi cannot read task time or script/style/layout (no Performance.getMetrics, no tracing)`,
    },
    { group: 'firefox', name: 'overlay usable after the load event', value: median(ready), unit: 'ms', goal: 100, samples: ready },
  ];
}

const FLOOR_UUID = '7e57ed00-7e77-4ed0-a000-00000000f100';
const FF_PROJECTS = 30;

/** ms from the page's navigation start to the User Timing mark `name` (polled until it is there). */
async function markAfterStart(page: Page, name: string): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const at = await page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name).catch(() => null);
    if (at !== null) return at;
    if (Date.now() > deadline) throw new Error(`no ${name} mark within 30 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Firefox popup: popup.html (opened as a tab: BiDi cannot open the toolbar panel) until its first
 * project card is on screen (the popup's own User Timing mark), taking turns with a blank page of a
 * second add-on in the same Firefox (its mark at the end of its body), on FF_PROJECTS active projects.
 */
export async function benchFirefoxPopup(runs: number): Promise<Figure[]> {
  const n = Math.max(8, runs);
  const popup: number[] = [],
    floor: number[] = [];
  const session = await launchFirefox({ alongside: [{ dir: blankPageExtension('firefox'), uuid: FLOOR_UUID }] });
  try {
    for (let i = 0; i < FF_PROJECTS; i++) {
      const key = `upwork:~01ffbench${String(i).padStart(6, '0')}`;
      await session.send('trackContractor', {
        profile: {
          key,
          site: 'upwork',
          siteId: key.slice(7),
          name: `Contractor ${i}`,
          profileUrl: `https://www.upwork.com/freelancers/${key.slice(7)}`,
        },
      });
      await session.send('createProject', { title: `Project ${i}`, contractorKey: key, paymentModel: 'fixed', budgetMinor: 100_000 + i });
    }
    const open = async (url: string, mark: string) => {
      const page = await session.browser.newPage();
      try {
        await navigateToExtensionPage(page, url);
        return await markAfterStart(page, mark);
      } finally {
        await page.close();
      }
    };
    const popupUrl = session.extensionUrl('popup.html');
    const floorUrl = `moz-extension://${FLOOR_UUID}/floor.html`;
    await open(popupUrl, POPUP_SHOWN_MARK);
    await open(floorUrl, 'floor:shown');
    for (let run = 0; run < n; run++) {
      if (run % 2 === 0) floor.push(await open(floorUrl, 'floor:shown'));
      popup.push(await open(popupUrl, POPUP_SHOWN_MARK));
      if (run % 2 === 1) floor.push(await open(floorUrl, 'floor:shown'));
    }
  } finally {
    await session.close();
  }
  const above = popup.map((x, i) => x - floor[i]!);
  return [
    {
      group: 'firefox',
      name: `popup: first project-card, above a blank page of a second add-on (${FF_PROJECTS} active projects)`,
      value: median(above),
      unit: 'ms',
      goal: 100,
      samples: above,
      note: `absolute from navigation start: popup ${median(popup).toFixed(0)} ms, blank add-on page ${median(floor).toFixed(0)} ms; opened as a tab (BiDi cannot open the toolbar panel); ${n} interleaved runs`,
    },
  ];
}
