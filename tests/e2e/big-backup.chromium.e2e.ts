/**
 * Issue 12, attack 8 (backups that can't come back), the file sizes: a backup past 64 MiB (one
 * contractor with 3,600 notes of 20,000 characters, the longest a note may be) is imported through
 * the options page, and the options page's own export of it is saved and holds every note again.
 * Before, a 52 MB file was refused as "too large" and an export past 64 MiB failed as "could not
 * reach its storage" (the messaging limit). The 3,900-note contractor opening in the overlay is in
 * many-notes.shared.ts; the parts the file crosses in are unit-tested (backup-transfer.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness';

const KEY = 'upwork:~01b16b1ee7c083a776';
const NOTES = 3_600;
const BODY_CHARS = 20_000;
const MIB = 1024 * 1024;

/** Note i's text: 20,000 characters, different for every note (and not only ASCII). */
const body = (i: number) => `Note ${i} — référence ✓ `.padEnd(BODY_CHARS, `${i % 10}abcdefghij`);

describe('backups past 64 MiB come back, Chromium (issue 12, attack 8)', () => {
  let session: ChromiumSession;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-big-backup-'));

  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports a 70 MiB backup through the options page, and the options page exports all of it again', async () => {
    // The fresh install's own export, with one contractor and their notes added: a file Vetted wrote.
    const base = JSON.parse((await session.send('exportBackup', {})).text);
    const T = Date.UTC(2026, 10, 1);
    base.data.contractors.push({
      key: KEY,
      site: 'upwork',
      siteId: '~01b16b1ee7c083a776',
      name: 'Ada Longnotes',
      profileUrl: 'https://www.upwork.com/freelancers/~01b16b1ee7c083a776',
      status: 'shortlisted',
      tags: [],
      firstSeenAt: T,
      lastSeenAt: T,
      history: [],
      links: [],
      createdAt: T,
      updatedAt: T,
    });
    for (let i = 0; i < NOTES; i++) {
      base.data.notes.push({ id: `big-${i}`, contractorKey: KEY, kind: 'general', body: body(i), createdAt: T + i, updatedAt: T + i });
    }
    const file = path.join(tmp, 'vetted-backup-big.json');
    fs.writeFileSync(file, JSON.stringify(base));
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(64 * MIB);

    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('last-backup').waitFor();
    await options.getByTestId('import-file').setInputFiles(file);
    await options
      .getByTestId('last-backup')
      .getByText(/Restored from a backup/)
      .waitFor({ timeout: 120_000 });
    const report = (await options.getByTestId('import-report').textContent()) ?? '';
    expect(report).not.toMatch(/too large|could not/i);
    const stored = await session.send('getContractor', { key: KEY });
    expect(stored?.contractor.name).toBe('Ada Longnotes');
    expect(stored?.notesTotal).toBe(NOTES);

    await options.reload();
    await options.getByTestId('last-backup').waitFor();
    const [download] = await Promise.all([
      options.waitForEvent('download', { timeout: 120_000 }),
      options.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    const out = path.join(tmp, download.suggestedFilename());
    await download.saveAs(out);
    expect(fs.statSync(out).size).toBeGreaterThan(64 * MIB);
    const exported = JSON.parse(fs.readFileSync(out, 'utf8'));
    const notes = (exported.data.notes as { id: string; body: string }[]).filter((n) => n.id.startsWith('big-'));
    expect(notes).toHaveLength(NOTES);
    for (const n of notes) expect(n.body).toBe(body(Number(n.id.slice(4))));
    expect(await options.getByRole('alert').count()).toBe(0);
    await options.close();
  }, 300_000);
});
