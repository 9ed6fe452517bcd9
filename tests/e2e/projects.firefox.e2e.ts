/**
 * Projects, Firefox ESR (MV2 build; the side panel is the sidebar page, opened here in a tab):
 * create a project for the Upwork capture's contractor through the form, then see it in the popup;
 * clear its contract's signed date in the editor.
 * DOM-level driving: WebDriver BiDi has no accessibility-tree selectors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, screenshot, waitFor, type FirefoxSession } from './harness';

const KEY = 'upwork:~01140923f209578a6b';

/** Types into a field the way a user does (Preact listens to input events). */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 15_000 });
  await page.evaluate(
    (sel, v) => {
      const el = document.querySelector(sel) as HTMLInputElement;
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    value,
  );
}

async function clickButton(page: Page, text: string): Promise<void> {
  await waitFor(`a "${text}" button`, () =>
    page.evaluate((t) => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === t && !x.disabled);
      b?.click();
      return Boolean(b);
    }, text),
  );
}

describe('projects in Firefox', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('creates a project for the Upwork contractor in the side panel and lists it in the popup', async () => {
    const upwork = await session.openMarketplacePage('upworkProfile');
    await waitFor('the background to know the Upwork contractor', () => session.send('getContractor', { key: KEY }));

    const panel = await session.openExtensionPage(`sidepanel.html?new=1&contractor=${encodeURIComponent(KEY)}`);
    await waitFor('the new-project form with the contractor chosen', () =>
      panel.evaluate(() => (document.querySelector('#project-new-contractorKey') as HTMLSelectElement | null)?.value),
    ).then((v) => expect(v).toBe(KEY));
    const suggested = await panel.evaluate(() => (document.querySelector('#project-new-title') as HTMLInputElement).value);
    expect(suggested).toMatch(/^Project with Sergii C/);
    await fill(panel, '#project-new-title', 'Klaviyo flows (Firefox)');
    await fill(panel, '#project-new-budget', '1.500,00');
    await fill(panel, '#project-new-currency', 'EUR');
    await clickButton(panel, 'Create project');
    await waitFor('the project to open in the panel', () =>
      panel.evaluate(() => document.querySelector('[data-testid="budget-summary"]')?.textContent?.includes('€1,500')),
    );

    const [project] = await session.send('listProjects', { contractorKey: KEY });
    expect(project).toMatchObject({ title: 'Klaviyo flows (Firefox)', budgetMinor: 150000, currency: 'EUR', status: 'active' });

    const popup = await session.openExtensionPage('popup.html');
    await popup.setViewport({ width: 380, height: 600 });
    const card = await waitFor('the project card in the popup', () =>
      popup.evaluate(() => {
        const el = document.querySelector('[data-testid="project-card"]');
        return el ? { id: el.getAttribute('data-project-id'), text: el.textContent ?? '' } : null;
      }),
    );
    expect(card.id).toBe(project!.id);
    expect(card.text).toContain('Klaviyo flows (Firefox)');
    expect(card.text).toContain('€0 of €1,500 · 0%');
    await screenshot(popup, 'popup-busy-firefox');
    await Promise.all([popup.close(), panel.close(), upwork.close()]);
  });

  it("clears a contract's signed date with the date field's Clear button", async () => {
    const [project] = await session.send('listProjects', { contractorKey: KEY });
    await session.send('updateProject', { id: project!.id, patch: { contract: { signedAt: '2026-11-02', deliverables: 'Three flows' } } });
    const panel = await session.openExtensionPage(`sidepanel.html?project=${project!.id}`);
    await clickButton(panel, 'Edit project');
    const date = `#project-${project!.id}-signedAt`;
    await waitFor('the signed date in the editor', () =>
      panel.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '2026-11-02', date),
    );
    // The editor scrolls itself into view smoothly after "Edit project": a click at coordinates
    // taken mid-scroll lands beside the button (it failed that way in CI), so the button is clicked
    // through the DOM once it exists.
    await waitFor('the Clear button', () =>
      panel.evaluate(() => {
        const button = document.querySelector<HTMLButtonElement>('button[aria-label="Clear contract signed on"]');
        button?.click();
        return Boolean(button);
      }),
    );
    await waitFor('the emptied date field', () =>
      panel.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).value === '', date),
    );
    await clickButton(panel, 'Save project');
    await waitFor('the date to be gone from storage', async () => {
      const view = await session.send('getProject', { id: project!.id });
      return view && view.project.contract.signedAt === undefined ? view : null;
    }).then((view) => expect(view.project.contract).toEqual({ deliverables: 'Three flows' }));
    await panel.close();
  });
});
