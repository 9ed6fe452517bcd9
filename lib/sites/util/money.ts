/**
 * Reads prices as shown on marketplace pages ("$40.00/hr", "$12 USD / hour", "From €25", "£1,200")
 * into integer minor units. Local on purpose: adapters stay independent of lib/domain.
 */
export interface ParsedMoney {
  amountMinor: number;
  currency: string;
}

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  A$: 'AUD',
  C$: 'CAD',
  CA$: 'CAD',
  AU$: 'AUD',
  '¥': 'JPY',
  R$: 'BRL',
  '₱': 'PHP',
  '₦': 'NGN',
};
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'HUF', 'UGX', 'XOF', 'XAF']);

/** Integer minor units of a decimal `amount` in `currency`; undefined for negative or absurd values. */
export function toMinor(amount: number, currency: string): number | undefined {
  if (!Number.isFinite(amount) || amount < 0 || amount > 1e9) return undefined;
  return Math.round(amount * (ZERO_DECIMAL.has(currency) ? 1 : 100));
}

/** First price in `text`; `fallbackCurrency` applies when the text has a number but no currency mark. */
export function parseMoney(text: string | undefined, fallbackCurrency?: string): ParsedMoney | undefined {
  if (!text) return undefined;
  const m = /(US\$|CA\$|AU\$|[ACR]\$|[$€£₹¥₱₦])?\s*(\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([A-Z]{3})?/.exec(text);
  if (!m?.[2]) return undefined;
  const code = m[3] ?? (m[1] ? SYMBOLS[m[1]] : undefined) ?? fallbackCurrency;
  if (!code) return undefined;
  const amountMinor = toMinor(Number(m[2].replace(/[,\s]/g, '')), code);
  return amountMinor === undefined ? undefined : { amountMinor, currency: code };
}

/** "per hour" wording: "/hr", "/ hour", "per hour", "hourly", or a bare unit ("HOUR", schema.org unitText). */
export function isHourly(text: string | undefined): boolean {
  return !!text && /(\/\s*h(ou)?r\b|per\s+hour|hourly|\/\s*hour|^\s*(?:hours?|hr)\s*$)/i.test(text);
}
