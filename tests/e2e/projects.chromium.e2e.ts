/**
 * Projects, Chromium, through the UI: a project for the contractor of the real Upwork capture with
 * a budget, a milestone due yesterday and one payment; the popup lists it first and marks the
 * milestone overdue; the side panel (following the Upwork tab) shows the budget summary with the
 * payment; the contract's signed date is set and cleared again; completing the project and rating
 * the contractor makes the rating appear on the profile. Screenshots: popup empty and busy, side
 * panel, its contract editor and rating form.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, waitFor, type ChromiumSession } from './harness';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical WCAG A/AA violations on the page (evaluated by the driver: page CSP allows no inline script). */
async function accessibilityProblems(page: Page): Promise<string[]> {
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

const KEY = 'upwork:~01140923f209578a6b';
const POPUP = { width: 380, height: 600 };

describe('projects in Chromium', () => {
  let session: ChromiumSession;
  let upwork: Page;
  let panel: Page;
  let projectId: string;

  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a new user the three steps in the popup', async () => {
    const popup = await session.newPage();
    await popup.setViewportSize(POPUP);
    await popup.goto(session.extensionUrl('popup.html'));
    await popup.getByRole('heading', { name: 'Welcome to Vetted' }).waitFor();
    expect(await popup.getByRole('listitem').count()).toBe(3);
    await screenshot(popup, 'popup-empty');
    expect(await accessibilityProblems(popup)).toEqual([]);
    await popup.close();
  });

  it('creates a project for the contractor in the active tab from the side panel', async () => {
    upwork = await session.openMarketplacePage('upworkProfile');
    await waitFor('the background to know the Upwork contractor', () => session.send('getContractor', { key: KEY }));
    // A calm project made first, alphabetically first too: the overdue one must still come first.
    await session.send('createProject', { title: 'AAA calm project', budgetMinor: 100000, currency: 'USD', status: 'active' });

    panel = await session.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(session.extensionUrl('sidepanel.html'));
    // The user goes back to the Upwork tab: the panel follows it.
    await upwork.bringToFront();
    await panel.getByRole('button', { name: /Start a project with Sergii C/ }).click();
    const form = panel.getByRole('form', { name: 'New project' });
    await expect.poll(() => form.getByLabel('Title').inputValue()).toMatch(/^Project with Sergii C/);
    expect(await form.getByLabel('Contractor').inputValue()).toBe(KEY);
    await form.getByLabel('Title').fill('Klaviyo flows');
    await form.getByLabel('Budget').fill('two thousand');
    await form.getByRole('button', { name: 'Create project' }).click();
    await form.getByText(/is not an amount in USD/).waitFor();
    expect(await form.getByLabel('Title').inputValue()).toBe('Klaviyo flows');
    await form.getByLabel('Budget').fill('2,000');
    await form.getByRole('button', { name: 'Create project' }).click();
    await panel.getByRole('heading', { name: 'Klaviyo flows' }).waitFor();

    const projects = await session.send('listProjects', { contractorKey: KEY });
    expect(projects).toHaveLength(1);
    projectId = projects[0]!.id;
    expect(projects[0]).toMatchObject({ title: 'Klaviyo flows', budgetMinor: 200000, currency: 'USD', status: 'active' });
  });

  it('adds a milestone due yesterday and a payment', async () => {
    const yesterday = await panel.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() - 1);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await panel.getByRole('button', { name: 'Add milestone' }).click();
    const ms = panel.getByRole('form', { name: 'New milestone' });
    await ms.getByLabel('Milestone').fill('First flows live');
    await ms.getByLabel('Due date').fill(yesterday);
    // $1,000 with a $500 deposit: still pending and overdue (a payment of the full amount would
    // make it paid: milestone-payments.<browser>.e2e.ts).
    await ms.getByLabel('Amount (USD)').fill('1000');
    await ms.getByRole('button', { name: 'Add milestone' }).click();
    const item = panel.getByTestId('milestone-item');
    await item.getByText('Overdue').waitFor();

    await panel.getByRole('button', { name: 'Record payment' }).click();
    const pay = panel.getByRole('form', { name: 'New payment' });
    await pay.getByLabel('Amount').fill('500');
    await pay.getByLabel('For milestone').selectOption({ label: 'First flows live' });
    await pay.getByLabel('Note (optional)').fill('Deposit');
    await pay.getByRole('button', { name: 'Save payment' }).click();
    await panel.getByTestId('payment-item').waitFor();

    const view = await session.send('getProject', { id: projectId });
    expect(view?.milestones).toMatchObject([{ title: 'First flows live', dueDate: yesterday, amountMinor: 100000, status: 'pending' }]);
    expect(view?.payments).toMatchObject([{ amountMinor: 50000, currency: 'USD', milestoneId: view?.milestones[0]?.id, note: 'Deposit' }]);
  });

  it('records when the contract was signed, and clears that date again', async () => {
    await panel.getByRole('button', { name: 'Edit project' }).click();
    let form = panel.getByRole('form', { name: 'Edit project' });
    await form.getByText('Contract: expectations, deliverables, payment schedule').click();
    await form.getByLabel('Contract signed on').fill('2026-11-02');
    await form.getByLabel('Expectations').fill('Three flows live, tested on mobile.');
    await form.getByRole('button', { name: 'Save project' }).click();
    const contract = panel.getByRole('region', { name: 'Contract' });
    await expect.poll(() => contract.textContent()).toContain('Signed');
    expect((await session.send('getProject', { id: projectId }))?.project.contract).toEqual({
      signedAt: '2026-11-02',
      expectations: 'Three flows live, tested on mobile.',
    });

    await panel.getByRole('button', { name: 'Edit project' }).click();
    form = panel.getByRole('form', { name: 'Edit project' });
    const clear = form.getByRole('button', { name: 'Clear contract signed on' });
    // The editor scrolls smoothly into view when it opens: shoot it (not the viewport) once it stands still.
    await waitFor('the panel to stop scrolling', async () => {
      const y = await panel.evaluate(() => window.scrollY);
      await panel.waitForTimeout(200);
      return y === (await panel.evaluate(() => window.scrollY));
    });
    await screenshot(panel.getByRole('region', { name: 'Edit project' }), 'sidepanel-contract-editor');
    await clear.click();
    await expect.poll(() => form.getByLabel('Contract signed on').inputValue()).toBe('');
    await form.getByRole('button', { name: 'Save project' }).click();
    await expect.poll(() => contract.textContent()).not.toContain('Signed');
    expect((await session.send('getProject', { id: projectId }))?.project.contract).toEqual({
      expectations: 'Three flows live, tested on mobile.',
    });
  });

  it('shows the budget summary with the payment in the side panel', async () => {
    const summary = panel.getByTestId('budget-summary');
    await expect.poll(() => summary.textContent()).toContain('Spent$500');
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('Budget$2,000');
    expect(text).toContain('Remaining$1,500');
    expect(text).toContain('25% of the budget used');
    expect(text).toContain('1 payment made');
    await panel.getByLabel('Note', { exact: true }).fill('Agreed a $2,000 cap; extra flows need written approval.');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByTestId('budget-note').waitFor();
    await panel.evaluate(() => window.scrollTo(0, 0));
    await screenshot(panel, 'sidepanel-budget');
    expect(await accessibilityProblems(panel)).toEqual([]);
  });

  it('lists the project first in the popup and marks the milestone overdue', async () => {
    const popup = await session.newPage();
    await popup.setViewportSize(POPUP);
    await popup.goto(session.extensionUrl('popup.html'));
    const cards = popup.getByTestId('project-card');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.first().getAttribute('data-project-id')).toBe(projectId);
    const first = cards.first();
    expect(await first.getByTestId('overdue-flag').textContent()).toContain('Overdue');
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('Overdue: First flows live');
    expect(text).toContain('yesterday');
    expect(text).toContain('$500 of $2,000 · 25%');
    expect(text).toMatch(/Sergii C\.? · Upwork/);
    expect(await popup.getByTestId('popup-totals').textContent()).toContain('1overdue');
    await screenshot(popup, 'popup-busy');
    expect(await accessibilityProblems(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.waitForTimeout(500); // buttons animate their background change
    await screenshot(popup, 'popup-busy-dark');
    expect(await accessibilityProblems(popup)).toEqual([]);

    // "Budget notes" opens the side panel on this project (or, where the panel can't open, a tab);
    // either way the popup closes itself.
    await first.getByRole('button', { name: /Budget notes/ }).click();
    const outcome = await waitFor('the side panel or a tab to open on the project', () => {
      const tab = session.context.pages().find((p) => p.url().includes('sidepanel.html?project='));
      if (tab) return { kind: 'tab', url: tab.url() };
      return popup.isClosed() ? { kind: 'panel', url: '' } : null;
    });
    if (outcome.kind === 'tab') {
      expect(new URL(outcome.url).searchParams.get('project')).toBe(projectId);
    } else {
      const path = await session.serviceWorker.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { sidePanel: { getOptions(o: object): Promise<{ path?: string }> } } }).chrome;
        return (await api.sidePanel.getOptions({})).path;
      });
      expect(path).toBe(`sidepanel.html?project=${projectId}`);
    }
    await popup.close().catch(() => undefined);
  });

  it('asks for a rating when the project is completed; the rating shows on the profile', async () => {
    await panel.bringToFront();
    await panel.getByRole('button', { name: 'Mark completed' }).click();
    const form = panel.getByRole('form', { name: 'Rate this contractor' });
    for (const [criterion, score] of [
      ['Quality', 5],
      ['Communication', 4],
      ['Timeliness', 4],
      ['Value', 5],
    ] as const) {
      await form.getByLabel(`${criterion} ${score} of 5`).check({ force: true });
    }
    await form.getByLabel('Yes').check();
    await form.getByLabel('Comment (optional)').fill('Fast and clear.');
    await form.scrollIntoViewIfNeeded();
    await screenshot(panel, 'sidepanel-rating-form');
    await form.getByRole('button', { name: 'Save rating' }).click();
    await panel.getByText(/You rated Sergii C.* for this project and would hire them again/).waitFor();

    const view = await session.send('getContractor', { key: KEY });
    expect(view?.ratings).toMatchObject([
      { projectId, quality: 5, communication: 4, timeliness: 4, value: 5, wouldRehire: true, comment: 'Fast and clear.' },
    ]);
    expect(view?.projects.find((p) => p.id === projectId)?.status).toBe('completed');

    await upwork.bringToFront();
    await upwork.reload();
    const frame = await session.overlayFrame(upwork);
    const rating = frame.getByTestId('rating-item');
    // The overlay may open collapsed (its last state) and loads its data after the frame: open it
    // when it is collapsed, until the rating is there.
    await waitFor(
      'the overlay to show the rating',
      async () => {
        if ((await rating.count()) > 0) return true;
        const collapsed = frame.locator('[data-testid="overlay-toggle"][aria-expanded="false"]');
        if ((await collapsed.count()) > 0)
          await collapsed
            .first()
            .click({ timeout: 2_000 })
            .catch(() => undefined);
        return false;
      },
      { timeout: 30_000, interval: 1_000 },
    );
    expect(await rating.first().textContent()).toContain('Fast and clear.');
  });
});
