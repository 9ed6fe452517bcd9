/**
 * Backup and restore in Firefox ESR (MV2 build) through the options page: data made by requests
 * is exported, everything is deleted with the typed confirmation, the file is imported through the
 * page's file picker, and every record is back. A corrupt file is refused and changes nothing.
 * Screenshot: options page in Firefox.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox, screenshot, waitFor, type FirefoxSession } from './harness';

const KEY = 'fiverr:tonigdesign';

async function snapshot(session: FirefoxSession) {
  const contractors = await session.send('listContractors', { limit: 1000 });
  const views = await Promise.all(contractors.map((c) => session.send('getContractor', { key: c.key })));
  const projects = await session.send('listProjects', {});
  const projectViews = await Promise.all(projects.map((p) => session.send('getProject', { id: p.id })));
  return { contractors: views, projects: projectViews, checklist: (await session.send('getSettings', {})).checklist };
}

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => el.textContent ?? '');
}

describe('backup and restore in Firefox', () => {
  let session: FirefoxSession;
  let options: Page;
  let before: Awaited<ReturnType<typeof snapshot>>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-backup-ff-'));
  const backupFile = path.join(tmp, 'vetted-backup.json');

  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('exports a backup of data entered by requests', async () => {
    await session.send('trackContractor', {
      profile: { key: KEY, site: 'fiverr', siteId: 'tonigdesign', name: 'Toni G.', profileUrl: 'https://www.fiverr.com/tonigdesign' },
    });
    await session.send('setCheck', { contractorKey: KEY, itemId: 'interview-held', state: 'done', note: 'video call' });
    await session.send('saveNote', { contractorKey: KEY, kind: 'interview', body: 'Ünïcode ✓ and "quotes", fine' });
    const project = await session.send('createProject', {
      title: 'Logo',
      contractorKey: KEY,
      budgetMinor: 40000,
      currency: 'EUR',
      status: 'active',
    });
    const ms = await session.send('saveMilestone', { projectId: project.id, patch: { title: 'Sketches', dueDate: '2026-12-03' } });
    await session.send('savePayment', {
      projectId: project.id,
      patch: { milestoneId: ms.id, amountMinor: 10000, currency: 'EUR', paidAt: '2026-11-25' },
    });
    before = await snapshot(session);
    expect(before.contractors).toHaveLength(1);

    options = await session.openExtensionPage('options.html');
    await waitFor('the options page', () => options.$('[data-testid="last-backup"]'));
    await screenshot(options, 'options-firefox');
    // The button path (Blob URL + <a download>) runs; the file itself is taken from the same request.
    await (await options.waitForSelector('::-p-aria(Export backup[role="button"])'))!.click();
    await waitFor('the export to finish', async () =>
      (await options.$$eval('[role="status"]', (els) => els.map((e) => e.textContent).join(' '))).includes('Saved vetted-backup-'),
    );
    const { text: backup } = await session.send('exportBackup', {});
    fs.writeFileSync(backupFile, backup);
  });

  it('deletes everything, imports the file, and everything is back', async () => {
    const confirm = (await options.$('#delete-confirm'))!;
    await confirm.type('DELETE');
    await (await options.waitForSelector('::-p-aria(Delete all my Vetted data[role="button"])'))!.click();
    await waitFor('the delete to finish', async () => (await session.send('listContractors', {})).length === 0);

    const input = (await options.$('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(backupFile);
    await waitFor('the import report', () => options.$('[data-testid="import-report"]'));
    expect(await text(options, '[data-testid="import-report"]')).toMatch(/Import finished: \d+ added/);
    expect(await snapshot(session)).toEqual(before);
  });

  it('refuses a corrupt file, and one with a time out of range, and changes nothing', async () => {
    const corrupt = path.join(tmp, 'corrupt.json');
    fs.writeFileSync(corrupt, fs.readFileSync(backupFile, 'utf8').replace('"format": "vetted-backup"', '"format": "other-app"'));
    const input = (await options.$('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(corrupt);
    await waitFor('the import error', () => options.$('[data-testid="import-error"]'));
    expect(await text(options, '[data-testid="import-error"]')).toMatch(
      /Not imported: corrupt\.json.*not a Vetted backup file.*Nothing was changed/,
    );
    expect(await snapshot(session)).toEqual(before);

    // issue 12, attack 9: a time no calendar can show (9e15 ms) is refused by name, before it can blank a view.
    const far = path.join(tmp, 'far-future.json');
    const future = JSON.parse(fs.readFileSync(backupFile, 'utf8'));
    future.data.notes[0].updatedAt = 9e15;
    fs.writeFileSync(far, JSON.stringify(future));
    await input.uploadFile(far);
    await waitFor(
      'the far-future file refused',
      async () => /far-future\.json/.test((await text(options, '[data-testid="import-error"]')) ?? '') || null,
    );
    expect(await text(options, '[data-testid="import-error"]')).toMatch(
      /"notes", record #1 \(id "[^"]+"\): field "updatedAt".*Nothing was changed/,
    );
    expect(await snapshot(session)).toEqual(before);
  });
});
