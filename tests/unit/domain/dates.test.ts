import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarDaysSince,
  compareIsoDates,
  dateInZone,
  daysBetween,
  daysInMonth,
  formatDay,
  formatIsoDate,
  formatRelativeDays,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  periodStart,
  periodsStarted,
  todayIn,
  wholePeriodsBetween,
} from '../../../lib/domain/dates';

const at = (iso: string) => Date.parse(iso);

describe('parseIsoDate / isIsoDate', () => {
  it('accepts real calendar days only', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-1-1')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('formats parts back, zero-padded', () => {
    expect(formatIsoDate({ year: 2028, month: 2, day: 9 })).toBe('2028-02-09');
    expect(formatIsoDate({ year: 999, month: 12, day: 31 })).toBe('0999-12-31');
  });

  it('knows leap years and month lengths', () => {
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('throws a clear error when arithmetic gets a non-date', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(/Not a calendar date/);
    expect(() => daysBetween('soon', '2026-01-01')).toThrow(/"soon"/);
  });
});

describe('dateInZone / todayIn', () => {
  it('sees the same instant as different days far apart in the world', () => {
    // 09:30 UTC on 1 Dec: 23:30 on 30 Nov in Honolulu (UTC−10), 23:30 on 1 Dec in Kiritimati (UTC+14).
    expect(todayIn(at('2026-12-01T09:30:00Z'), 'Pacific/Honolulu')).toBe('2026-11-30');
    expect(todayIn(at('2026-12-01T09:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-12-01');
    // One hour later both have crossed midnight.
    expect(todayIn(at('2026-12-01T10:30:00Z'), 'Pacific/Honolulu')).toBe('2026-12-01');
    expect(todayIn(at('2026-12-01T10:30:00Z'), 'Pacific/Kiritimati')).toBe('2026-12-02');
    expect(todayIn(at('2026-12-01T10:30:00Z'), 'UTC')).toBe('2026-12-01');
  });

  it('follows DST in Berlin (CEST +2 in summer, CET +1 in winter)', () => {
    expect(dateInZone(at('2026-07-01T22:30:00Z'), 'Europe/Berlin')).toBe('2026-07-02');
    expect(dateInZone(at('2026-12-01T22:30:00Z'), 'Europe/Berlin')).toBe('2026-12-01');
    expect(dateInZone(at('2026-12-01T23:30:00Z'), 'Europe/Berlin')).toBe('2026-12-02');
  });

  it('treats an unknown zone as UTC rather than failing', () => {
    expect(todayIn(at('2026-12-01T23:30:00Z'), 'Mars/Olympus')).toBe('2026-12-01');
  });

  it('handles a leap day', () => {
    expect(todayIn(at('2028-02-29T12:00:00Z'), 'UTC')).toBe('2028-02-29');
    expect(todayIn(at('2028-02-29T23:30:00Z'), 'Europe/Berlin')).toBe('2028-03-01');
  });
});

describe('daysBetween / addDays / compareIsoDates', () => {
  it('counts calendar days, negative backwards', () => {
    expect(daysBetween('2026-11-27', '2026-12-01')).toBe(4);
    expect(daysBetween('2026-12-01', '2026-11-27')).toBe(-4);
    expect(daysBetween('2026-11-27', '2026-11-27')).toBe(0);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2027-02-01', '2027-03-01')).toBe(28);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('is not fooled by DST changes (dates carry no time)', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-28', 2)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('compares', () => {
    expect(compareIsoDates('2026-11-27', '2026-12-01')).toBe(-1);
    expect(compareIsoDates('2026-12-01', '2026-11-27')).toBe(1);
    expect(compareIsoDates('2026-12-01', '2026-12-01')).toBe(0);
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-10-31', 1)).toBe('2026-11-30');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
  });

  it('moves a leap day to 28 Feb in common years and back on 29 Feb four years on', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
  });

  it('crosses years in both directions', () => {
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2027-01-15', -13)).toBe('2025-12-15');
    expect(addMonths('2027-01-15', 0)).toBe('2027-01-15');
  });
});

describe('calendarDaysSince', () => {
  it('counts calendar days in the zone, not 24-hour blocks, across the autumn DST change', () => {
    // 25 Oct 2026 00:30 CEST → 25 Oct 23:30 CET: 24 hours, same calendar day.
    expect(calendarDaysSince(at('2026-10-24T22:30:00Z'), at('2026-10-25T22:30:00Z'), 'Europe/Berlin')).toBe(0);
    // → 26 Oct 00:30 CET: 25 hours, next day.
    expect(calendarDaysSince(at('2026-10-24T22:30:00Z'), at('2026-10-25T23:30:00Z'), 'Europe/Berlin')).toBe(1);
  });

  it('across the spring DST change a 23-hour gap can be a new day', () => {
    // 28 Mar 2027 00:30 CET → 29 Mar 00:30 CEST is 23 hours.
    expect(calendarDaysSince(at('2027-03-27T23:30:00Z'), at('2027-03-28T22:30:00Z'), 'Europe/Berlin')).toBe(1);
  });

  it('depends on the zone near midnight', () => {
    // 23:00 UTC 26 Nov → 01:00 UTC 27 Nov: a new day in UTC, the same day in Honolulu (13:00 → 15:00 on 26 Nov).
    const from = at('2026-11-26T23:00:00Z');
    const to = at('2026-11-27T01:00:00Z');
    expect(calendarDaysSince(from, to, 'UTC')).toBe(1);
    expect(calendarDaysSince(from, to, 'Pacific/Honolulu')).toBe(0);
  });
});

describe('retainer periods', () => {
  it('starts each month from the original day, clamped (no drift after February)', () => {
    expect(periodStart('2027-01-31', 'month', 0)).toBe('2027-01-31');
    expect(periodStart('2027-01-31', 'month', 1)).toBe('2027-02-28');
    expect(periodStart('2027-01-31', 'month', 2)).toBe('2027-03-31');
    expect(periodStart('2027-01-31', 'month', 3)).toBe('2027-04-30');
    expect(periodStart('2026-11-02', 'week', 3)).toBe('2026-11-23');
  });

  it('counts whole periods elapsed', () => {
    expect(wholePeriodsBetween('2027-01-31', '2027-02-27', 'month')).toBe(0);
    expect(wholePeriodsBetween('2027-01-31', '2027-02-28', 'month')).toBe(1);
    expect(wholePeriodsBetween('2027-01-31', '2027-03-30', 'month')).toBe(1);
    expect(wholePeriodsBetween('2027-01-31', '2027-03-31', 'month')).toBe(2);
    expect(wholePeriodsBetween('2026-09-15', '2026-11-27', 'month')).toBe(2);
    expect(wholePeriodsBetween('2026-11-02', '2026-11-15', 'week')).toBe(1);
    expect(wholePeriodsBetween('2026-11-02', '2026-11-16', 'week')).toBe(2);
    expect(wholePeriodsBetween('2026-11-02', '2026-11-02', 'week')).toBe(0);
    expect(wholePeriodsBetween('2026-11-02', '2026-10-01', 'month')).toBe(0);
  });

  it('counts periods begun, including the one starting on the start day', () => {
    expect(periodsStarted('2026-09-15', '2026-09-14', 'month')).toBe(0);
    expect(periodsStarted('2026-09-15', '2026-09-15', 'month')).toBe(1);
    // 15 Sep, 15 Oct, 15 Nov
    expect(periodsStarted('2026-09-15', '2026-11-27', 'month')).toBe(3);
    // 2, 9, 16, 23 Nov
    expect(periodsStarted('2026-11-02', '2026-11-27', 'week')).toBe(4);
    // 31 Jan, then 29 Feb in a leap year
    expect(periodsStarted('2028-01-31', '2028-02-28', 'month')).toBe(1);
    expect(periodsStarted('2028-01-31', '2028-02-29', 'month')).toBe(2);
  });
});

describe('formatDay / formatRelativeDays', () => {
  it('shows a short day, with the year only when it is not this year', () => {
    expect(formatDay('2026-12-01', 'en-GB', '2026-11-27')).toBe('1 Dec');
    expect(formatDay('2026-12-01', 'en-US', '2026-11-27')).toBe('Dec 1');
    expect(formatDay('2027-01-05', 'en-GB', '2026-11-27')).toBe('5 Jan 2027');
    expect(formatDay('2028-02-29', 'en-GB')).toBe('29 Feb 2028');
  });

  it('never shifts the day whatever the runtime zone (formats in UTC)', () => {
    expect(formatDay('2026-01-01', 'en-GB', '2026-06-01')).toBe('1 Jan');
  });

  it('says today, tomorrow, yesterday, in N days, N days ago', () => {
    expect(formatRelativeDays(0, 'en')).toBe('today');
    expect(formatRelativeDays(1, 'en')).toBe('tomorrow');
    expect(formatRelativeDays(-1, 'en')).toBe('yesterday');
    expect(formatRelativeDays(3, 'en')).toBe('in 3 days');
    expect(formatRelativeDays(-3, 'en')).toBe('3 days ago');
  });
});
