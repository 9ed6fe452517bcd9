/**
 * Client-side navigation from one Upwork profile to another (history.pushState, then the SPA
 * renders the new profile): time until the overlay frame shows the new contractor.
 */
import { FIXTURES, readCapture, stripPageScripts } from '../../tests/e2e/harness/fixtures';
import { launch, send } from './browser';
import { median, type Figure } from './stats';

function profileHtml(id: string, name: string): string {
  return stripPageScripts(readCapture(FIXTURES.upworkProfile.file)).replaceAll('01140923f209578a6b', id.slice(1)).replaceAll('Sergii C.', name);
}

export async function benchNavigation(vettedDir: string, runs: number): Promise<Figure[]> {
  const b = await launch(vettedDir);
  const known: number[] = [];
  const firstVisit: number[] = [];
  try {
    for (let run = 0; run < runs * 2; run++) {
      const id = `~01bench${String(run).padStart(4, '0')}aa`;
      const url = `https://www.upwork.com/freelancers/${id}`;
      const isKnown = run % 2 === 0;
      b.routes.serve(url, { html: profileHtml(id, `Bench ${run}`) });
      if (isKnown) {
        await send(b, 'trackContractor', {
          profile: { key: `upwork:${id}`, site: 'upwork', siteId: id, name: `Bench ${run}`, profileUrl: url },
        });
      }
      const page = await b.context.newPage();
      await page.goto(FIXTURES.upworkProfile.url, { waitUntil: 'load' });
      const el = await page.waitForSelector('[data-testid="vetted-overlay-frame"]', { state: 'attached', timeout: 30_000 });
      let frame = await el.contentFrame();
      for (let i = 0; i < 200 && !(frame && frame.url().startsWith('chrome-extension://')); i++) {
        await page.waitForTimeout(25);
        frame = await el.contentFrame();
      }
      await frame!.waitForSelector('[data-testid="overlay-toggle"]');
      await page.waitForTimeout(300);
      const html = profileHtml(id, `Bench ${run}`);
      const t0 = await page.evaluate(
        ({ url, html }) => {
          const start = performance.timeOrigin + performance.now();
          history.pushState({}, '', url);
          const next = new DOMParser().parseFromString(html, 'text/html');
          for (const child of [...document.body.children]) if (!child.querySelector('iframe')) child.remove();
          document.body.prepend(...[...next.body.childNodes].map((n) => document.importNode(n, true)));
          return start;
        },
        { url, html },
      );
      // The frame may be re-created while the page re-renders: look it up again on every poll.
      let shownAt: number | null = null;
      const deadline = Date.now() + 10_000;
      while (shownAt === null && Date.now() < deadline) {
        const current = await (await page.$('[data-testid="vetted-overlay-frame"]'))?.contentFrame();
        shownAt =
          (await current
            ?.evaluate((key) => {
              const mark = performance.getEntriesByName(`vetted-overlay:${key}`)[0];
              return mark ? performance.timeOrigin + mark.startTime : null;
            }, `upwork:${id}`)
            .catch(() => null)) ?? null;
        if (shownAt === null) await page.waitForTimeout(10);
      }
      if (shownAt === null) throw new Error('the overlay never marked the new contractor (vetted-overlay:<key> User Timing mark)');
      (isKnown ? known : firstVisit).push(shownAt - t0);
      await page.close();
    }
  } finally {
    await b.close();
  }
  return [
    { group: 'navigation', name: 'pushState to a known profile → overlay shows it', value: median(known), unit: 'ms', goal: 200, samples: known },
    {
      group: 'navigation',
      name: 'pushState to a first-time profile → overlay shows it',
      value: median(firstVisit),
      unit: 'ms',
      samples: firstVisit,
      note: 'includes the content script waiting for the SPA to render before it reads the new page',
    },
  ];
}
