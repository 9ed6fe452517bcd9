/**
 * Issue 18: restoring a heavy user's backup (100,000 notes in one transaction) failed in Chromium
 * with "Maximum call stack size exceeded": the recorder added each put's rows to the transaction's
 * list with push(...rows), one call argument per row. Here the middleware runs over a stub core,
 * so a third of a million rows costs no IndexedDB time.
 */
import { describe, expect, it } from 'vitest';
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import { WriteRecorder, type RecordedWrite } from '../../../lib/db/recorder';

function stubCore(): { core: DBCore; complete: () => void } {
  const handlers: Record<string, () => void> = {};
  const trans = { addEventListener: (type: string, f: () => void) => (handlers[type] = f) } as unknown as DBCoreTransaction;
  const table = {
    name: 'notes',
    schema: { primaryKey: { extractKey: (r: { id: string }) => r.id } },
    mutate: async (req: DBCoreMutateRequest) => ({
      numFailures: 0,
      failures: {},
      results: 'values' in req ? req.values.map((v: { id: string }) => v.id) : [],
    }),
    getMany: async () => [],
  } as unknown as DBCoreTable;
  const core = { transaction: () => trans, table: () => table } as unknown as DBCore;
  return { core, complete: () => handlers.complete!() };
}

describe('WriteRecorder with very large writes', () => {
  it('records every row of a 300,000-row put and hands them to take() and to onCommit listeners', async () => {
    const recorder = new WriteRecorder();
    const { core: down, complete } = stubCore();
    const core = recorder.middleware.create(down) as DBCore;
    const trans = core.transaction(['notes'], 'readwrite');
    const notes = core.table('notes');
    const rows = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `n${from + i}`, contractorKey: 'fiverr:bob' }));
    await notes.mutate({ type: 'add', trans, values: rows(0, 10) });
    await notes.mutate({ type: 'add', trans, values: rows(10, 300_000) });
    const heard: (readonly RecordedWrite[])[] = [];
    recorder.onCommit((writes) => heard.push(writes));
    complete();
    const taken = recorder.take();
    expect(taken).toHaveLength(300_010);
    expect(taken[300_009]).toEqual({ table: 'notes', key: 'n300009', deleted: false, contractorKeys: ['fiverr:bob'], projectIds: [] });
    expect(heard.map((w) => w.length)).toEqual([300_010]);
  });
});
