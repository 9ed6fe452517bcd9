import { describe, expect, it } from 'vitest';
import {
  addTotals,
  decimalAmount,
  formatMoney,
  formatTotals,
  minorDigits,
  parseMoneyInput,
  sumByCurrency,
  toMajor,
  totalsList,
} from '../../../lib/domain/money';

/** Intl separates symbol and number with (narrow) no-break spaces in some locales. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('minorDigits', () => {
  it('knows the real minor digits of a currency', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KRW')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('BHD')).toBe(3);
    expect(minorDigits('usd')).toBe(2);
  });

  it('falls back to 2 for a malformed code instead of throwing', () => {
    expect(minorDigits('US')).toBe(2);
    expect(minorDigits('')).toBe(2);
  });

  it('converts to major units for ratios and display', () => {
    expect(toMajor(125050, 'USD')).toBe(1250.5);
    expect(toMajor(1250, 'JPY')).toBe(1250);
    expect(toMajor(1250, 'KWD')).toBe(1.25);
  });
});

describe('formatMoney', () => {
  it('formats with the currency digits', () => {
    expect(formatMoney(125050, 'USD', 'en-US')).toBe('$1,250.50');
    expect(formatMoney(1250, 'JPY', 'en-US')).toBe('¥1,250');
    expect(plain(formatMoney(1250, 'KWD', 'en-US'))).toBe('KWD 1.250');
    expect(plain(formatMoney(125050, 'EUR', 'de-DE'))).toBe('1.250,50 €');
  });

  it('formats zero and negative amounts', () => {
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoney(0, 'JPY', 'en-US')).toBe('¥0');
    expect(formatMoney(-500, 'USD', 'en-US')).toBe('-$5.00');
  });

  it('can drop a zero fraction, but never a real one', () => {
    expect(formatMoney(50000, 'USD', 'en-US', { trimZeroFraction: true })).toBe('$500');
    expect(formatMoney(50050, 'USD', 'en-US', { trimZeroFraction: true })).toBe('$500.50');
    expect(plain(formatMoney(2000, 'KWD', 'en-US', { trimZeroFraction: true }))).toBe('KWD 2');
    expect(plain(formatMoney(2001, 'KWD', 'en-US', { trimZeroFraction: true }))).toBe('KWD 2.001');
  });

  it('does not throw on a malformed currency', () => {
    expect(formatMoney(1234, 'US', 'en-US')).toBe('12.34 US');
  });
});

describe('parseMoneyInput', () => {
  it.each([
    ['1,250.50', 125050],
    ['1250', 125000],
    ['1250.5', 125050],
    ['1.250,50', 125050],
    ['1 250,50', 125050],
    ['1\u00a0250,50', 125050],
    ["1'250.50", 125050],
    ['$1,250.50', 125050],
    ['€ 12,50', 1250],
    ['12.50 USD', 1250],
    ['12,5', 1250],
    ['0.5', 50],
    ['.5', 50],
    ['1,250', 125000],
    ['1.250', 125000],
    ['1,250,000', 125000000],
    ['1.250.000,75', 125000075],
    ['1,00,000', 10000000],
    ['₹1,00,00,000.50', 1000000050],
    ['0', 0],
    ['0.00', 0],
    ['12.500', 1250000],
    ['0.250', 25],
    ['1,0000', 100],
    ['  42  ', 4200],
    ['-20', -2000],
    ['−20', -2000],
    ['-$20', -2000],
    ['-0', 0],
  ])('USD %s → %d', (text, expected) => {
    expect(parseMoneyInput(text, 'USD')).toBe(expected);
  });

  it.each(['', '   ', 'abc', '$', '1,2,3', '12.50.3', '0.125', '1,2,000', '1,0001', '1.5.5,3', '12..5'])('USD %j → null', (text) => {
    expect(parseMoneyInput(text, 'USD')).toBeNull();
  });

  it('reads zero-decimal currencies (JPY)', () => {
    expect(parseMoneyInput('1,250', 'JPY')).toBe(1250);
    expect(parseMoneyInput('¥1250', 'JPY')).toBe(1250);
    expect(parseMoneyInput('12.0', 'JPY')).toBe(12);
    expect(parseMoneyInput('12.5', 'JPY')).toBeNull();
  });

  it('reads three-decimal currencies (KWD), where "1.250" is one and a quarter', () => {
    expect(parseMoneyInput('1.250', 'KWD')).toBe(1250);
    expect(parseMoneyInput('1,250.5', 'KWD')).toBe(1250500);
    expect(parseMoneyInput('2', 'KWD')).toBe(2000);
    expect(parseMoneyInput('1.2345', 'KWD')).toBeNull();
  });

  it('reads "1,250" with a comma-decimal locale as one and a quarter', () => {
    expect(parseMoneyInput('1,250', 'USD', 'de-DE')).toBe(125);
    expect(parseMoneyInput('1.250', 'USD', 'de-DE')).toBe(125000);
    expect(parseMoneyInput('1,250', 'USD', 'en-US')).toBe(125000);
    expect(parseMoneyInput('1.250', 'USD', 'en-US')).toBe(125);
    // Unambiguous input ignores the locale.
    expect(parseMoneyInput('1.250,50', 'EUR', 'en-US')).toBe(125050);
    expect(parseMoneyInput('12,5', 'EUR', 'en-US')).toBe(1250);
    // A yen amount cannot have decimals, so "1,250" in German is refused rather than guessed.
    expect(parseMoneyInput('1,250', 'JPY', 'de-DE')).toBeNull();
    expect(parseMoneyInput('1.250', 'JPY', 'de-DE')).toBe(1250);
  });

  it('reads back what formatMoney prints, in several locales and currencies', () => {
    const amounts = [0, 1, 99, 100, 125050, 100000, 123456789, -500];
    const cases: [string, string][] = [
      ['USD', 'en-US'],
      ['EUR', 'de-DE'],
      ['EUR', 'fr-FR'],
      ['CHF', 'de-CH'],
      ['INR', 'en-IN'],
      ['JPY', 'ja-JP'],
      ['JPY', 'en-US'],
      ['KWD', 'en-US'],
      ['KWD', 'de-DE'],
      ['GBP', 'en-GB'],
    ];
    for (const [currency, locale] of cases) {
      for (const amount of amounts) {
        const text = formatMoney(amount, currency, locale);
        expect([currency, locale, text, parseMoneyInput(text, currency, locale)]).toEqual([currency, locale, text, amount]);
      }
    }
  });

  it('rejects amounts beyond the stored range', () => {
    expect(parseMoneyInput('100000000000', 'USD')).toBe(1e13);
    expect(parseMoneyInput('100000000001', 'USD')).toBeNull();
    expect(parseMoneyInput('9'.repeat(30), 'USD')).toBeNull();
  });
});

describe('decimalAmount', () => {
  it('prints an exact plain number for an input field', () => {
    expect(decimalAmount(125050, 'USD')).toBe('1250.50');
    expect(decimalAmount(5, 'USD')).toBe('0.05');
    expect(decimalAmount(0, 'USD')).toBe('0.00');
    expect(decimalAmount(-500, 'USD')).toBe('-5.00');
    expect(decimalAmount(1250, 'JPY')).toBe('1250');
    expect(decimalAmount(1250, 'KWD')).toBe('1.250');
    expect(decimalAmount(7, 'KWD')).toBe('0.007');
    expect(decimalAmount(1e13, 'USD')).toBe('100000000000.00');
  });

  it('reads back through parseMoneyInput, with or without a locale', () => {
    for (const [amount, currency] of [
      [125050, 'USD'],
      [1250, 'KWD'],
      [1250000, 'KWD'],
      [1250, 'JPY'],
      [-99, 'EUR'],
      [0, 'KWD'],
    ] as const) {
      const text = decimalAmount(amount, currency);
      expect(parseMoneyInput(text, currency)).toBe(amount);
      expect(parseMoneyInput(text, currency, 'de-DE')).toBe(amount);
    }
  });
});

describe('sumByCurrency / addTotals / totalsList / formatTotals', () => {
  it('sums per currency without converting', () => {
    const totals = sumByCurrency([
      { amountMinor: 100, currency: 'USD' },
      { amountMinor: 250, currency: 'EUR' },
      { amountMinor: -50, currency: 'USD' },
      { amountMinor: 0, currency: 'JPY' },
    ]);
    expect(totals).toEqual({ USD: 50, EUR: 250, JPY: 0 });
    expect(sumByCurrency([])).toEqual({});
  });

  it('adds totals without touching the inputs', () => {
    const a = { USD: 100 };
    const b = { USD: 20, EUR: 5 };
    expect(addTotals(a, b)).toEqual({ USD: 120, EUR: 5 });
    expect(a).toEqual({ USD: 100 });
  });

  it('lists totals sorted by currency code', () => {
    expect(totalsList({ USD: 1, EUR: 2, JPY: 3 })).toEqual([
      { currency: 'EUR', amountMinor: 2 },
      { currency: 'JPY', amountMinor: 3 },
      { currency: 'USD', amountMinor: 1 },
    ]);
  });

  it('formats mixed currencies side by side', () => {
    expect(formatTotals({ USD: 150000, EUR: 30000, JPY: 5000 }, 'en-US')).toBe('€300.00 + ¥5,000 + $1,500.00');
    expect(formatTotals({ USD: 150000, EUR: 30000 }, 'en-US', { separator: ' · ', trimZeroFraction: true })).toBe('€300 · $1,500');
    expect(formatTotals({}, 'en-US')).toBe('');
    expect(formatTotals({}, 'en-US', { empty: 'nothing yet' })).toBe('nothing yet');
  });
});
