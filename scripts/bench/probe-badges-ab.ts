/**
 * Diagnostic (not part of npm run bench): two builds side by side, taking turns round by round —
 * 100 Fiverr cards of known sellers appended, until the frame that shows all their marks, and the
 * same cards with the site switched off (the floor). BUILD_A / BUILD_B: unpacked Chromium builds.
 */
import { FIXTURES } from '../../tests/e2e/harness/fixtures';
import { extensionDir } from '../../tests/e2e/harness/paths';
import { launch, send, type BenchBrowser } from './browser';
import { appendCards } from './listing';
import { median } from './stats';

const CARDS = 100;
const ROUNDS = Number(process.env.ROUNDS || 8);
const builds = { A: process.env.BUILD_A!, B: process.env.BUILD_B || extensionDir('chromium') };
const browsers: Record<string, BenchBrowser> = {};
const shown: Record<string, number[]> = { A: [], B: [] };
const floor: Record<string, number[]> = { A: [], B: [] };
try {
  for (const [name, dir] of Object.entries(builds)) {
    const b = (browsers[name] = await launch(dir));
    for (let run = 0; run < ROUNDS; run++)
      for (let i = 0; i < CARDS; i++) {
        const id = `ab-r${run}-s${i}`;
        await send(b, 'trackContractor', {
          profile: { key: `fiverr:${id}`, site: 'fiverr', siteId: id, name: `Seller ${i}`, profileUrl: `https://www.fiverr.com/${id}` },
        });
      }
    // The steady state: every seller's badge facts kept (a user's listing after the first one).
    for (let run = 0; run < ROUNDS; run++)
      await send(b, 'getBadges', { keys: Array.from({ length: CARDS }, (_, i) => `fiverr:ab-r${run}-s${i}`) });
  }
  for (let run = 0; run < ROUNDS; run++) {
    for (const name of run % 2 ? ['B', 'A'] : ['A', 'B']) {
      const b = browsers[name]!;
      const { sites } = (await send(b, 'getSettings', {})) as { sites: Record<string, boolean> };
      await send(b, 'updateSettings', { patch: { sites: { ...sites, fiverr: false } } });
      let page = await b.context.newPage();
      await page.goto(FIXTURES.fiverrSearch.url, { waitUntil: 'load' });
      await page.waitForTimeout(1_000);
      floor[name]!.push(await appendCards(page, (i) => `floor-${i}`, CARDS, 'floor'));
      await page.close();
      await send(b, 'updateSettings', { patch: { sites: { ...sites, fiverr: true } } });
      page = await b.context.newPage();
      await page.goto(FIXTURES.fiverrSearch.url, { waitUntil: 'load' });
      await page.waitForTimeout(1_000);
      shown[name]!.push(await appendCards(page, (i) => `ab-r${run}-s${i}`, CARDS, 'shown'));
      await page.close();
    }
  }
  for (const name of ['A', 'B']) {
    const above = shown[name]!.map((x, i) => x - floor[name]![i]!);
    console.log(
      `${name}: shown ${median(shown[name]!).toFixed(1)} ms, floor ${median(floor[name]!).toFixed(1)} ms, above floor median ${median(above).toFixed(1)} ms (${above.map((x) => x.toFixed(0)).join(', ')})`,
    );
  }
} finally {
  for (const b of Object.values(browsers)) await b.close();
}
