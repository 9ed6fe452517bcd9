import type { SnapshotDraft } from '../types';
import { meta } from './dom';
import { isHourly, parseMoney } from './money';

/**
 * A price the page's head states (`product:price:amount` + `product:price:currency`, OpenGraph's
 * product tags), hourly when `unitText` says so, else a fixed price. For sites we have no capture of.
 */
export function headRate(doc: Document, unitText?: string): SnapshotDraft['rate'] {
  const amount = meta(doc, 'product:price:amount');
  const currency = meta(doc, 'product:price:currency');
  const money = amount && currency ? parseMoney(`${amount} ${currency.toUpperCase()}`) : undefined;
  return money ? { ...money, unit: isHourly(unitText ?? meta(doc, 'product:price:unit') ?? 'hour') ? 'hour' : 'fixed' } : undefined;
}

/** "Jane D. - Senior Python Developer | Toptal®" → "Jane D." (titles add the role and the site). */
export function nameFromTitle(name: string | undefined, site: RegExp): string | undefined {
  const t = name
    ?.replace(site, '')
    .split(/\s+[|–—-]\s+/)[0]
    ?.trim();
  return t ? t : undefined;
}
