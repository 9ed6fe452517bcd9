/** Whether a project's check-in rhythm is kept: days since the last contact, and when the next is due. */
import { addDays, dateInZone, daysBetween, todayIn, type IsoDate } from './dates';
import type { ProjectInput } from './project-records';

export interface CheckInStatus {
  /** Rhythm in days; null when the project has none. */
  everyDays: number | null;
  lastContactAt: number | null;
  /** Calendar days since the last logged contact in the user's zone; null when never logged. */
  daysSinceContact: number | null;
  /** Day the next check-in is due: last contact (else creation or a later start) + rhythm; null without rhythm. */
  dueDate: IsoDate | null;
  overdue: boolean;
  /** Days past dueDate, 0 when not late. */
  daysLate: number;
}

export function checkInStatus(project: ProjectInput, now: number, timeZone: string): CheckInStatus {
  const today = todayIn(now, timeZone);
  const lastContactAt = project.lastContactAt ?? null;
  const daysSinceContact = lastContactAt === null ? null : Math.max(0, daysBetween(dateInZone(lastContactAt, timeZone), today));
  const every = project.checkInDays && project.checkInDays > 0 ? project.checkInDays : null;
  if (every === null) {
    return { everyDays: null, lastContactAt, daysSinceContact, dueDate: null, overdue: false, daysLate: 0 };
  }
  // Never contacted: the rhythm runs from when the project was created, or from its start date
  // when that is later (no nagging about a project that has not begun).
  let baseline = dateInZone(lastContactAt ?? project.createdAt, timeZone);
  if (lastContactAt === null && project.startDate && project.startDate > baseline) baseline = project.startDate;
  const dueDate = addDays(baseline, every);
  const daysLate = Math.max(0, daysBetween(dueDate, today));
  return { everyDays: every, lastContactAt, daysSinceContact, dueDate, overdue: daysLate > 0, daysLate };
}
