/**
 * Issue 13: an older Upwork reader stored, at slider URLs, the first search card's name under
 * another freelancer's key. The next real reading of that freelancer repairs it, unless the user
 * named them; a reading that shows no name (the id fallback) never overwrites a name.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { VettedDb } from '../../../lib/db/database';
import { getContractor, updateContractor, upsertSnapshot } from '../../../lib/db/repositories/contractors';
import { freshDb, HOUR, snap, T0 } from './helpers';

const KEY = 'upwork:~01abc';
let db: VettedDb;
beforeEach(() => {
  db = freshDb();
});

describe('repairing a name read from someone else', () => {
  it('the next real reading replaces a name the user never edited', async () => {
    await upsertSnapshot(db, snap({ name: 'Anton W.' }), T0); // the first card's name, stored by the old reader
    const r = await upsertSnapshot(db, snap({ name: 'Tetiana P.' }), T0 + HOUR);
    expect(r.changed).toBe(true);
    expect((await getContractor(db, KEY))?.name).toBe('Tetiana P.');
  });

  it('a name the user typed stays', async () => {
    await upsertSnapshot(db, snap({ name: 'Anton W.' }), T0);
    await updateContractor(db, KEY, { name: 'Tetiana (designer)' }, T0 + 1);
    await upsertSnapshot(db, snap({ name: 'Tetiana P.' }), T0 + HOUR);
    expect((await getContractor(db, KEY))?.name).toBe('Tetiana (designer)');
  });

  it('a reading without a name (only the id) keeps the stored name', async () => {
    await upsertSnapshot(db, snap({ name: 'Tetiana P.' }), T0);
    await upsertSnapshot(db, snap({ name: '~01abc' }), T0 + HOUR);
    expect((await getContractor(db, KEY))?.name).toBe('Tetiana P.');
  });

  it('a contractor first seen without a name gets the real one later', async () => {
    await upsertSnapshot(db, snap({ name: '~01abc' }), T0);
    await upsertSnapshot(db, snap({ name: 'Tetiana P.' }), T0 + HOUR);
    expect((await getContractor(db, KEY))?.name).toBe('Tetiana P.');
  });
});
