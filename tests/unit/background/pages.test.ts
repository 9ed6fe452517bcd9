import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TabContexts } from '../../../lib/background/tab-contexts';
import { CHANGE_EVENT, TAB_CONTEXT_EVENT } from '../../../lib/messaging/protocol';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import { makeHarness, senders, snapshot, type Harness } from './harness';

const KEY = 'upwork:~01abc';
let h: Harness;
beforeEach(() => {
  h = makeHarness();
});

describe('reportPage', () => {
  it('stores the snapshot and remembers the tab context', async () => {
    expect(await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content(undefined, 9))).toEqual({
      key: KEY,
      enabled: true,
    });
    expect(await h.db.contractors.get(KEY)).toMatchObject({ name: 'Ada Lovelace', lastSeenAt: h.clock.now });
    expect(await h.ok('getTabContext', { tabId: 9 })).toEqual({
      tabId: 9,
      key: KEY,
      site: 'upwork',
      url: 'https://www.upwork.com/freelancers/~01abc',
    });
  });

  it('a listing page clears the tab context key', async () => {
    await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content(undefined, 9));
    const search = 'https://www.upwork.com/nx/search/talent/?q=react';
    expect(await h.ok('reportPage', { site: 'upwork', profile: null }, senders.content(search, 9))).toEqual({ key: null, enabled: true });
    expect(await h.ok('getTabContext', { tabId: 9 })).toMatchObject({ key: null, site: 'upwork', url: search });
    const tabEvents = h.events.filter((e) => e.event.event === TAB_CONTEXT_EVENT);
    expect(tabEvents).toHaveLength(2);
  });

  it('the same page reported twice announces the tab once; the visit itself is announced as the write it is', async () => {
    await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
    h.events.length = 0;
    h.clock.now += 1000;
    await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
    expect(h.events.filter((e) => e.event.event === TAB_CONTEXT_EVENT)).toEqual([]);
    // lastSeenAt moved ("recently viewed" in the popup): the recorder saw that one row change.
    expect(h.events.map((e) => e.event)).toEqual([{ event: CHANGE_EVENT, tables: ['contractors'], contractorKeys: [KEY] }]);
    expect((await h.db.contractors.get(KEY))?.lastSeenAt).toBe(h.clock.now);
  });

  it('a switched-off site stores nothing', async () => {
    await h.ok('updateSettings', { patch: { sites: { upwork: false, fiverr: true, freelancer: true, peopleperhour: true, guru: true } } });
    expect(await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content())).toEqual({ key: null, enabled: false });
    expect(await h.db.contractors.count()).toBe(0);
    expect(await h.ok('getTabContext', { tabId: 7 })).toMatchObject({ key: null, site: null });
  });

  it('refuses a profile from another site than the one reported', async () => {
    const reply = await h.call('reportPage', { site: 'fiverr', profile: snapshot() }, senders.content('https://www.fiverr.com/x'));
    expect(reply).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await h.db.contractors.count()).toBe(0);
  });
});

describe('getTabContext', () => {
  it("defaults to the sender's own tab (the overlay frame)", async () => {
    await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content(undefined, 12));
    expect((await h.ok('getTabContext', {}, senders.overlay(12))).key).toBe(KEY);
  });

  it('answers nulls for an unknown tab or no tab', async () => {
    expect(await h.ok('getTabContext', { tabId: 99 })).toEqual({ tabId: 99, key: null, site: null, url: null });
    expect(await h.ok('getTabContext', {})).toEqual({ tabId: null, key: null, site: null, url: null });
  });

  it('survives a service-worker restart through storage.session', async () => {
    await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content(undefined, 4));
    const restarted = new TabContexts();
    expect(await restarted.get(4)).toEqual({ key: KEY, site: 'upwork', url: 'https://www.upwork.com/freelancers/~01abc' });
    await restarted.remove(4);
    expect(await new TabContexts().get(4)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get('vetted:tab-contexts')).toEqual({ 'vetted:tab-contexts': {} });
  });
});

describe('getBadges', () => {
  beforeEach(async () => {
    for (const [key, name] of [
      [KEY, 'Ada'],
      ['upwork:~02bob', 'Bob'],
      ['upwork:~03cat', 'Cat'],
      ['upwork:~04dan', 'Dan'],
      ['upwork:~05eve', 'Eve'],
    ] as const) {
      const siteId = key.slice('upwork:'.length);
      await h.ok(
        'reportPage',
        { site: 'upwork', profile: snapshot({ key, siteId, name, profileUrl: `https://www.upwork.com/freelancers/${siteId}` }) },
        senders.content(),
      );
    }
    const first = DEFAULT_CHECKLIST[0]!.id;
    const second = DEFAULT_CHECKLIST[1]!.id;
    await h.ok('setCheck', { contractorKey: KEY, itemId: first, state: 'done' });
    await h.ok('setCheck', { contractorKey: KEY, itemId: second, state: 'failed' });
    await h.ok('updateContractor', { key: 'upwork:~02bob', patch: { status: 'avoid' } });
    await h.ok('saveNote', { contractorKey: 'upwork:~03cat', kind: 'general', body: 'SECRET note text' });
    await h.ok('saveRating', {
      rating: {
        contractorKey: 'upwork:~04dan',
        quality: 5,
        communication: 4,
        timeliness: 5,
        value: 4,
        wouldRehire: true,
        comment: 'SECRET comment',
      },
    });
  });

  it('returns only contractors with user data, with status, rating and vetting progress', async () => {
    const keys = [KEY, 'upwork:~02bob', 'upwork:~03cat', 'upwork:~04dan', 'upwork:~05eve', 'upwork:~06unknown'];
    const badges = await h.ok('getBadges', { keys }, senders.content());
    expect(Object.keys(badges).sort()).toEqual([KEY, 'upwork:~02bob', 'upwork:~03cat', 'upwork:~04dan']);
    const visible = DEFAULT_CHECKLIST.filter((i) => !i.hidden).length;
    expect(badges[KEY]).toEqual({ key: KEY, status: 'prospect', projects: 0, vetted: { done: 1, failed: 1, total: visible } });
    expect(badges['upwork:~02bob']).toMatchObject({ status: 'avoid' });
    expect(badges['upwork:~04dan']).toMatchObject({ averageRating: 4.5, projects: 1 });
  });

  it('never carries note text, comments or budgets to the content script', async () => {
    const p = await h.ok('createProject', { title: 'Secret budget', contractorKey: 'upwork:~05eve', budgetMinor: 123456 });
    const badges = await h.ok('getBadges', { keys: [KEY, 'upwork:~03cat', 'upwork:~04dan', 'upwork:~05eve'] }, senders.content());
    const wire = JSON.stringify(badges);
    expect(wire).not.toMatch(/SECRET|123456|Secret budget/);
    expect(badges['upwork:~05eve']).toMatchObject({ projects: 1 });
    expect(wire).not.toContain(p.id);
  });

  it('counts the ticks the data proves, as the overlay does (issue 14)', async () => {
    const p = await h.ok('createProject', {
      title: 'Logo',
      contractorKey: 'upwork:~05eve',
      budgetMinor: 50000,
      contract: { signedAt: '2026-11-02' },
    });
    await h.ok('saveMilestone', { projectId: p.id, patch: { title: 'Sketches', amountMinor: 10000 } });
    const badge = (await h.ok('getBadges', { keys: ['upwork:~05eve'] }, senders.content()))['upwork:~05eve'];
    expect(badge?.vetted.done).toBe(4); // written contract, budget, milestones, payment schedule
    // Unticking one overrides it.
    await h.ok('setCheck', { contractorKey: 'upwork:~05eve', itemId: 'budget-set', state: 'todo' });
    expect((await h.ok('getBadges', { keys: ['upwork:~05eve'] }, senders.content()))['upwork:~05eve']?.vetted.done).toBe(3);
  });

  it('counts a check moved back to todo without a note as no data', async () => {
    await h.ok('setCheck', { contractorKey: 'upwork:~05eve', itemId: 'x', state: 'todo' });
    expect(await h.ok('getBadges', { keys: ['upwork:~05eve'] }, senders.content())).toEqual({});
  });

  it('an empty list is an empty answer', async () => {
    expect(await h.ok('getBadges', { keys: [] }, senders.content())).toEqual({});
  });
});

describe('getSiteSwitches', () => {
  it('answers the switches', async () => {
    expect(await h.ok('getSiteSwitches', {}, senders.content())).toEqual({
      upwork: true,
      fiverr: true,
      freelancer: true,
      peopleperhour: true,
      guru: true,
      toptal: true,
      contra: true,
      malt: true,
    });
  });
});
