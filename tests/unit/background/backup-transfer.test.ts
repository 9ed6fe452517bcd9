/**
 * Issue 12 row 8 / issue 18: backups of any size the browser can hold come back. Files cross the
 * runtime messaging in parts (Chromium refuses a message past 64 MiB, and the error reads like a
 * lost connection), and the size limit leaves room for a heavy user's 50 MB and more.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BACKUP_BYTES } from '../../../lib/backup/format';
import { Transfers } from '../../../lib/background/transfers';
import { PART_CHARS, splitParts } from '../../../lib/messaging/transfer';
import { makeHarness, T0, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.db.delete();
});

const KEY = 'upwork:~01abc';

async function sendInParts(text: string, uploadId = 'upload-1', skip?: number) {
  const parts = splitParts(text);
  for (let i = 0; i < parts.length; i++) {
    if (i === skip) continue;
    await h.ok('importBackupPart', { uploadId, index: i, count: parts.length, text: parts[i]! });
  }
  return parts.length;
}

describe('large backups', () => {
  it('a 52 MB export imports, sent in parts none of which is larger than one message may be', async () => {
    await h.ok('trackContractor', {
      profile: { key: KEY, site: 'upwork', siteId: '~01abc', name: 'Ada', profileUrl: 'https://www.upwork.com/freelancers/~01abc' },
    });
    const exported = await h.ok('exportBackup', {});
    expect(exported.parts).toBeUndefined();
    await h.db.delete();
    h = makeHarness();
    // The same file as a heavy user's: indentation makes up the bulk here, as it does in a real export.
    const file = JSON.parse(exported.text) as Record<string, unknown>;
    const text = JSON.stringify(file, null, 2).replace('{', `{${' '.repeat(52 * 1024 * 1024)}`);
    expect(text.length).toBeGreaterThan(52 * 1024 * 1024);
    expect(text.length).toBeLessThan(MAX_BACKUP_BYTES);
    const count = await sendInParts(text);
    expect(count).toBeGreaterThan(1);
    const report = await h.ok('importBackup', { uploadId: 'upload-1' });
    expect(report.tables.contractors).toMatchObject({ added: 1 });
    expect((await h.ok('getContractor', { key: KEY }))?.contractor.name).toBe('Ada');
  });

  it('an upload with a part missing is refused and changes nothing', async () => {
    const exported = await h.ok('exportBackup', {});
    const text = exported.text.replace('{', `{${' '.repeat(PART_CHARS + 10)}`);
    await sendInParts(text, 'upload-2', 0);
    const reply = await h.call('importBackup', { uploadId: 'upload-2' });
    expect(reply).toMatchObject({ ok: false, code: 'not-found' });
    expect(reply.ok ? '' : reply.error).toMatch(/Nothing was changed/);
  });

  it('an export larger than one message comes in parts that join into the whole file', async () => {
    const body = 'x'.repeat(20_000);
    const notes = Array.from({ length: 450 }, (_, i) => ({
      id: `n${i}`,
      contractorKey: KEY,
      kind: 'general' as const,
      body,
      createdAt: T0,
      updatedAt: T0,
    }));
    await h.db.notes.bulkAdd(notes);
    const first = await h.ok('exportBackup', {});
    expect(first.parts).toBeDefined();
    expect(first.text.length).toBeLessThanOrEqual(PART_CHARS);
    const all = [first.text];
    for (let i = 1; i < first.parts!.count; i++) {
      const part = await h.ok('getBackupPart', { id: first.parts!.id, index: i });
      expect(part.text.length).toBeLessThanOrEqual(PART_CHARS);
      all.push(part.text);
    }
    const file = JSON.parse(all.join('')) as { data: { notes: unknown[] } };
    expect(file.data.notes).toHaveLength(notes.length);
    // Each part is handed out once.
    expect(await h.call('getBackupPart', { id: first.parts!.id, index: 1 })).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('Transfers', () => {
  it('forgets what was not collected in time', () => {
    let now = 0;
    const t = new Transfers(
      () => now,
      4,
      () => 'd1',
    );
    const offered = t.offerDownload('abcdefghij');
    expect(offered).toEqual({ text: 'abcd', parts: { id: 'd1', count: 3 } });
    expect(t.downloadPart('d1', 1)).toBe('efgh');
    t.putUploadPart('u1', 0, 2, 'ab');
    now = 11 * 60_000;
    expect(() => t.downloadPart('d1', 2)).toThrow(/no longer available/);
    expect(() => t.takeUpload('u1')).toThrow(/did not reach Vetted/);
  });
});
