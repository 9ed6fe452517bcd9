import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openDb, type VettedDb } from '../../../lib/db/database';
import { createProject, updateProject } from '../../../lib/db/repositories/projects';
import { saveMilestone } from '../../../lib/db/repositories/milestones';
import { savePayment } from '../../../lib/db/repositories/payments';
import { updateSettings } from '../../../lib/db/repositories/settings';
import { checkReminders } from '../../../lib/background/reminder-alarm';

// 2026-11-27 12:00 UTC; the test machine's zone is UTC unless TZ says otherwise, so dates are
// built relative to the zone the module uses.
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(NOW); // YYYY-MM-DD
const shift = (days: number) => new Date(Date.parse(today + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

let db: VettedDb;
let n = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`reminders-${++n}`);
  await db.open();
});

async function activeProject(title: string) {
  const p = await createProject(db, { title, status: 'active', paymentModel: 'milestones', currency: 'USD', budgetMinor: 100_000 }, NOW);
  return p;
}

describe('checkReminders', () => {
  it('shows no badge when nothing is due', async () => {
    await activeProject('Quiet');
    const reminders = await checkReminders(db, NOW);
    expect(reminders).toEqual([]);
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('counts an overdue milestone, a milestone due tomorrow and an over-budget project on the badge', async () => {
    const a = await activeProject('Website');
    await saveMilestone(db, a.id, undefined, { title: 'Design', dueDate: shift(-1), status: 'in-progress' }, NOW);
    await saveMilestone(db, a.id, undefined, { title: 'Build', dueDate: shift(1), status: 'pending' }, NOW);
    await saveMilestone(db, a.id, undefined, { title: 'Later', dueDate: shift(10), status: 'pending' }, NOW);
    const b = await activeProject('Logo');
    await savePayment(db, b.id, undefined, { amountMinor: 120_000, currency: 'USD', paidAt: shift(-2) }, NOW);

    const reminders = await checkReminders(db, NOW);
    expect(reminders.map((r) => r.kind)).toEqual(['milestone-overdue', 'milestone-due', 'over-budget']);
    expect(await browser.action.getBadgeText({})).toBe('3');
  });

  it('ignores projects that are not active', async () => {
    const p = await activeProject('Paused one');
    await saveMilestone(db, p.id, undefined, { title: 'Late', dueDate: shift(-3), status: 'pending' }, NOW);
    await updateProject(db, p.id, { status: 'paused' }, NOW);
    expect(await checkReminders(db, NOW)).toEqual([]);
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('notifies only when allowed, and each reminder only once', async () => {
    const p = await activeProject('Copywriting');
    await saveMilestone(db, p.id, undefined, { title: 'Draft', dueDate: shift(-1), status: 'pending' }, NOW);

    await checkReminders(db, NOW);
    expect(Object.keys(await browser.notifications.getAll())).toHaveLength(0);

    await updateSettings(db, { notifications: true }, NOW);
    await checkReminders(db, NOW);
    const first = await browser.notifications.getAll();
    expect(Object.keys(first)).toHaveLength(1);
    expect(Object.keys(first)[0]).toContain(p.id);

    await browser.notifications.clear(Object.keys(first)[0]!);
    await checkReminders(db, NOW + 3_600_000);
    expect(Object.keys(await browser.notifications.getAll())).toHaveLength(0);
  });
});
