/** How the board and the comparison write values. */
import type { Rate } from '../../lib/db/schema';
import { formatMoney } from '../../lib/domain/money';

const UNIT: Record<Rate['unit'], string> = { hour: '/h', fixed: ' fixed', from: ' and up' };

export function rateText(rate: Rate | undefined, locale?: string): string {
  if (!rate) return '—';
  const amount = formatMoney(rate.amountMinor, rate.currency, locale, { trimZeroFraction: true });
  return rate.unit === 'from' ? `from ${amount}` : `${amount}${UNIT[rate.unit]}`;
}

export function dayText(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(ms));
}

export function ratingText(rating: number | null, locale?: string): string {
  return rating === null ? '—' : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rating);
}
