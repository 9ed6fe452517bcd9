import { describe, expect, it } from 'vitest';
import { badgeText, dueReminders } from '../../../lib/domain/project-reminders';
import { NOW, at, bundle, milestone, payment } from './fixtures';

const opts = { timeZone: 'UTC', locale: 'en-US' };

// Today is 27 Nov 2026.
const busy = bundle(
  { id: 'p1', title: 'Website', budgetMinor: 100000, checkInDays: 7, lastContactAt: at('2026-11-18T15:00:00Z') },
  [
    milestone({ id: 'design', title: 'Design', dueDate: '2026-11-25' }),
    milestone({ id: 'build', title: 'Build', dueDate: '2026-11-28', status: 'in-progress' }),
    milestone({ id: 'test', title: 'Test', dueDate: '2026-11-29' }),
    milestone({ id: 'old', title: 'Old', dueDate: '2026-11-20', status: 'approved' }),
    milestone({ id: 'paid', title: 'Paid', dueDate: '2026-11-21', status: 'paid' }),
    milestone({ id: 'undated', title: 'Undated' }),
  ],
  [payment(120000)],
);

describe('dueReminders', () => {
  it('reminds of overdue and imminent milestones, late check-ins and overspending, most urgent first', () => {
    const list = dueReminders([busy], NOW, opts);
    expect(list.map((r) => [r.kind, r.message])).toEqual([
      ['milestone-overdue', '“Design” is 2 days overdue'],
      ['milestone-due', '“Build” is due tomorrow'],
      ['check-in-overdue', 'No contact for 9 days (check in every 7 days)'],
      ['over-budget', 'Over budget: $1,200.00 spent of $1,000.00'],
    ]);
    expect(list[0]).toEqual({
      id: 'milestone-overdue:p1:design',
      projectId: 'p1',
      milestoneId: 'design',
      kind: 'milestone-overdue',
      title: 'Website',
      message: '“Design” is 2 days overdue',
      date: '2026-11-25',
    });
    expect(list.map((r) => r.id)).toEqual([
      'milestone-overdue:p1:design',
      'milestone-due:p1:build',
      'check-in-overdue:p1',
      'over-budget:p1',
    ]);
  });

  it('keeps ids stable between runs so notifications are not repeated', () => {
    expect(dueReminders([busy], NOW + 3_600_000, opts).map((r) => r.id)).toEqual(dueReminders([busy], NOW, opts).map((r) => r.id));
  });

  it('uses dueWithinDays: 0 for today only, 2 to include the day after tomorrow', () => {
    expect(dueReminders([busy], NOW, { ...opts, dueWithinDays: 0 }).filter((r) => r.kind === 'milestone-due')).toEqual([]);
    expect(
      dueReminders([busy], NOW, { ...opts, dueWithinDays: 2 })
        .filter((r) => r.kind === 'milestone-due')
        .map((r) => r.message),
    ).toEqual(['“Build” is due tomorrow', '“Test” is due in 2 days']);
  });

  it('says "today" and "1 day overdue"', () => {
    const b = bundle({}, [milestone({ title: 'Now', dueDate: '2026-11-27' }), milestone({ title: 'Then', dueDate: '2026-11-26' })]);
    expect(dueReminders([b], NOW, opts).map((r) => r.message)).toEqual(['“Then” is 1 day overdue', '“Now” is due today']);
  });

  it('follows the user zone near midnight', () => {
    const b = bundle({}, [milestone({ title: 'Due 1 Dec', dueDate: '2026-12-01' })]);
    // 10:30 UTC on 1 Dec: already 2 Dec in Kiritimati (a day late), just 1 Dec in Honolulu (due today).
    const t = at('2026-12-01T10:30:00Z');
    expect(dueReminders([b], t, { timeZone: 'Pacific/Kiritimati' }).map((r) => r.kind)).toEqual(['milestone-overdue']);
    expect(dueReminders([b], t, { timeZone: 'Pacific/Honolulu' }).map((r) => r.message)).toEqual(['“Due 1 Dec” is due today']);
  });

  it('mentions a check-in never logged', () => {
    const b = bundle({ checkInDays: 7, createdAt: at('2026-11-10T10:00:00Z') });
    expect(dueReminders([b], NOW, opts).map((r) => r.message)).toEqual(['No check-in logged yet (planned every 7 days)']);
    const daily = bundle({ checkInDays: 1, lastContactAt: at('2026-11-25T10:00:00Z') });
    expect(dueReminders([daily], NOW, opts).map((r) => r.message)).toEqual(['No contact for 2 days (check in every 1 day)']);
  });

  it('ignores projects that are not active', () => {
    for (const status of ['planned', 'paused', 'completed', 'cancelled'] as const) {
      const b = { ...busy, project: { ...busy.project, status } };
      expect(dueReminders([b], NOW, opts)).toEqual([]);
    }
  });

  it('is empty for no projects or calm ones', () => {
    expect(dueReminders([], NOW, opts)).toEqual([]);
    expect(dueReminders([bundle({ budgetMinor: 100 }, [milestone({ dueDate: '2026-12-20' })], [payment(100)])], NOW, opts)).toEqual([]);
  });

  it('orders several projects by kind, then date, then title', () => {
    const x = bundle({ id: 'x', title: 'X' }, [milestone({ id: 'x1', dueDate: '2026-11-26' })]);
    const y = bundle({ id: 'y', title: 'Y' }, [milestone({ id: 'y1', dueDate: '2026-11-20' })]);
    const z = bundle({ id: 'z', title: 'A' }, [milestone({ id: 'z1', dueDate: '2026-11-26' })]);
    expect(dueReminders([x, y, z], NOW, opts).map((r) => r.milestoneId)).toEqual(['y1', 'z1', 'x1']);
  });
});

describe('badgeText', () => {
  it('hides at zero and caps at 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
