/** The one merge of two versions (lib/domain/sync-merge.ts): winner, merged fields, kept conflicts. */
import { describe, expect, it } from 'vitest';
import type { Contractor } from '../../../lib/db/schema';
import { mergedVersion, mergeVersions, type Versioned } from '../../../lib/domain/sync-merge';

const T = Date.UTC(2026, 10, 27, 9, 0, 0);
const note = (body: string, extra: Partial<Versioned> = {}): Versioned => ({
  table: 'notes',
  v: T,
  d: 'a',
  row: { id: 'n1', contractorKey: 'fiverr:bob', kind: 'general', body, createdAt: T, updatedAt: T },
  ...extra,
});
const tomb = (extra: Partial<Versioned>): Versioned => ({ table: 'notes', v: T, d: 'a', row: null, ...extra });

function contractor(fields: Partial<Contractor>, extra: Partial<Versioned> = {}): Versioned {
  const row: Contractor = {
    key: 'fiverr:bob',
    site: 'fiverr',
    siteId: 'bob',
    name: 'Bob',
    profileUrl: 'https://www.fiverr.com/bob',
    status: 'prospect',
    tags: [],
    firstSeenAt: T,
    lastSeenAt: T,
    history: [],
    links: [],
    createdAt: T,
    updatedAt: T,
    userUpdatedAt: 0,
    pageUpdatedAt: T,
    ...fields,
  };
  return { table: 'contractors', v: T, d: 'a', row: row as unknown as Record<string, unknown>, ...extra };
}

/** Both devices decide alike: the same pair gives the same stored result either way round. */
function resultOf(ours: Versioned, theirs: Versioned): unknown {
  const r = mergeVersions(ours, theirs);
  if (r.action === 'keep') return ours.row;
  if (r.action === 'take') return theirs.row;
  return r.row;
}

describe('mergeVersions', () => {
  it('takes an unknown record, keeps the same version, and lets the higher (v, d) win', () => {
    expect(mergeVersions(undefined, note('x'))).toEqual({ action: 'take' });
    expect(mergeVersions(note('x'), note('x'))).toEqual({ action: 'keep' });
    const older = note('old', { v: T, d: 'a' });
    const newer = note('new', { v: T + 1, d: 'b', base: [T, 'a'] });
    expect(mergeVersions(older, newer)).toEqual({ action: 'take' });
    expect(mergeVersions(newer, older)).toEqual({ action: 'keep' });
    // Same v: the device id breaks the tie, the same way on both sides.
    const x = note('x', { v: T, d: 'a' });
    const y = note('y', { v: T, d: 'b' });
    expect(resultOf(x, y)).toEqual(resultOf(y, x));
    expect(resultOf(x, y)).toEqual(y.row);
  });

  it('keeps the loser of two real edits as a conflict, on whichever side it arrives', () => {
    const mine = note('mine', { v: T + 5, d: 'a', base: [T, 'a'] });
    const theirs = note('theirs', { v: T + 9, d: 'b', base: [T, 'a'] });
    expect(mergeVersions(mine, theirs)).toEqual({ action: 'take', conflicts: [mine] });
    expect(mergeVersions(theirs, mine)).toEqual({ action: 'keep', conflicts: [mine] });
  });

  it('no conflict when the winner replaced the loser knowingly, or the copies are equal', () => {
    const first = note('first', { v: T, d: 'a' });
    const edit = note('second', { v: T + 1, d: 'b', base: [T, 'a'] });
    expect(mergeVersions(first, edit).conflicts).toBeUndefined();
    // A later write of the same device had the earlier one.
    expect(mergeVersions(first, note('again', { v: T + 3, d: 'a' })).conflicts).toBeUndefined();
    // Two devices restored from one backup: equal rows, different versions.
    expect(mergeVersions(note('same', { d: 'a' }), note('same', { d: 'b' }))).toEqual({ action: 'take' });
  });

  it('a delete newer than an edit wins and keeps the edit; an edit newer than a delete brings it back', () => {
    const edit = note('edited', { v: T + 5, d: 'a', base: [T, 'c'] });
    const del = tomb({ v: T + 9, d: 'b', base: [T, 'c'] });
    expect(mergeVersions(edit, del)).toEqual({ action: 'take', conflicts: [edit] });
    expect(mergeVersions(del, edit)).toEqual({ action: 'keep', conflicts: [edit] });
    const revived = note('revived', { v: T + 20, d: 'a' });
    expect(mergeVersions(del, revived)).toEqual({ action: 'take' });
    // The deleting device had the edit: nothing is lost.
    const knowing = tomb({ v: T + 9, d: 'b', base: [T + 5, 'a'] });
    expect(mergeVersions(edit, knowing)).toEqual({ action: 'take' });
    // A tombstone arriving on a device that never had the record is kept (so no older copy revives).
    expect(mergeVersions(undefined, del)).toEqual({ action: 'take' });
  });

  it('contractors: viewing the same profile on two devices merges without a conflict', () => {
    const base: [number, string] = [T, 'a'];
    const a = contractor(
      { lastSeenAt: T + 100, headline: 'Seen on A', pageUpdatedAt: T + 100 },
      { v: T + 100, d: 'a', base, g: { u: 0, p: T + 100 } },
    );
    const b = contractor(
      { lastSeenAt: T + 200, headline: 'Seen on B', pageUpdatedAt: T + 200 },
      { v: T + 200, d: 'b', base, g: { u: 0, p: T + 200 } },
    );
    const r = mergeVersions(a, b);
    expect(r.conflicts).toBeUndefined();
    expect(resultOf(a, b)).toMatchObject({ headline: 'Seen on B', lastSeenAt: T + 200 });
    expect(resultOf(a, b)).toEqual(resultOf(b, a));
  });

  it("contractors: the user's status survives a newer page visit elsewhere (a merged new version)", () => {
    const base: [number, string] = [T, 'c'];
    // A shortlisted (user group at T+50); B, later, only looked at the page.
    const a = contractor({ status: 'shortlisted', userUpdatedAt: T + 50 }, { v: T + 50, d: 'a', base, g: { u: T + 50, p: T } });
    const b = contractor(
      { headline: 'New', lastSeenAt: T + 80, pageUpdatedAt: T + 80 },
      { v: T + 80, d: 'b', base, g: { u: 0, p: T + 80 } },
    );
    const r = mergeVersions(a, b);
    expect(r.action).toBe('merge');
    expect(r.row).toMatchObject({ status: 'shortlisted', headline: 'New', userUpdatedAt: T + 50, lastSeenAt: T + 80 });
    expect(r.g).toEqual({ u: T + 50, p: T + 80 });
    // B's user fields were only inherited from the base A had seen: no conflict.
    expect(r.conflicts).toBeUndefined();
    expect(mergeVersions(b, a)).toEqual(r);
  });

  it('contractors: two real status changes keep the loser as a conflict; a slow clock still wins after seeing', () => {
    const base: [number, string] = [T, 'c'];
    const a = contractor({ status: 'hired', userUpdatedAt: T + 50 }, { v: T + 50, d: 'a', base, g: { u: T + 50, p: T } });
    const b = contractor({ status: 'avoid', userUpdatedAt: T + 60 }, { v: T + 60, d: 'b', base, g: { u: T + 60, p: T } });
    const r = mergeVersions(a, b);
    expect(r).toMatchObject({ action: 'take', conflicts: [a] });
    // A slow device (its wall clock says T+10) edits after seeing b: its group version is above b's.
    const slow = contractor(
      { status: 'shortlisted', userUpdatedAt: T + 10 },
      { v: T + 61, d: 'a', base: [T + 60, 'b'], g: { u: T + 61, p: T } },
    );
    const s = mergeVersions(b, slow);
    expect(s.action).toBe('take');
    expect(s.conflicts).toBeUndefined();
  });

  it('contractors: the higher version loses its own status to a newer one in the lower, and is kept as a conflict', () => {
    const base: [number, string] = [T, 'c'];
    // a set 'prospect' at T+20, then wrote again at T+90 for another reason (the page read again):
    // its version is the higher one, its user fields are not.
    const a = contractor({ status: 'prospect', userUpdatedAt: T + 20 }, { v: T + 90, d: 'a', base, g: { u: T + 20, p: T + 90 } });
    const b = contractor({ status: 'avoid', userUpdatedAt: T + 40 }, { v: T + 40, d: 'b', base, g: { u: T + 40, p: T } });
    const r = mergeVersions(a, b);
    expect(r.action).toBe('merge');
    expect(r.row).toMatchObject({ status: 'avoid' });
    expect(r.conflicts).toEqual([a]);
    expect(mergeVersions(b, a)).toEqual(r);
    // The same, but b's device had seen a's status (its base): a was replaced knowingly.
    const seen = contractor({ status: 'avoid', userUpdatedAt: T + 40 }, { v: T + 40, d: 'b', base: [T + 20, 'a'], g: { u: T + 40, p: T } });
    const a20 = contractor(
      { status: 'prospect', userUpdatedAt: T + 20 },
      { v: T + 90, d: 'a', base: [T + 20, 'a'], g: { u: T + 20, p: T + 90 } },
    );
    expect(mergeVersions(a20, seen).conflicts).toBeUndefined();
  });

  it('settings merge key by key by their versions, checklist items by union, a lost key kept', () => {
    const settings = (over: Record<string, unknown>, extra: Partial<Versioned>): Versioned => ({
      table: 'settings',
      v: T,
      d: 'a',
      row: {
        key: 'settings',
        checklist: [{ id: 'interview', label: 'Interview', group: 'before-hiring' }],
        notifications: false,
        dueSoonDays: 3,
        defaultCurrency: 'USD',
        sites: {},
        overlayOpen: false,
        updatedAt: T,
        fieldUpdatedAt: {},
        ...over,
      },
      ...extra,
    });
    const base: [number, string] = [T, 'c'];
    const a = settings({ dueSoonDays: 7, fieldUpdatedAt: { dueSoonDays: T + 5 } }, { v: T + 5, d: 'a', base, g: { dueSoonDays: T + 5 } });
    const b = settings(
      {
        defaultCurrency: 'EUR',
        checklist: [{ id: 'refs', label: 'References', group: 'before-hiring' }],
        fieldUpdatedAt: { defaultCurrency: T + 9, checklist: T + 9 },
      },
      { v: T + 9, d: 'b', base, g: { defaultCurrency: T + 9, checklist: T + 9 } },
    );
    const r = mergeVersions(a, b);
    expect(r.action).toBe('merge');
    expect(r.row).toMatchObject({ dueSoonDays: 7, defaultCurrency: 'EUR' });
    expect((r.row!.checklist as { id: string }[]).map((i) => i.id)).toEqual(['refs', 'interview']);
    // a changed dueSoonDays, b other keys: both edits are in the result. a's checklist was inherited.
    expect(r.conflicts).toBeUndefined();
    expect(mergeVersions(b, a)).toEqual(r);
    // Both chose a currency: the older choice is kept as a conflict.
    const c = settings(
      { defaultCurrency: 'GBP', fieldUpdatedAt: { defaultCurrency: T + 7 } },
      { v: T + 7, d: 'c2', base, g: { defaultCurrency: T + 7 } },
    );
    expect(mergeVersions(c, b).conflicts).toEqual([c]);
    // The higher version's own key older than the lower one's: its choice lost, kept as a conflict.
    const d = settings(
      { dueSoonDays: 2, defaultCurrency: 'EUR', fieldUpdatedAt: { dueSoonDays: T + 2, defaultCurrency: T + 30 } },
      { v: T + 30, d: 'd', base, g: { dueSoonDays: T + 2, defaultCurrency: T + 30 } },
    );
    const m = mergeVersions(d, a);
    expect(m.row).toMatchObject({ dueSoonDays: 7, defaultCurrency: 'EUR' });
    expect(m.conflicts).toEqual([d]);
  });

  it('a merged result is versioned by what it holds, not by the merges that led to it', () => {
    // Three edits of one contractor; the merge of all three reached along two different paths.
    const a = contractor({ status: 'hired', userUpdatedAt: T + 50 }, { v: T + 50, d: 'a', g: { u: T + 50, p: T } });
    const b = contractor({ headline: 'New', pageUpdatedAt: T + 60 }, { v: T + 60, d: 'b', g: { u: T, p: T + 60 } });
    const c = contractor({ lastSeenAt: T + 55 }, { v: T + 55, d: 'c', g: { u: T, p: T } });
    const stored = (ours: Versioned, theirs: Versioned): Versioned => {
      const r = mergeVersions(ours, theirs);
      if (r.action === 'keep') return ours;
      if (r.action === 'take') return theirs;
      return { table: 'contractors', ...mergedVersion(ours, theirs, { row: r.row!, g: r.g }), row: r.row!, g: r.g! };
    };
    const one = stored(stored(a, b), c);
    const two = stored(stored(c, a), b);
    expect(two.row).toEqual(one.row);
    expect([two.v, two.d]).toEqual([one.v, one.d]);
    // Just above the highest plain edit, and named after the content: another content, another name.
    expect(one.v).toBe(T + 61);
    expect(one.d).toMatch(/^~[0-9a-f]{16}$/);
    expect(mergedVersion(a, b, { row: { other: true } }).d).not.toBe(one.d);
  });
});
