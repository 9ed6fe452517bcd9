/** The write recorder on its own: what it hands over, and when (only after a commit). */
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db/database';
import { rowRefs } from '../../../lib/db/recorder';

let n = 0;
const fresh = () => openDb(`recorder-test-${Date.now()}-${++n}`);
const check = (itemId: string) => ({ contractorKey: 'fiverr:bob', itemId, state: 'done' as const, updatedAt: 1 });

describe('WriteRecorder', () => {
  it('hands over puts and deletes once their transaction committed, compound keys included', async () => {
    const db = fresh();
    await db.checks.bulkPut([check('a'), check('b')]);
    expect(db.writes.take()).toEqual([
      { table: 'checks', key: ['fiverr:bob', 'a'], deleted: false, contractorKeys: ['fiverr:bob'], projectIds: [] },
      { table: 'checks', key: ['fiverr:bob', 'b'], deleted: false, contractorKeys: ['fiverr:bob'], projectIds: [] },
    ]);
    await db.checks.delete(['fiverr:bob', 'a']);
    expect(db.writes.take()).toEqual([
      { table: 'checks', key: ['fiverr:bob', 'a'], deleted: true, contractorKeys: ['fiverr:bob'], projectIds: [] },
    ]);
    expect(db.writes.take()).toEqual([]);
  });

  it('records nothing for an aborted transaction, a delete of nothing, or a read', async () => {
    const db = fresh();
    await expect(
      db.transaction('rw', db.checks, async () => {
        await db.checks.put(check('a'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await db.checks.delete(['fiverr:bob', 'missing']);
    await db.checks.toArray();
    expect(db.writes.take()).toEqual([]);
  });

  it('a cleared table is every row it held, deleted, with what each belonged to', async () => {
    const db = fresh();
    await db.payments.bulkPut([
      { id: 'p1', projectId: 'pr1', amountMinor: 1, currency: 'USD', paidAt: '2026-01-01', createdAt: 1, updatedAt: 1 },
      { id: 'p2', projectId: 'pr2', amountMinor: 2, currency: 'USD', paidAt: '2026-01-02', createdAt: 1, updatedAt: 1 },
    ]);
    db.writes.take();
    await db.payments.clear();
    expect(db.writes.take()).toEqual([
      { table: 'payments', key: 'p1', deleted: true, contractorKeys: [], projectIds: ['pr1'] },
      { table: 'payments', key: 'p2', deleted: true, contractorKeys: [], projectIds: ['pr2'] },
    ]);
  });

  it('tells listeners after each commit', async () => {
    const db = fresh();
    let calls = 0;
    const stop = db.writes.onCommit(() => calls++);
    await db.checks.put(check('a'));
    stop();
    await db.checks.put(check('b'));
    expect(calls).toBe(1);
  });
});

describe('rowRefs', () => {
  it('reads the contractor and project a row belongs to', () => {
    expect(rowRefs('contractors', { key: 'upwork:~01a' })).toEqual({ contractorKeys: ['upwork:~01a'], projectIds: [] });
    expect(rowRefs('projects', { id: 'p', contractorKey: 'upwork:~01a' })).toEqual({ contractorKeys: ['upwork:~01a'], projectIds: ['p'] });
    expect(rowRefs('notes', { id: 'n', contractorKey: 'x:y', projectId: 'p' })).toEqual({ contractorKeys: ['x:y'], projectIds: ['p'] });
    expect(rowRefs('settings', { key: 'settings' })).toEqual({ contractorKeys: [], projectIds: [] });
  });
});
