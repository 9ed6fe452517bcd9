/**
 * Firefox ESR over WebDriver BiDi: what it can time. BiDi has no `Performance.getMetrics` and no
 * tracing, so main-thread task time and script/style/layout cannot be read here; the page's own
 * Navigation Timing can. Firefox with Vetted and Firefox without any extension take turns page by
 * page on the real Upwork capture; each page's load event end (from navigation start) is compared,
 * and the overlay's User Timing mark gives "usable after load".
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH, launchFirefox, routePage, type FirefoxSession } from '../../tests/e2e/harness/firefox';
import { FIXTURES, MarketRoutes } from '../../tests/e2e/harness/fixtures';
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
