/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings. A due date is a day, not an instant: it is
 * computed with UTC arithmetic on the date itself so it never shifts with DST or time zones.
 * Only turning an instant (epoch ms) into "which day is it" needs the user's time zone.
 */
import { dateTimeFormat, relativeTimeFormat } from './intl-cache';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Parts of a real calendar date, or null ("2027-02-29" is not one). */
export function parseIsoDate(date: string): DateParts | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(date: string): boolean {
  return parseIsoDate(date) !== null;
}

function partsOrThrow(date: string): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dayNumber(date: string): number {
  const { year, month, day } = partsOrThrow(date);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * DAY_MS);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      // An unknown zone name (old settings, a typo) must not break the popup: fall back to UTC.
      f = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    }
    dayFormatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day an instant falls on in a time zone (IANA name; unknown names mean UTC). */
export function dateInZone(instant: number, timeZone: string): IsoDate {
  // The popup asks for the same instants (now, each project's last contact) hundreds of times on
  // open: formatToParts was its largest script cost with 300 active projects (issue 18).
  const memoKey = `${timeZone}|${instant}`;
  const known = dayMemo.get(memoKey);
  if (known !== undefined) return known;
  const day = dateInZoneUncached(instant, timeZone);
  if (dayMemo.size >= 2_000) dayMemo.clear();
  dayMemo.set(memoKey, day);
  return day;
}

const dayMemo = new Map<string, IsoDate>();

function dateInZoneUncached(instant: number, timeZone: string): IsoDate {
  const parts = dayFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate({ year: get('year'), month: get('month'), day: get('day') });
}

/** Today's date for the user: `now` seen in `timeZone`. */
export function todayIn(now: number, timeZone: string): IsoDate {
  return dateInZone(now, timeZone);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + Math.trunc(days));
}

/** Adds months, clamping to the month's end: 31 Jan + 1 month = 28 Feb (29 in a leap year). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = partsOrThrow(date);
  const index = year * 12 + (month - 1) + Math.trunc(months);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** -1, 0 or 1; ISO dates compare as strings, this just says so. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days between the day of an instant and today, both seen in `timeZone`. */
export function calendarDaysSince(instant: number, now: number, timeZone: string): number {
  return daysBetween(dateInZone(instant, timeZone), dateInZone(now, timeZone));
}

export type Period = 'week' | 'month';

/** Start of the n-th period (0-based) from `start`; months are counted from the start itself, so a
 * retainer starting 31 Jan renews 28/29 Feb, 31 Mar, 30 Apr … (never drifting to the 28th). */
export function periodStart(start: IsoDate, period: Period, n: number): IsoDate {
  return period === 'week' ? addDays(start, 7 * n) : addMonths(start, n);
}

/**
 * Whole periods elapsed from `start` to `date`: 0 until one full week / month has passed.
 * 31 Jan → 28 Feb 2027 is one month (the clamped anniversary); → 27 Feb is zero.
 */
export function wholePeriodsBetween(start: IsoDate, date: IsoDate, period: Period): number {
  if (compareIsoDates(date, start) <= 0) return 0;
  if (period === 'week') return Math.floor(daysBetween(start, date) / 7);
  const a = partsOrThrow(start);
  const b = partsOrThrow(date);
  let n = (b.year - a.year) * 12 + (b.month - a.month);
  if (compareIsoDates(addMonths(start, n), date) > 0) n -= 1;
  return Math.max(0, n);
}

/**
 * Periods begun on or before `date`, counting the one that starts on `start` (a retainer is owed
 * for a period as soon as it begins): 0 before the start, 1 on the start day, 2 from the first
 * anniversary… Used for "periods to date" and, with the deadline, "periods to the deadline"
 * (a deadline is the last day of work, so a period beginning on it still counts).
 */
export function periodsStarted(start: IsoDate, date: IsoDate, period: Period): number {
  if (compareIsoDates(date, start) < 0) return 0;
  return wholePeriodsBetween(start, date, period) + 1;
}

/** "1 Dec" (same year as `today`) or "1 Dec 2027", in the given locale. */
export function formatDay(date: IsoDate, locale?: string, today?: IsoDate): string {
  const { year, month, day } = partsOrThrow(date);
  const sameYear = today !== undefined && parseIsoDate(today)?.year === year;
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** "today", "tomorrow", "in 3 days", "yesterday", "3 days ago" for a day offset. */
export function formatRelativeDays(days: number, locale?: string): string {
  return relativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}
