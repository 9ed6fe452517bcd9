/** A small but complete data set, written straight into a fresh fake-indexeddb database. */
import { openDb, TABLE_NAMES, type VettedDb } from '../../../lib/db/database';
import { defaultSettings } from '../../../lib/db/repositories/settings';
import type { Check, Contractor, ContractorList, Milestone, Note, Payment, Project, Rating, SettingsRow } from '../../../lib/db/schema';

let counter = 0;
export function freshDb(): VettedDb {
  counter++;
  return openDb(`backup-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const T0 = Date.UTC(2026, 9, 1, 12);
export const NOW = Date.UTC(2026, 10, 27, 12);

export function contractor(key: string, patch: Partial<Contractor> = {}): Contractor {
  const [site, siteId] = key.split(':') as [Contractor['site'], string];
  return {
    key,
    site,
    siteId,
    name: `Person ${siteId}`,
    profileUrl: `https://www.${site}.com/freelancers/${siteId}`,
    status: 'shortlisted',
    tags: ['design'],
    firstSeenAt: T0,
    lastSeenAt: T0,
    history: [{ at: T0, rate: { amountMinor: 4500, currency: 'USD', unit: 'hour' } }],
    links: [],
    rate: { amountMinor: 4500, currency: 'USD', unit: 'hour' },
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

export function sampleData() {
  const contractors: Contractor[] = [
    contractor('upwork:~01abc'),
    contractor('fiverr:tonigdesign', { name: 'Toni, "the" designer', headline: 'Logos\nand brands' }),
  ];
  const checks: Check[] = [
    { contractorKey: 'upwork:~01abc', itemId: 'interview-held', state: 'done', note: 'Good call', updatedAt: T0 },
    { contractorKey: 'upwork:~01abc', itemId: 'reviews-read', state: 'failed', updatedAt: T0 },
    { contractorKey: 'fiverr:tonigdesign', itemId: 'interview-held', state: 'na', updatedAt: T0 },
  ];
  const notes: Note[] = [
    { id: 'note-1', contractorKey: 'upwork:~01abc', kind: 'interview', body: 'Knows Dexie well ✓', createdAt: T0, updatedAt: T0 },
    { id: 'note-2', projectId: 'proj-1', kind: 'budget', body: 'Asked for 10% more', createdAt: T0, updatedAt: T0 },
  ];
  const ratings: Rating[] = [
    {
      id: 'rating-1',
      contractorKey: 'upwork:~01abc',
      projectId: 'proj-1',
      quality: 5,
      communication: 4,
      timeliness: 4,
      value: 5,
      wouldRehire: true,
      comment: 'Great',
      createdAt: T0,
      updatedAt: T0,
    },
  ];
  const projects: Project[] = [
    {
      id: 'proj-1',
      title: 'Website redesign',
      contractorKey: 'upwork:~01abc',
      status: 'active',
      paymentModel: 'milestones',
      currency: 'USD',
      budgetMinor: 250000,
      startDate: '2026-10-01',
      deadline: '2026-12-15',
      contract: { signedAt: '2026-10-02', expectations: 'Responsive, accessible' },
      checkInDays: 7,
      lastContactAt: T0,
      createdAt: T0,
      updatedAt: T0,
    },
  ];
  const milestones: Milestone[] = [
    {
      id: 'ms-1',
      projectId: 'proj-1',
      title: 'Wireframes',
      dueDate: '2026-10-20',
      amountMinor: 50000,
      status: 'paid',
      createdAt: T0,
      updatedAt: T0,
    },
  ];
  const payments: Payment[] = [
    {
      id: 'pay-1',
      projectId: 'proj-1',
      milestoneId: 'ms-1',
      amountMinor: 50000,
      currency: 'USD',
      paidAt: '2026-10-21',
      note: 'first',
      createdAt: T0,
      updatedAt: T0,
    },
  ];
  const settings: SettingsRow = { ...defaultSettings(), defaultCurrency: 'EUR', dueSoonDays: 5, updatedAt: T0, key: 'settings' };
  // issue 16
  const lists: ContractorList[] = [
    { id: 'list-1', name: 'Logo designers, March', keys: [contractors[0]!.key], createdAt: T0, updatedAt: T0 },
  ];
  return { contractors, checks, notes, ratings, projects, milestones, payments, lists, settings };
}

export async function fill(db: VettedDb, data = sampleData()): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.contractors.bulkPut(data.contractors);
    await db.checks.bulkPut(data.checks);
    await db.notes.bulkPut(data.notes);
    await db.ratings.bulkPut(data.ratings);
    await db.projects.bulkPut(data.projects);
    await db.milestones.bulkPut(data.milestones);
    await db.payments.bulkPut(data.payments);
    await db.lists.bulkPut(data.lists);
    await db.settings.put(data.settings);
  });
}

/** Every row of every table: compared before and after a rejected import. */
export async function dump(db: VettedDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

export async function counts(db: VettedDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).count();
  return out;
}
