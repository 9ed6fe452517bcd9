/** issue 15: markAgreed, saveInterview, getContractorPayments and hireAgain through the router. */
import { beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, senders, snapshot, type Harness } from './harness';

const KEY = 'upwork:~01abc';
let h: Harness;

beforeEach(async () => {
  h = makeHarness();
  await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});

const lastChange = () => {
  const e = h.events.at(-1)?.event;
  return e && 'tables' in e ? e : undefined;
};

describe('agreement handlers', () => {
  it('markAgreed sets signedAt and ticks written-contract, broadcasting both', async () => {
    const p = await h.ok('createProject', { title: 'Logo', contractorKey: KEY });
    const { project, check } = await h.ok('markAgreed', { projectId: p.id, date: '2026-12-01' });
    expect(project.contract.signedAt).toBe('2026-12-01');
    expect(check).toMatchObject({ contractorKey: KEY, itemId: 'written-contract', state: 'done' });
    expect(lastChange()).toMatchObject({ tables: ['checks', 'projects'], projectIds: [p.id], contractorKeys: [KEY] });
  });

  it('markAgreed refuses a project without a contractor and changes nothing', async () => {
    const p = await h.ok('createProject', { title: 'Alone' });
    const reply = await h.call('markAgreed', { projectId: p.id, date: '2026-12-01' });
    expect(reply.ok).toBe(false);
    expect((await h.ok('getProject', { id: p.id }))?.project.contract.signedAt).toBeUndefined();
    expect((await h.call('markAgreed', { projectId: 'gone', date: '2026-12-01' })).ok).toBe(false);
  });

  it('saveInterview ticks interview-held only when a question has an answer', async () => {
    const empty = await h.ok('saveInterview', { contractorKey: KEY, body: 'Interview kit: Other\n\nQ: Approach?\nA: ' });
    expect(empty.check).toBeUndefined();
    const { note, check } = await h.ok('saveInterview', {
      contractorKey: KEY,
      id: empty.note.id,
      body: 'Interview kit: Other\n\nQ: Approach?\nA: Step by step',
    });
    expect(note.id).toBe(empty.note.id);
    expect(note.kind).toBe('interview');
    expect(check?.state).toBe('done');
  });

  it('getContractorPayments gathers payments of every project with them', async () => {
    const a = await h.ok('createProject', { title: 'A', contractorKey: KEY });
    const b = await h.ok('createProject', { title: 'B', contractorKey: KEY });
    const other = await h.ok('createProject', { title: 'C' });
    await h.ok('savePayment', { projectId: a.id, patch: { amountMinor: 100, currency: 'USD', paidAt: '2026-11-01' } });
    await h.ok('savePayment', { projectId: b.id, patch: { amountMinor: 200, currency: 'EUR', paidAt: '2026-11-02' } });
    await h.ok('savePayment', { projectId: other.id, patch: { amountMinor: 300, currency: 'USD', paidAt: '2026-11-03' } });
    const payments = await h.ok('getContractorPayments', { contractorKey: KEY });
    expect(payments.map((p) => p.amountMinor).sort()).toEqual([100, 200]);
  });

  it('hireAgain without an earlier project starts a plain planned one', async () => {
    const p = await h.ok('hireAgain', { contractorKey: KEY });
    expect(p).toMatchObject({ title: 'New project with Ada Lovelace', status: 'planned', contractorKey: KEY });
    expect((await h.call('hireAgain', { contractorKey: 'upwork:~nobody' })).ok).toBe(false);
  });
});
