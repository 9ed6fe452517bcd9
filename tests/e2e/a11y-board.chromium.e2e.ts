/**
 * Issue 16, accessibility in Chromium: axe-core (its default rules) on the contractor board, the
 * comparison and the spend reports, in light and dark mode, with data in every part; the board is
 * also driven from the keyboard alone (Tab to a row's checkbox, Space, on to Compare, Enter).
 * Serious and critical findings fail; milder ones are printed. Screenshots of each view, light and dark.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, type ChromiumSession } from './harness';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;
const A = 'upwork:~01a11ya';
const B = 'fiverr:a11yb';
const printed: string[] = [];

async function problems(page: Page, view: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  const blocking = (f: (typeof findings)[number]) => f.impact === 'serious' || f.impact === 'critical';
  for (const f of findings.filter((x) => !blocking(x)))
    printed.push(`${view}: ${f.id} (${f.impact}) ${f.help} — ${f.targets.slice(0, 3).join(', ')}`);
  return findings.filter(blocking).map((f) => `${f.id} (${f.impact}) ${f.help}: ${f.targets.join(', ')}`);
}

describe('accessibility of the board, comparison and reports in Chromium (axe)', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium();
    const profile = (key: string, name: string, url: string) => {
      const [site, siteId] = key.split(':') as ['upwork', string];
      return {
        key,
        site,
        siteId,
        name,
        profileUrl: url,
        headline: 'Brand identity and logos',
        rate: { amountMinor: 4500, currency: 'USD', unit: 'hour' as const },
        marketplaceRating: { score: 4.9, outOf: 5, count: 40 },
      };
    };
    await session.send('trackContractor', { profile: profile(A, 'Ada Lovelace', 'https://www.upwork.com/freelancers/~01a11ya') });
    await session.send('trackContractor', { profile: { ...profile(B, 'Bob Builder', 'https://www.fiverr.com/a11yb'), site: 'fiverr' } });
    await session.send('updateContractor', { key: A, patch: { tags: ['logo'], status: 'shortlisted' } });
    await session.send('updateContractor', { key: B, patch: { tags: ['logo', 'print'] } });
    await session.send('setCheck', { contractorKey: A, itemId: 'reviews-read', state: 'done' });
    await session.send('setCheck', { contractorKey: B, itemId: 'reviews-read', state: 'failed' });
    await session.send('saveNote', { contractorKey: A, kind: 'interview', body: 'Walked through three past logo projects.' });
    await session.send('saveNote', { contractorKey: B, kind: 'reference', body: 'A past client says: on time, good files.' });
    await session.send('saveRating', {
      rating: { contractorKey: A, quality: 5, communication: 4, timeliness: 4, value: 5, wouldRehire: true },
    });
    await session.send('saveList', { name: 'Logo designers, March', addKey: A });
    const p = await session.send('createProject', { title: 'New logo', contractorKey: A, currency: 'USD', budgetMinor: 90_000 });
    await session.send('savePayment', { projectId: p.id, patch: { amountMinor: 30_000, currency: 'USD', paidAt: '2026-10-31' } });
    await session.send('savePayment', { projectId: p.id, patch: { amountMinor: 25_000, currency: 'USD', paidAt: '2026-11-12' } });
    const q = await session.send('createProject', { title: 'Brochure', contractorKey: B, currency: 'EUR', budgetMinor: 50_000 });
    await session.send('savePayment', { projectId: q.id, patch: { amountMinor: 20_000, currency: 'EUR', paidAt: '2026-11-03' } });
  });
  afterAll(async () => {
    if (printed.length) console.log(`axe, minor and moderate findings (${printed.length}):\n  ${printed.join('\n  ')}`);
    await session?.close();
  });

  it('the board is usable from the keyboard alone, up to the comparison', async () => {
    const page = await session.newPage();
    await page.goto(session.extensionUrl('board.html'));
    await page.getByTestId('contractor-row').first().waitFor();
    const focusedName = () =>
      page.evaluate(
        () =>
          (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '',
      );
    // Tab until the first row's checkbox, tick it with Space; the same for the second.
    for (const name of ['Bob Builder', 'Ada Lovelace']) {
      for (let i = 0; i < 40 && (await focusedName()) !== name; i++) await page.keyboard.press('Tab');
      expect(await focusedName()).toBe(name);
      await page.keyboard.press('Space');
    }
    await page.keyboard.down('Shift');
    for (let i = 0; i < 40 && (await focusedName()) !== 'Compare'; i++) await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focusedName()).toBe('Compare');
    await page.keyboard.press('Enter');
    await page.getByTestId('compare-column').nth(1).waitFor();
    expect(await page.getByTestId('compare-column').count()).toBe(2);
    await page.close();
  });

  for (const scheme of SCHEMES) {
    it(`board, comparison and reports (${scheme})`, async () => {
      const page = await session.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(session.extensionUrl('board.html'));
      await page.getByTestId('contractor-row').nth(1).waitFor();
      await page.getByRole('checkbox', { name: 'Ada Lovelace' }).check();
      await page.getByRole('checkbox', { name: 'Bob Builder' }).check();
      const found = await problems(page, `board (${scheme})`);
      await screenshot(page, `board-${scheme}-chromium`);
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      await page.getByTestId('compare-column').nth(1).waitFor();
      await page.getByText('Walked through three past logo projects.').waitFor();
      found.push(...(await problems(page, `compare (${scheme})`)));
      await screenshot(page, `board-compare-${scheme}-chromium`);
      await page.goto(session.extensionUrl('reports.html'));
      await page.getByTestId('report-total-paid').nth(1).waitFor();
      await page.locator('.rp-chart canvas').first().waitFor();
      found.push(...(await problems(page, `reports (${scheme})`)));
      await screenshot(page, `reports-${scheme}-chromium`);
      expect(found).toEqual([]);
      await page.close();
    });
  }
});
