/**
 * Every broken file is refused with a message that says what is wrong and where, and the
 * database is exactly as it was (no row added, changed or removed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../lib/backup';
import { BackupError } from '../../../lib/backup/errors';
import { MAX_BACKUP_BYTES } from '../../../lib/backup/format';
import { readBackup } from '../../../lib/backup/read';
import type { VettedDb } from '../../../lib/db/database';
import { counts, dump, fill, freshDb, NOW } from './sample-data';

let db: VettedDb;
let good: { format: string; version: number; exportedAt: number; data: Record<string, any> };
let goodText: string;

beforeAll(async () => {
  const source = freshDb();
  await fill(source);
  goodText = (await exportBackup(source, NOW)).text;
  good = JSON.parse(goodText);
  await source.delete();
  db = freshDb();
  await fill(db);
  // Something newer than the file, so a wrongly accepted file would show as a change.
  await db.notes.put({
    id: 'note-local',
    contractorKey: 'upwork:~01abc',
    kind: 'general',
    body: 'only here',
    createdAt: NOW,
    updatedAt: NOW,
  });
});
afterAll(async () => {
  await db.delete();
});

function edited(change: (file: any) => void): string {
  const copy = structuredClone(good);
  change(copy);
  return JSON.stringify(copy);
}

async function expectRejected(text: string, ...fragments: (string | RegExp)[]): Promise<string> {
  const before = await dump(db);
  const rowsBefore = await counts(db);
  const error = await importBackup(db, text, NOW + 1).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(BackupError);
  const message = (error as Error).message;
  for (const f of fragments) expect(message).toMatch(f);
  expect(message).toContain('Nothing was changed.');
  expect(await counts(db)).toEqual(rowsBefore);
  expect(await dump(db)).toEqual(before);
  return message;
}

describe('importBackup rejects a broken file and writes nothing', () => {
  it('bad JSON, with line and column', async () => {
    const text = '{\n  "format": "vetted-backup",\n  "version": 1,,\n}';
    await expectRejected(text, /not readable JSON/, /unexpected ',' at line 3, column 16/);
  });

  it('a truncated file (download cut off)', async () => {
    const text = goodText.slice(0, Math.floor(goodText.length * 0.6));
    await expectRejected(text, /incomplete/, /ends too early/, /line \d+, column \d+/);
  });

  it('a timestamp beyond any real date (issue 12: updatedAt 9e15 blanked the overlay)', async () => {
    await expectRejected(
      edited((f) => (f.data.notes[0].updatedAt = 9e15)),
      /notes/,
      /year 10000/,
    );
    await expectRejected(
      edited((f) => (f.data.contractors[0].lastSeenAt = 8.64e15)),
      /contractors/,
    );
  });

  it('an empty file', async () => {
    await expectRejected('   \n', /empty/);
  });

  it('foreign JSON (another app’s export)', async () => {
    await expectRejected(JSON.stringify({ bookmarks: [], version: 1 }), /not a Vetted backup/);
    await expectRejected(JSON.stringify([1, 2, 3]), /not a Vetted backup/);
    await expectRejected('"just a string"', /not a Vetted backup/);
  });

  it('a newer, unknown format version', async () => {
    await expectRejected(
      edited((f) => (f.version = 7)),
      /newer version of Vetted/,
      /format version 7/,
      /Update Vetted/,
    );
  });

  it('an older version no migration reaches', async () => {
    await expectRejected(
      edited((f) => (f.version = 0)),
      /format version 0/,
      /cannot read/,
    );
  });

  it('a version that is not a number', async () => {
    await expectRejected(
      edited((f) => (f.version = '1')),
      /no valid format version/,
    );
  });

  it('a missing field, naming the table, the record and the field', async () => {
    const text = edited((f) => delete f.data.notes[1].body);
    await expectRejected(text, /"notes"/, /record #2/, /id "note-2"/, /field "body" is missing/);
  });

  it('a field of the wrong type', async () => {
    const text = edited((f) => (f.data.payments[0].amountMinor = '500.00'));
    await expectRejected(text, /"payments"/, /record #1/, /id "pay-1"/, /field "amountMinor"/, /expected number/);
  });

  it('a nested field of the wrong type', async () => {
    const text = edited((f) => (f.data.projects[0].contract.signedAt = 'yesterday'));
    await expectRejected(text, /"projects"/, /field "contract\.signedAt"/);
  });

  it('a bad record in a compound-keyed table', async () => {
    const index = good.data.checks.findIndex((c: any) => c.contractorKey === 'upwork:~01abc' && c.itemId === 'reviews-read');
    const text = edited((f) => (f.data.checks[index].state = 'maybe'));
    await expectRejected(text, /"checks"/, `record #${index + 1} (contractorKey + itemId "upwork:~01abc / reviews-read")`, /field "state"/);
  });

  it('invalid settings', async () => {
    await expectRejected(
      edited((f) => (f.data.settings.dueSoonDays = -3)),
      /"settings"/,
      /field "dueSoonDays"/,
    );
  });

  it('duplicate keys', async () => {
    const text = edited((f) => f.data.notes.push({ ...f.data.notes[0], body: 'dupe' }));
    await expectRejected(text, /"notes"/, /records #1 and #3 have the same id "note-1"/);
  });

  it('duplicate compound keys', async () => {
    const text = edited((f) => f.data.checks.push({ ...f.data.checks[0] }));
    await expectRejected(text, /"checks"/, /the same contractorKey \+ itemId/);
  });

  it('a missing table and an unknown one', async () => {
    await expectRejected(
      edited((f) => delete f.data.milestones),
      /"milestones" list is missing/,
    );
    await expectRejected(
      edited((f) => (f.data.invoices = [])),
      /unknown section "invoices"/,
    );
    await expectRejected(
      edited((f) => (f.data.notes = {})),
      /"notes" should be a list/,
    );
  });

  it('no data section at all', async () => {
    await expectRejected(
      edited((f) => delete f.data),
      /no "data" section/,
    );
  });

  it('one good record among bad ones still writes nothing, and several problems are summarised', async () => {
    const text = edited((f) => {
      f.data.notes.push({ id: 'note-new', contractorKey: 'upwork:~01abc', kind: 'general', body: 'new', createdAt: 1, updatedAt: 1 });
      for (const p of f.data.payments) p.currency = 'dollars';
      f.data.ratings[0].quality = 9;
      f.data.milestones[0].status = 'done';
      f.data.contractors[0].status = 'maybe';
      f.data.contractors[1].status = 'maybe';
    });
    const message = await expectRejected(text, /\d+ more problems? not listed/);
    expect(await db.notes.get('note-new')).toBeUndefined();
    expect(message.length).toBeLessThan(1000);
  });

  it('a file larger than the limit, before reading it', async () => {
    const padding = 'x'.repeat(MAX_BACKUP_BYTES);
    const text = `{"format":"vetted-backup","version":1,"exportedAt":1,"data":{},"pad":"${padding}"}`;
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1).replace('.', '\\.');
    await expectRejected(text, new RegExp(`too large \\(${mb(text.length)} MB\\)`), new RegExp(`at most ${mb(MAX_BACKUP_BYTES)} MB`));
  });

  it('counts multi-byte characters as UTF-8 bytes for the size limit', () => {
    // 17.5 M three-byte characters: under a 50 MB limit in characters, over it in bytes.
    const text = '€'.repeat(17.5 * 1024 * 1024);
    expect(() => readBackup(text, { maxBytes: 50 * 1024 * 1024 })).toThrow(/too large \(52\.5 MB\)/);
  });
});

describe('importBackup accepts small variations of a good file', () => {
  it('a byte-order mark added by an editor', async () => {
    const target = freshDb();
    const report = await importBackup(target, `\uFEFF${goodText}`, NOW);
    expect(report.tables.notes?.added).toBe(good.data.notes.length);
    await target.delete();
  });
});
