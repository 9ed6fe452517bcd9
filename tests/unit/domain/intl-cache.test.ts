import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from '../../../lib/domain/intl-cache';
import { formatMoney } from '../../../lib/domain/money';
import { formatDay, formatRelativeDays } from '../../../lib/domain/dates';

describe('Intl formatter cache', () => {
  it('hands back the same formatter for the same locale and options', () => {
    expect(numberFormat('en-US', { maximumFractionDigits: 1 })).toBe(numberFormat('en-US', { maximumFractionDigits: 1 }));
    expect(dateTimeFormat('de-DE', { month: 'short' })).toBe(dateTimeFormat('de-DE', { month: 'short' }));
    expect(relativeTimeFormat('fr', { numeric: 'auto' })).toBe(relativeTimeFormat('fr', { numeric: 'auto' }));
  });

  it('keeps different locales and options apart', () => {
    expect(numberFormat('en-US')).not.toBe(numberFormat('de-DE'));
    expect(numberFormat('en-US', { maximumFractionDigits: 1 })).not.toBe(numberFormat('en-US', { maximumFractionDigits: 2 }));
    expect(numberFormat('de-DE').format(1234.5)).toBe(new Intl.NumberFormat('de-DE').format(1234.5));
    expect(numberFormat('en-US').format(1234.5)).toBe(new Intl.NumberFormat('en-US').format(1234.5));
  });

  it('throws for a bad currency every time (callers fall back), and caches nothing for it', () => {
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOT A CODE' })).toThrow(RangeError);
    expect(() => numberFormat('en', { style: 'currency', currency: 'NOT A CODE' })).toThrow(RangeError);
    expect(formatMoney(1250, 'NOT A CODE', 'en-US')).toBe('12.50 NOT A CODE');
  });

  it('formats as a fresh formatter would, call after call', () => {
    const fresh = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    for (const minor of [0, 1, 125_050, -990]) expect(formatMoney(minor, 'EUR', 'en-US')).toBe(fresh.format(minor / 100));
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
    expect(formatDay('2027-03-05', 'en-GB')).toBe(day.format(new Date(Date.UTC(2027, 2, 5))));
    expect(formatDay('2027-03-05', 'en-GB')).toBe(day.format(new Date(Date.UTC(2027, 2, 5))));
    expect(formatRelativeDays(1, 'en')).toBe(new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(1, 'day'));
  });
});
