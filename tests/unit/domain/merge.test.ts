import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/db/repositories/settings';
import type { Contractor } from '../../../lib/db/schema';
import { mergeContractor, mergeHistory, mergeRecord, mergeSettings } from '../../../lib/domain/merge';

const base: Contractor = {
  key: 'upwork:~01abc',
  site: 'upwork',
  siteId: '~01abc',
  name: 'Ana P.',
  profileUrl: 'https://www.upwork.com/freelancers/~01abc',
  status: 'prospect',
  tags: [],
  firstSeenAt: 100,
  lastSeenAt: 100,
  history: [],
  links: [],
  createdAt: 100,
  updatedAt: 100,
  userUpdatedAt: 0,
  pageUpdatedAt: 100,
};

describe('mergeContractor', () => {
  it('takes the user group from the side the user changed last, the page group from the newer reading', () => {
    const backedUp: Contractor = { ...base, status: 'hired', tags: ['design'], userUpdatedAt: 200, updatedAt: 200 };
    const fresh: Contractor = {
      ...base,
      headline: 'Now a UX lead',
      firstSeenAt: 900,
      lastSeenAt: 900,
      createdAt: 900,
      updatedAt: 900,
      pageUpdatedAt: 900,
    };
    const { value, outcome } = mergeContractor(fresh, backedUp);
    expect(outcome).toBe('merged');
    expect(value).toMatchObject({
      status: 'hired',
      tags: ['design'],
      headline: 'Now a UX lead',
      firstSeenAt: 100,
      lastSeenAt: 900,
      createdAt: 100,
    });
    expect(mergeContractor(backedUp, fresh).value).toEqual(value); // symmetric
  });

  it('keeps the latest profile visit, and none when neither side has one (old backups)', () => {
    const viewed: Contractor = { ...base, viewedAt: 500 };
    expect(mergeContractor(base, viewed).value.viewedAt).toBe(500);
    expect(mergeContractor(viewed, { ...base, viewedAt: 300 }).value.viewedAt).toBe(500);
    expect('viewedAt' in mergeContractor(base, { ...base }).value).toBe(false);
  });

  it('keeps a typed name unless the winning side typed its own', () => {
    const typed: Contractor = { ...base, name: 'Ana Pereira', nameEditedByUser: true, userUpdatedAt: 200 };
    const later: Contractor = { ...base, name: 'Ana P. (page)', status: 'shortlisted', userUpdatedAt: 300, pageUpdatedAt: 300 };
    expect(mergeContractor(later, typed).value).toMatchObject({ name: 'Ana Pereira', nameEditedByUser: true, status: 'shortlisted' });
  });

  it('a tie keeps ours and reports nothing taken', () => {
    expect(mergeContractor(base, { ...base }).outcome).toBe('ours');
  });
});

describe('mergeHistory', () => {
  const rate = (n: number) => ({ amountMinor: n, currency: 'USD', unit: 'hour' as const });
  it('unions by time and drops entries that repeat the previous values', () => {
    const a = [
      { at: 1, rate: rate(40) },
      { at: 5, rate: rate(50) },
    ];
    const b = [
      { at: 9, rate: rate(50) },
      { at: 3, rate: rate(45) },
    ];
    expect(mergeHistory(a, b).map((e) => e.at)).toEqual([1, 3, 5]);
  });
});

describe('mergeSettings', () => {
  it('merges key by key: a later overlay toggle does not carry an older default currency with it', () => {
    const ours = { ...defaultSettings(), overlayOpen: true, fieldUpdatedAt: { overlayOpen: 900 }, updatedAt: 900 };
    const theirs = {
      ...defaultSettings(),
      defaultCurrency: 'EUR',
      dueSoonDays: 5,
      fieldUpdatedAt: { defaultCurrency: 200, dueSoonDays: 200 },
      updatedAt: 200,
      lastBackupAt: 150,
    };
    const { value, outcome } = mergeSettings(ours, theirs);
    expect(outcome).toBe('merged');
    expect(value).toMatchObject({ overlayOpen: true, defaultCurrency: 'EUR', dueSoonDays: 5, lastBackupAt: 150, updatedAt: 900 });
    expect(value.fieldUpdatedAt).toEqual({ overlayOpen: 900, defaultCurrency: 200, dueSoonDays: 200 });
  });

  it('settings without per-key times use updatedAt for every key', () => {
    const ours = { ...defaultSettings(), defaultCurrency: 'GBP', updatedAt: 500 };
    const theirs = { ...defaultSettings(), defaultCurrency: 'EUR', updatedAt: 400 };
    expect(mergeSettings(ours, theirs).value.defaultCurrency).toBe('GBP');
  });
});

describe('mergeRecord', () => {
  it('newer updatedAt wins, a tie keeps ours', () => {
    expect(mergeRecord({ id: 'a', updatedAt: 1 }, { id: 'b', updatedAt: 2 }).value.id).toBe('b');
    expect(mergeRecord({ id: 'a', updatedAt: 2 }, { id: 'b', updatedAt: 2 })).toEqual({
      value: { id: 'a', updatedAt: 2 },
      outcome: 'ours',
    });
  });
});
