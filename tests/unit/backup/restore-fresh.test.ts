/**
 * Issue 14: export → delete everything → open a known profile (Vetted creates a fresh "Prospect"
 * record and remembers the overlay as open) → import. The user's own choices must come back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../lib/backup';
import { TABLE_NAMES, type VettedDb } from '../../../lib/db/database';
import { linkContractors, updateContractor, upsertSnapshot } from '../../../lib/db/repositories/contractors';
import { getSettings, updateSettings } from '../../../lib/db/repositories/settings';
import type { ProfileSnapshot } from '../../../lib/db/schema';
import { fill, freshDb, NOW, T0 } from './sample-data';

const open: VettedDb[] = [];
function db(): VettedDb {
  const d = freshDb();
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

const snapshot = (key: string, name: string): ProfileSnapshot => {
  const [site, siteId] = key.split(':') as [ProfileSnapshot['site'], string];
  return {
    key,
    site,
    siteId,
    name,
    profileUrl: `https://www.${site}.com/freelancers/${siteId}`,
    rate: { amountMinor: 4500, currency: 'USD', unit: 'hour' },
  };
};

async function clearAll(d: VettedDb) {
  await d.transaction('rw', d.tables, async () => {
    for (const t of TABLE_NAMES) await d.table(t).clear();
  });
}

const DAY = 86_400_000;

describe('restore onto a fresh install', () => {
  it('gives back the user’s status, tags, typed name, links and settings over a record Vetted made from the page', async () => {
    const d = db();
    await upsertSnapshot(d, snapshot('upwork:~01abc', 'Ana P.'), T0);
    await upsertSnapshot(d, snapshot('fiverr:ana', 'ana'), T0);
    await updateContractor(d, 'upwork:~01abc', { status: 'hired', tags: ['design'], name: 'Ana Pereira' }, T0 + DAY);
    await linkContractors(d, 'upwork:~01abc', 'fiverr:ana', T0 + DAY);
    await updateSettings(d, { defaultCurrency: 'EUR', dueSoonDays: 5 }, T0 + DAY);
    const { text } = await exportBackup(d, T0 + 2 * DAY);
    const first = JSON.parse(text);

    await clearAll(d);
    // Days later: the user opens the profile; the overlay records a fresh prospect and its open state.
    await upsertSnapshot(d, snapshot('upwork:~01abc', 'Ana P.'), NOW);
    await updateSettings(d, { overlayOpen: true }, NOW);

    const report = await importBackup(d, text, NOW + 1000);
    expect(report.tables.contractors).toEqual({ added: 1, updated: 1, skipped: 0 });

    const c = await d.contractors.get('upwork:~01abc');
    expect(c).toMatchObject({ status: 'hired', tags: ['design'], name: 'Ana Pereira', nameEditedByUser: true, links: ['fiverr:ana'] });
    expect(c?.firstSeenAt).toBe(T0);
    expect(c?.lastSeenAt).toBe(NOW);
    const s = await getSettings(d);
    expect(s.defaultCurrency).toBe('EUR');
    expect(s.dueSoonDays).toBe(5);
    expect(s.overlayOpen).toBe(true); // chosen after the backup: the newer choice stays
    expect(s.lastRestoreAt).toBe(NOW + 1000);
    expect(s.lastBackupAt).toBe(T0 + 2 * DAY);

    // Exact round trip: only the visit itself (last seen) and the bookkeeping differ.
    const again = JSON.parse((await exportBackup(d, NOW + 2000)).text);
    const norm = (cs: any[]) => cs.map(({ lastSeenAt: _l, updatedAt: _u, pageUpdatedAt: _p, ...rest }) => rest);
    expect(norm(again.data.contractors)).toEqual(norm(first.data.contractors));
    for (const t of ['checks', 'notes', 'ratings', 'projects', 'milestones', 'payments']) expect(again.data[t]).toEqual(first.data[t]);
    expect(again.data.settings.checklist).toEqual(first.data.settings.checklist);
  });

  it('works for a backup written before group times existed (falls back to updatedAt)', async () => {
    const source = db();
    await fill(source); // records without userUpdatedAt / fieldUpdatedAt, settings EUR
    const { text } = await exportBackup(source, NOW);
    const d = db();
    await upsertSnapshot(d, snapshot('upwork:~01abc', 'Person ~01abc'), NOW + DAY);
    await updateSettings(d, { overlayOpen: true }, NOW + DAY);
    await importBackup(d, text, NOW + DAY + 1);
    expect((await d.contractors.get('upwork:~01abc'))?.status).toBe('shortlisted');
    expect((await getSettings(d)).defaultCurrency).toBe('EUR');
  });

  it('a later user choice on this device still beats an older backup', async () => {
    const d = db();
    await upsertSnapshot(d, snapshot('upwork:~01abc', 'Ana'), T0);
    await updateContractor(d, 'upwork:~01abc', { status: 'shortlisted' }, T0 + 1);
    const { text } = await exportBackup(d, T0 + 2);
    await updateContractor(d, 'upwork:~01abc', { status: 'avoid' }, T0 + 3);
    await updateSettings(d, { defaultCurrency: 'GBP' }, T0 + 3);
    const report = await importBackup(d, text, T0 + 4);
    expect(report.tables.contractors).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect((await d.contractors.get('upwork:~01abc'))?.status).toBe('avoid');
    expect((await getSettings(d)).defaultCurrency).toBe('GBP');
  });

  it('the options page knows a restore happened', async () => {
    const d = db();
    await fill(d);
    const { text } = await exportBackup(d, NOW);
    await clearAll(d);
    await importBackup(d, text, NOW + 5);
    const s = await getSettings(d);
    expect(s.lastBackupAt).toBe(NOW);
    expect(s.lastRestoreAt).toBe(NOW + 5);
  });
});
