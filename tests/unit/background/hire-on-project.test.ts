import { beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, senders, snapshot, type Harness } from './harness';

const KEY = 'upwork:~01abc';
let h: Harness;

beforeEach(async () => {
  h = makeHarness();
  await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});

const status = async (key = KEY) => (await h.ok('getContractor', { key }))?.contractor.status;

describe('starting a project with a contractor', () => {
  it('marks a prospect or shortlisted contractor as hired when the project is active', async () => {
    expect(await status()).toBe('prospect');
    await h.ok('createProject', { title: 'Logo', contractorKey: KEY, status: 'active' });
    expect(await status()).toBe('hired');
    const last = h.events.at(-1)?.event;
    expect(last && 'tables' in last ? last.tables : []).toContain('contractors');
  });

  it('waits until a planned project becomes active', async () => {
    await h.ok('updateContractor', { key: KEY, patch: { status: 'shortlisted' } });
    const p = await h.ok('createProject', { title: 'Later', contractorKey: KEY, status: 'planned' });
    expect(await status()).toBe('shortlisted');
    await h.ok('updateProject', { id: p.id, patch: { status: 'active' } });
    expect(await status()).toBe('hired');
  });

  it('never overrides "avoid"', async () => {
    await h.ok('updateContractor', { key: KEY, patch: { status: 'avoid' } });
    await h.ok('createProject', { title: 'Anyway', contractorKey: KEY, status: 'active' });
    expect(await status()).toBe('avoid');
  });
});
