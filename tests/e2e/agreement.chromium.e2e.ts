/**
 * Written agreement, interview kit and rehire history in Chromium (see agreement.shared.ts).
 * Screenshots: the agreement (screen, print, dark), the overlay's interview kit and rehire panel
 * in light and dark.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, waitFor, type ChromiumSession } from './harness';
import { expectedLines, KEY, MILESTONES, normalise, seedProject, seedSettings } from './agreement.shared';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical WCAG A/AA violations on the page. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  // Colours change with a short transition after a scheme switch: measure once they have settled.
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Scrolls the overlay's own scroll area (not the frame's document) so `el` is at the top. */
function scrollToTop(el: Element): void {
  const area = el.closest('.ov-scroll');
  if (area) area.scrollTop += el.getBoundingClientRect().top - area.getBoundingClientRect().top - 8;
  window.scrollTo(0, 0);
}

describe('written agreement in Chromium', () => {
  let session: ChromiumSession;
  let upwork: Page;
  let projectId: string;

  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('two milestones: titles, due dates, amounts in the locale and the schedule; Copy; Mark as agreed ticks the overlay', async () => {
    await seedSettings(session.send);
    upwork = await session.openMarketplacePage('upworkProfile');
    await waitFor('the background to know the Upwork contractor', () => session.send('getContractor', { key: KEY }));
    projectId = await seedProject(session.send);

    const page = await session.newPage();
    await page.setViewportSize({ width: 960, height: 1100 });
    await page.goto(session.extensionUrl(`agreement.html?project=${projectId}`));
    const doc = page.getByTestId('agreement-text');
    await doc.getByText('Welcome series', { exact: false }).waitFor();
    const text = await doc.innerText();
    const lines = normalise(text);
    for (const line of await page.evaluate(
      expectedLines,
      MILESTONES as unknown as { title: string; dueDate: string; amountMinor: number }[],
    )) {
      expect(lines).toContain(line.replace(/[\u00a0\u202f]/g, ' '));
    }
    expect(text).toContain('Payment model: milestones. Total price: $1,000.00.');
    expect(text).toContain('Each milestone is paid when the client approves its deliverable');
    expect(text).toContain('Client: Lee Bakery Ltd');
    expect(text).toMatch(/Contractor: Sergii C/);

    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText(/Copied as plain text/).waitFor();
    // Read the clipboard the way a user would: paste it into a text field.
    await page.evaluate(() => {
      const area = document.createElement('textarea');
      area.id = 'e2e-paste';
      document.body.append(area);
      area.focus();
    });
    await page.keyboard.press('Control+V');
    const copied = await page.locator('#e2e-paste').inputValue();
    await page.evaluate(() => document.getElementById('e2e-paste')?.remove());
    expect(normalise(copied)).toEqual(normalise(text));
    expect(copied.trim().split('\n').at(-1)).toMatch(/the marketplace's own contract stays the legal one/);

    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'agreement');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'agreement-print');
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await screenshot(page, 'agreement-dark');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Mark as agreed' }).click();
    await page.getByText(/“Written contract” is ticked/).waitFor();
    await page.getByTestId('agreement-agreed').waitFor();
    const stored = await session.send('getProject', { id: projectId });
    expect(stored?.project.contract.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const frame = await session.overlayFrame(upwork);
    const box = frame.locator('[data-testid="checklist-item"][data-item-id="written-contract"] input[type="checkbox"]');
    await expect.poll(() => box.isChecked(), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  it('interview kit and rehire history in the overlay, light and dark', async () => {
    // History: the first project done and paid, rated well; a second one paid.
    await session.send('updateProject', { id: projectId, patch: { status: 'completed' } });
    await session.send('savePayment', { projectId, patch: { amountMinor: 100000, currency: 'USD', paidAt: '2026-11-20' } });
    await session.send('saveRating', {
      rating: { contractorKey: KEY, projectId, quality: 5, communication: 5, timeliness: 4, value: 5, wouldRehire: true },
    });
    const second = await session.send('createProject', {
      title: 'Flows, part two',
      contractorKey: KEY,
      paymentModel: 'hourly',
      rateMinor: 4500,
      currency: 'USD',
      status: 'active',
    });
    await session.send('savePayment', { projectId: second.id, patch: { amountMinor: 320000, currency: 'USD', paidAt: '2026-11-28' } });

    await upwork.setViewportSize({ width: 1280, height: 1400 });
    const frame = await session.overlayFrame(upwork);
    await frame.getByTestId('rehire-nudge').waitFor();
    expect(await frame.getByTestId('rehire-nudge').innerText()).toContain('2 projects, $4,200 paid: ask for a repeat-client rate');
    const frameEl = upwork.locator('[data-testid="vetted-overlay-frame"]');
    await frame.getByTestId('rehire-panel').evaluate(scrollToTop);
    await screenshot(frameEl, 'overlay-rehire');
    await upwork.emulateMedia({ colorScheme: 'dark' });
    await screenshot(frameEl, 'overlay-rehire-dark');
    await upwork.emulateMedia({ colorScheme: 'light' });

    // The side panel opens the agreement in a tab of its own.
    const panel = await session.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(session.extensionUrl(`sidepanel.html?project=${second.id}`));
    const [agreementTab] = await Promise.all([
      session.context.waitForEvent('page'),
      panel.getByRole('button', { name: 'Written agreement' }).click(),
    ]);
    await agreementTab.waitForURL(/agreement\.html\?project=/);
    await agreementTab.getByTestId('agreement-text').getByText('Rate: $45.00 per hour.', { exact: false }).waitFor();
    await Promise.all([agreementTab.close(), panel.close()]);

    // The popup's hire-again list starts a new project from the last one.
    const popup = await session.newPage();
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.goto(session.extensionUrl('popup.html'));
    const hire = popup.getByRole('button', { name: 'Hire again: Sergii C.' });
    await hire.waitFor();
    await screenshot(popup, 'popup-hire-again');
    const [opened] = await Promise.all([session.context.waitForEvent('page'), hire.click()]);
    await opened.waitForURL(/sidepanel\.html\?project=/);
    const created = (await session.send('listProjects', { contractorKey: KEY })).find((p) => p.title === 'New project with Sergii C.');
    expect(created).toMatchObject({ status: 'planned', paymentModel: 'hourly', rateMinor: 4500, currency: 'USD' });
    await opened.getByRole('heading', { name: 'New project with Sergii C.' }).waitFor();
    await opened.close();
    if (!popup.isClosed()) await popup.close();

    await frame.getByRole('button', { name: 'Interview kit' }).click();
    await frame.getByRole('combobox', { name: 'Kind of work' }).selectOption('marketing');
    const answers = frame.getByTestId('interview-question');
    await answers.first().getByRole('textbox').fill('Start with the welcome series, measure opens and revenue per flow');
    await answers.nth(3).getByRole('textbox').fill('20 h a week, UTC+2, two other clients');
    await frame.getByRole('button', { name: 'Save interview' }).click();
    await frame.getByText(/“Interview held” is ticked/).waitFor();
    const held = frame.locator('[data-testid="checklist-item"][data-item-id="interview-held"] input[type="checkbox"]');
    await expect.poll(() => held.isChecked(), { timeout: 15_000 }).toBe(true);
    await frame.locator('.ov-kit').evaluate(scrollToTop);
    await screenshot(frameEl, 'overlay-interview-kit');
    await upwork.emulateMedia({ colorScheme: 'dark' });
    await screenshot(frameEl, 'overlay-interview-kit-dark');
    await upwork.emulateMedia({ colorScheme: 'light' });

    const options = await session.newPage();
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.goto(session.extensionUrl('options.html#interview'));
    await options.getByRole('heading', { name: 'Interview kit', level: 2 }).waitFor();
    await options.locator('#interview').scrollIntoViewIfNeeded();
    await screenshot(options, 'options-interview-kit');
    await options.close();

    const view = await session.send('getContractor', { key: KEY });
    const note = view?.notes.find((n) => n.kind === 'interview');
    expect(note?.body).toContain('Interview kit: Marketing');
    expect(note?.body).toContain('A: 20 h a week, UTC+2, two other clients');
  });
});
