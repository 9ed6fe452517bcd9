/**
 * Money as integer minor units plus an ISO 4217 code (DESIGN.md rule 5). Totals are kept per
 * currency and never converted: an exchange rate the user did not choose would be a silent lie.
 */
import type { Money } from '../db/schema';
import { numberFormat } from './intl-cache';

export type MoneyTotals = Record<string, number>;

const digitsCache = new Map<string, number>();

/** Minor digits of a currency as Intl knows them (JPY 0, USD 2, KWD 3); 2 when unknown. */
export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  const cached = digitsCache.get(code);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // Malformed code: keep the common case rather than throw while rendering.
  }
  digitsCache.set(code, digits);
  return digits;
}

/** Major-unit value of an amount, for display and ratios only (never store it). */
export function toMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

export interface FormatMoneyOptions {
  /** Drop ".00" when the amount is whole ("$500" rather than "$500.00"). */
  trimZeroFraction?: boolean;
}

/** "$1,250.50", "¥1,250", "KWD 1.250" … in the given locale (default: the runtime's). */
export function formatMoney(amountMinor: number, currency: string, locale?: string, options: FormatMoneyOptions = {}): string {
  const digits = minorDigits(currency);
  const whole = amountMinor % 10 ** digits === 0;
  const fraction = options.trimZeroFraction && whole ? 0 : digits;
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: fraction,
      maximumFractionDigits: fraction,
    }).format(amountMinor / 10 ** digits);
  } catch {
    return `${(amountMinor / 10 ** digits).toFixed(fraction)} ${currency}`;
  }
}

const MAX_MINOR = 1e13;

/**
 * Parses an amount the user typed into minor units: "1,250.50", "1250", "1.250,50", "1 250,50",
 * "$1,250.50", "1'250.50", "1,00,000", "-20". Returns null when the text is not an amount, or when
 * it has more decimals than the currency allows (12.345 USD) — better to ask again than to round
 * silently. What formatMoney prints (with all its decimals) in the same locale parses back to the
 * same amount, and so does decimalAmount's output.
 *
 * One separator followed by exactly three digits ("1,250", "1.250") is ambiguous. It is a thousands
 * separator, except "." in a three-decimal currency (KWD 1.250 is one and a quarter) and, when a
 * `locale` is given, that locale's decimal separator ("1,250" in de-DE is one and a quarter).
 */
export function parseMoneyInput(text: string, currency: string, locale?: string): number | null {
  const digits = minorDigits(currency);
  let s = text.trim();
  if (s === '') return null;
  let negative = false;
  // Accept a minus sign anywhere before the digits ("-$20", "$-20", "−20").
  s = s.replace(/^([^\d.,]*?)[-−]/, (_m, before: string) => {
    negative = true;
    return before;
  });
  // Currency symbols or codes around the number, spaces and apostrophes used as group separators.
  s = s.replace(/^[^\d.,]+/, '').replace(/[^\d.,]+$/, '');
  s = s.replace(/[\s\u00a0\u202f'’]/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;

  let intPart: string;
  let fracPart = '';
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalSep = lastDot > lastComma ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (intPart.includes(decimalSep) || !validGrouping(intPart, groupSep)) return null;
    intPart = intPart.split(groupSep).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    if (parts.length > 2) {
      if (!validGrouping(s, sep)) return null;
      intPart = parts.join('');
    } else {
      const [head = '', tail = ''] = parts;
      const looksGrouped =
        tail.length === 3 &&
        /^[1-9]\d{0,2}$/.test(head) &&
        !(digits === 3 && sep === '.') &&
        (locale === undefined || sep !== decimalSeparator(locale));
      if (looksGrouped) intPart = head + tail;
      else {
        intPart = head;
        fracPart = tail;
      }
    }
  } else {
    intPart = s;
  }
  if (intPart === '') intPart = '0';
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(fracPart)) return null;
  // Extra decimals are fine only when they are zeros ("12.500" USD).
  if (fracPart.length > digits) {
    if (!/^0*$/.test(fracPart.slice(digits))) return null;
    fracPart = fracPart.slice(0, digits);
  }
  const minor = Number(intPart.replace(/^0+(?=\d)/, '') + fracPart.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return null;
  return negative && minor !== 0 ? -minor : minor;
}

/**
 * "1,250,000" or the Indian "1,00,00,000": a first group of one to three digits, middle groups of
 * two or three, a last group of three.
 */
function validGrouping(s: string, sep: string): boolean {
  if (!s.includes(sep)) return /^\d*$/.test(s);
  const groups = s.split(sep);
  const last = groups.length - 1;
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/ : i === last ? /^\d{3}$/ : /^\d{2,3}$/).test(g));
}

function decimalSeparator(locale: string): string {
  try {
    return (
      numberFormat(locale)
        .formatToParts(1.5)
        .find((p) => p.type === 'decimal')?.value ?? '.'
    );
  } catch {
    return '.';
  }
}

/**
 * Exact decimal text of integer minor units, for input fields and CSV cells: "1250.50", "1250"
 * (JPY), "1.250" (KWD), "-5.00". String arithmetic, no float rounding, and always a "." decimal
 * point, which parseMoneyInput reads back whatever the locale.
 */
export function decimalAmount(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0');
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** What an amount field shows: the decimal text, or empty when there is no amount. */
export function amountInputText(amountMinor: number | undefined, currency: string): string {
  return amountMinor === undefined ? '' : decimalAmount(amountMinor, currency);
}

/** Per-currency sums, in first-seen order; no conversion. */
export function sumByCurrency(items: Iterable<Pick<Money, 'amountMinor' | 'currency'>>): MoneyTotals {
  const totals: MoneyTotals = {};
  for (const { amountMinor, currency } of items) {
    totals[currency] = (totals[currency] ?? 0) + amountMinor;
  }
  return totals;
}

/** Adds `b` into a copy of `a`. */
export function addTotals(a: Readonly<MoneyTotals>, b: Readonly<MoneyTotals>): MoneyTotals {
  const out: MoneyTotals = { ...a };
  for (const [currency, amount] of Object.entries(b)) out[currency] = (out[currency] ?? 0) + amount;
  return out;
}

/** Totals as a list sorted by currency code, for stable rendering. */
export function totalsList(totals: Readonly<MoneyTotals>): Money[] {
  return Object.keys(totals)
    .sort()
    .map((currency) => ({ currency, amountMinor: totals[currency] ?? 0 }));
}

export interface FormatTotalsOptions extends FormatMoneyOptions {
  /** Between currencies; default " + ". */
  separator?: string;
  /** Text for no totals at all; default "". */
  empty?: string;
}

/** "$1,200.00 + €300.00" (sorted by currency code), or options.empty when there is nothing. */
export function formatTotals(totals: Readonly<MoneyTotals>, locale?: string, options: FormatTotalsOptions = {}): string {
  const list = totalsList(totals);
  if (list.length === 0) return options.empty ?? '';
  return list.map((m) => formatMoney(m.amountMinor, m.currency, locale, options)).join(options.separator ?? ' + ');
}
