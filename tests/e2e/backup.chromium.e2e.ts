/**
 * Backup and restore in real Chromium, through the options page: data entered in the overlay,
 * the options page and by requests is exported to a file, everything is deleted (typed
 * confirmation), the file is imported, and every contractor, check, note, rating, project,
 * milestone, payment and the edited checklist come back. A corrupt file is refused with a
 * message and changes nothing. Screenshots: options page, import report, import error.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, waitFor, type ChromiumSession } from './harness';
import { BACKUP_VERSION } from '../../lib/backup/format';

const KEY = 'upwork:~01140923f209578a6b';
const FRAME = '[data-testid="vetted-overlay-frame"]';
const NOTE = 'Asked about Klaviyo flows, answered well; "rate negotiable", 10% off';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical WCAG A/AA violations (axe evaluated by the driver: the page CSP forbids inline script). */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function snapshot(session: ChromiumSession) {
  const contractors = await session.send('listContractors', { limit: 1000 });
  const views = await Promise.all(contractors.map((c) => session.send('getContractor', { key: c.key })));
  const projects = await session.send('listProjects', {});
  const projectViews = await Promise.all(projects.map((p) => session.send('getProject', { id: p.id })));
  const settings = await session.send('getSettings', {});
  const byKey = <T extends { contractor: { key: string } } | null>(a: T, b: T) =>
    (a?.contractor.key ?? '').localeCompare(b?.contractor.key ?? '');
  return {
    contractors: views.sort(byKey),
    projects: projectViews.sort((a, b) => (a?.project.id ?? '').localeCompare(b?.project.id ?? '')),
    checklist: settings.checklist,
    defaultCurrency: settings.defaultCurrency,
  };
}

describe('backup and restore in Chromium', () => {
  let session: ChromiumSession;
  let options: Page;
  let backupFile: string;
  let before: Awaited<ReturnType<typeof snapshot>>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-backup-e2e-'));

  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('fills data in the overlay, the options page and by requests', async () => {
    // Overlay on the real Upwork capture: a checklist tick and a note, typed.
    const upwork = await session.openMarketplacePage('upworkProfile');
    const frame = upwork.frameLocator(FRAME);
    const toggle = frame.getByTestId('overlay-toggle');
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const item = frame.locator('[data-testid="checklist-item"][data-item-id="interview-held"]');
    await item.getByRole('checkbox').first().click();
    await expect.poll(() => item.getByRole('checkbox').first().isChecked(), { timeout: 5_000 }).toBe(true);
    const input = frame.getByTestId('note-input');
    await input.click();
    await input.pressSequentially(NOTE, { delay: 2 });
    await frame.getByTestId('note-save').click();
    await expect.poll(() => frame.getByTestId('note-item').count()).toBe(1);
    await upwork.close();

    // A project with a milestone, a payment and a rating, by requests (the projects test drives that UI).
    const project = await session.send('createProject', {
      title: 'Klaviyo flows',
      contractorKey: KEY,
      budgetMinor: 200000,
      currency: 'USD',
      status: 'active',
    });
    const milestone = await session.send('saveMilestone', {
      projectId: project.id,
      patch: { title: 'First flows live', dueDate: '2026-12-01', amountMinor: 50000 },
    });
    await session.send('savePayment', {
      projectId: project.id,
      patch: { milestoneId: milestone.id, amountMinor: 50000, currency: 'USD', paidAt: '2026-11-20', note: '=deposit' },
    });
    await session.send('saveNote', { projectId: project.id, kind: 'budget', body: 'Retainer after launch?' });
    await session.send('saveRating', {
      rating: {
        contractorKey: KEY,
        projectId: project.id,
        quality: 5,
        communication: 4,
        timeliness: 4,
        value: 5,
        wouldRehire: true,
        comment: 'Great',
      },
    });
    await session.send('trackContractor', {
      profile: {
        key: 'fiverr:tonigdesign',
        site: 'fiverr',
        siteId: 'tonigdesign',
        name: 'Toni G.',
        profileUrl: 'https://www.fiverr.com/tonigdesign',
      },
    });
    await session.send('setCheck', { contractorKey: 'fiverr:tonigdesign', itemId: 'reviews-read', state: 'failed', note: 'fake reviews?' });

    // Options page: add a checklist item, rename a default one, change the currency.
    options = await session.openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'Vetting checklist' }).waitFor();
    await options.getByLabel('New checklist item').fill('NDA signed');
    await options.getByLabel('Group of the new item').selectOption('contract-budget');
    await options.getByRole('button', { name: 'Add item' }).click();
    await options.getByLabel('Label of “NDA signed”').waitFor();
    const label = options.getByLabel('Label of “Reviews read”');
    await label.fill('Reviews read (all of them)');
    await label.press('Enter');
    await options.getByLabel('Label of “Reviews read (all of them)”').waitFor();
    await options.getByLabel('Default currency for new projects').selectOption('EUR');
    await expect.poll(async () => (await session.send('getSettings', {})).defaultCurrency).toBe('EUR');
    const settings = await session.send('getSettings', {});
    expect(settings.checklist.find((i) => i.id === 'reviews-read')?.label).toBe('Reviews read (all of them)');
    expect(settings.checklist.some((i) => i.label === 'NDA signed')).toBe(true);

    before = await snapshot(session);
    expect(before.contractors).toHaveLength(2);
    expect(before.contractors[1]?.notes.map((n) => n.body)).toContain(NOTE);
    expect(before.projects[0]?.payments).toHaveLength(1);
  });

  it('exports a backup file from the options page', async () => {
    await options.reload();
    await options.getByRole('heading', { name: 'Backup and restore' }).waitFor();
    await options.getByTestId('storage-info').waitFor();
    await options.getByRole('button', { name: /Toni G\./ }).waitFor();
    await options.locator('#storage').scrollIntoViewIfNeeded();
    await options.evaluate(() => document.getElementById('storage')!.scrollIntoView({ block: 'start' }));
    await screenshot(options, 'options-storage-privacy-delete-chromium');
    await options.evaluate(() => window.scrollTo(0, 0));
    await screenshot(options, 'options-chromium');
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.waitForTimeout(400); // buttons fade their background (theme.css transition)
    await screenshot(options, 'options-dark-chromium');
    await options.emulateMedia({ colorScheme: 'light' });
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vetted-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupFile = path.join(tmp, download.suggestedFilename());
    await download.saveAs(backupFile);
    const file = JSON.parse(fs.readFileSync(backupFile, 'utf8'));
    expect(file).toMatchObject({ format: 'vetted-backup', version: BACKUP_VERSION });
    expect(file.data.notes.map((n: { body: string }) => n.body)).toContain(NOTE);
    await options.getByTestId('last-backup').getByText('today').waitFor();
  });

  it('exports a CSV that a spreadsheet opens safely', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Payments CSV' }).click()]);
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(text).toContain(",500.00,USD,'=deposit,");
  });

  it('deletes everything after the typed confirmation', async () => {
    const button = options.getByRole('button', { name: 'Delete all my Vetted data' });
    expect(await button.isDisabled()).toBe(true);
    await options.getByLabel('Type DELETE to confirm').fill('delete');
    expect(await button.isDisabled()).toBe(true);
    await options.getByLabel('Type DELETE to confirm').fill('DELETE');
    await button.click();
    await options.getByText('All Vetted data was deleted.').waitFor();
    expect(await session.send('listContractors', {})).toEqual([]);
    expect(await session.send('listProjects', {})).toEqual([]);
  });

  it('imports the file and everything is back', async () => {
    await options.getByTestId('import-file').setInputFiles(backupFile);
    const report = options.getByTestId('import-report');
    await report.waitFor();
    expect(await report.textContent()).toMatch(/Import finished: \d+ added, 0 updated/);
    await screenshot(options.getByTestId('import-report'), 'options-import-report-chromium');
    const after = await snapshot(session);
    expect(after).toEqual(before);
  });

  it('has no serious accessibility problems, and reorders from the keyboard', async () => {
    expect(await accessibilityProblems(options)).toEqual([]);
    const down = options.getByRole('button', { name: 'Move “Interview held” down' });
    await down.focus();
    await options.keyboard.press('Enter');
    await expect.poll(async () => (await session.send('getSettings', {})).checklist[0]?.id).toBe('reviews-read');
    // Focus stays on the moved item's button, so pressing again keeps moving it.
    await options.keyboard.press('Enter');
    await expect
      .poll(async () => (await session.send('getSettings', {})).checklist.slice(0, 3).map((i) => i.id))
      .toEqual(['reviews-read', 'references-contacted', 'interview-held']);
    before = await snapshot(session);
  });

  it('refuses a corrupt file with a clear message and changes nothing', async () => {
    const text = fs.readFileSync(backupFile, 'utf8');
    const cut = path.join(tmp, 'cut-off.json');
    fs.writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    const broken = path.join(tmp, 'edited.json');
    const edited = JSON.parse(text);
    edited.data.payments[0].amountMinor = 'fifty';
    edited.data.notes.push({ ...edited.data.notes[0], body: 'should never be written', id: 'new-note' });
    fs.writeFileSync(broken, JSON.stringify(edited));

    const error = options.getByTestId('import-error');
    await options.getByTestId('import-file').setInputFiles(cut);
    await expect.poll(() => error.textContent()).toMatch(/Not imported: cut-off\.json.*incomplete.*ends too early.*Nothing was changed/);
    expect(await snapshot(session)).toEqual(before);

    await options.getByTestId('import-file').setInputFiles(broken);
    await expect.poll(() => error.textContent()).toMatch(/"payments", record #1 \(id "[^"]+"\): field "amountMinor"/);
    await error.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-import-error-chromium');
    expect(await snapshot(session)).toEqual(before);

    // issue 12, attack 9: a time no calendar can show (9e15 ms) is refused by name, before it can blank a view.
    const far = path.join(tmp, 'far-future.json');
    const future = JSON.parse(text);
    future.data.notes[0].updatedAt = 9e15;
    fs.writeFileSync(far, JSON.stringify(future));
    await options.getByTestId('import-file').setInputFiles(far);
    await expect
      .poll(() => error.textContent())
      .toMatch(/Not imported: far-future\.json.*"notes", record #1 \(id "[^"]+"\): field "updatedAt"/);
    expect(await snapshot(session)).toEqual(before);
    await waitFor(
      'no stray note',
      async () => !(await session.send('getContractor', { key: KEY }))?.notes.some((n) => n.id === 'new-note'),
    );
  });
});
