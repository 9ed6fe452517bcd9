/**
 * One Upwork freelancer tile, read inside its own element with a fixed handful of queries:
 * 2022 search tiles (`itemprop`, `data-qa`; real captures), today's Air3 tiles (`data-test`), and
 * any other list of freelancers (links and text). Kept apart so upwork.ts stays small.
 */
import type { SnapshotDraft } from '../types';
import { firstText, num, text } from './dom';
import { parseMoney } from './money';

export function readTile(el: Element): SnapshotDraft {
  const name =
    firstText(el, ['[itemprop="name"], [data-test="freelancer-tile-name"]']) ??
    [...el.querySelectorAll('a[href*="~01"]')].map((a) => text(a)).find(Boolean) ??
    firstText(el, ['h4, h3, h2']);
  const rateEl = el.querySelector('[data-qa="rate"], [data-test~="FreelancerTileRate"], [data-test="rate-per-hour"]');
  const rateText =
    text(rateEl) ?? [...el.querySelectorAll('strong, span')].map((e) => text(e)).find((t) => t && /\$[\d.]+\s*\/\s*hr/i.test(t));
  const money = parseMoney(rateText);
  const jss = text(el.querySelector('[data-qa="jss"], [data-test="freelancer-tile-job-success"]'));
  return {
    name: name && name.length < 80 ? name : undefined,
    headline: firstText(el, ['[data-test="freelancer-tile-title"], .freelancer-title']),
    location: firstText(el, ['[itemprop="country-name"], [data-test="location"]']),
    rate: money ? { ...money, unit: 'hour' } : undefined,
    jobSuccess: num(/(\d{1,3})\s*%/.exec(jss ?? '')?.[1]),
    avatarUrl: el.querySelector('img')?.getAttribute('src') ?? undefined,
  };
}
