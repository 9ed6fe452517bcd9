import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { CHANGE_EVENT, TAB_CONTEXT_EVENT } from '../../../lib/messaging/protocol';
import { SHOW_PROJECT_EVENT } from '../../../lib/messaging/side-panel';
import { QUOTA_MESSAGE, isQuotaError, toReplyError } from '../../../lib/background/errors';
import { makeHarness, senders, snapshot, type Harness } from './harness';

const KEY = 'upwork:~01abc';
let h: Harness;

/** Some data in every table the requests below could touch. */
async function seed() {
  await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  await h.ok('setCheck', { contractorKey: KEY, itemId: 'interview', state: 'done' });
  await h.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Keep' });
  const p = await h.ok('createProject', { title: 'Logo', contractorKey: KEY, budgetMinor: 100_00 });
  await h.ok('saveMilestone', { projectId: p.id, patch: { title: 'Draft', dueDate: '2026-12-01' } });
  await h.ok('savePayment', { projectId: p.id, patch: { amountMinor: 50_00, paidAt: '2026-11-20' } });
  h.events.length = 0;
  return p;
}

beforeEach(() => {
  h = makeHarness();
});

describe('router rejects without touching data', () => {
  const WRITES: [string, unknown][] = [
    ['deleteEverything', { confirm: 'DELETE' }],
    ['deleteContractor', { key: KEY }],
    ['saveNote', { contractorKey: KEY, kind: 'general', body: 'injected' }],
    ['updateContractor', { key: KEY, patch: { status: 'avoid' } }],
    ['reportPage', { site: 'upwork', profile: snapshot({ name: 'Mallory' }) }],
  ];

  async function expectRejected(message: unknown, sender: Parameters<Harness['router']>[1], code: string) {
    await seed();
    const before = await h.counts();
    const contractorBefore = await h.db.contractors.get(KEY);
    const reply = await h.router(message, sender);
    expect(reply).toMatchObject({ ok: false, code });
    expect(await h.counts()).toEqual(before);
    expect(await h.db.contractors.get(KEY)).toEqual(contractorBefore);
    expect(h.events).toEqual([]);
    return reply as { ok: false; error: string };
  }

  it.each([
    ['a string', 'deleteEverything'],
    ['null', null],
    ['an array', [{ type: 'deleteEverything', payload: { confirm: 'DELETE' } }]],
    ['no payload', { type: 'deleteEverything' }],
    ['a numeric type', { type: 7, payload: {} }],
    ['extra keys', { type: 'deleteEverything', payload: { confirm: 'DELETE' }, sender: 'admin' }],
    ['a class instance', Object.assign(new (class Req {})(), { type: 'deleteEverything', payload: { confirm: 'DELETE' } })],
  ])('malformed message: %s', async (_, message) => {
    const reply = await expectRejected(message, senders.popup(), 'bad-request');
    expect(reply.error).toMatch(/expected \{ type, payload \}/);
  });

  it.each(['dropTables', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])('unknown type %s', async (type) => {
    const reply = await expectRejected({ type, payload: {} }, senders.popup(), 'unknown-type');
    expect(reply.error).toContain('Unknown request type');
  });

  it('a payload with an own __proto__ key is rejected by the strict schema', async () => {
    const payload = JSON.parse('{"confirm":"DELETE","__proto__":{"admin":true}}');
    await expectRejected({ type: 'deleteEverything', payload }, senders.popup(), 'bad-request');
  });

  it('names the field that is wrong', async () => {
    const reply = await expectRejected(
      { type: 'saveNote', payload: { contractorKey: KEY, kind: 'general', body: '' } },
      senders.popup(),
      'bad-request',
    );
    expect(reply.error).toMatch(/saveNote/);
    expect(reply.error).toMatch(/body/);
  });

  it('names a nested field', async () => {
    const reply = await expectRejected(
      { type: 'updateContractor', payload: { key: KEY, patch: { status: 'fired' } } },
      senders.popup(),
      'bad-request',
    );
    expect(reply.error).toMatch(/patch\.status/);
  });

  describe.each(WRITES)('forbidden senders for %s', (type, payload) => {
    it('another extension (page URL of another id)', async () => {
      await expectRejected({ type, payload }, { id: 'evil-extension', url: 'chrome-extension://evil-extension/popup.html' }, 'forbidden');
    });
    it('another extension pretending to be a marketplace content script', async () => {
      await expectRejected(
        { type, payload },
        { id: 'evil-extension', url: 'https://www.upwork.com/x', tab: { id: 3, url: 'https://www.upwork.com/x' } as never },
        'forbidden',
      );
    });
    it('a web page (our id but a web URL that is not a marketplace)', async () => {
      await expectRejected({ type, payload }, senders.content('https://evil.example/'), 'forbidden');
    });
    it('a look-alike host', async () => {
      await expectRejected({ type, payload }, senders.content('https://upwork.com.evil.example/freelancers/x'), 'forbidden');
    });
    it('no sender information at all', async () => {
      await expectRejected({ type, payload }, {}, 'forbidden');
    });
  });

  it.each(WRITES.filter(([t]) => t !== 'reportPage'))('content script asking for page request %s', async (type, payload) => {
    await expectRejected({ type, payload }, senders.content(), 'forbidden');
  });

  it('a content script cannot read private data (getContractor, getDashboard)', async () => {
    await expectRejected({ type: 'getContractor', payload: { key: KEY } }, senders.content(), 'forbidden');
    await expectRejected({ type: 'getDashboard', payload: {} }, senders.content(), 'forbidden');
  });

  it('a prefix trick on the extension origin is not our page', async () => {
    const base = browser.runtime.getURL('/').replace(/\/$/, '');
    await expectRejected(
      { type: 'deleteEverything', payload: { confirm: 'DELETE' } },
      { id: browser.runtime.id, url: `${base}.evil.example/` },
      'forbidden',
    );
  });

  it('forbidden is decided before the payload is looked at', async () => {
    await expectRejected({ type: 'saveNote', payload: { nonsense: true } }, senders.content('https://evil.example/'), 'forbidden');
  });
});

describe('router accepts the right senders', () => {
  it('content requests from a marketplace tab (any subdomain) and from our pages', async () => {
    for (const sender of [
      senders.content('https://community.upwork.com/x'),
      senders.content('https://www.fiverr.com/ada'),
      senders.popup(),
    ]) {
      expect(await h.call('getSiteSwitches', {}, sender)).toMatchObject({ ok: true });
    }
  });

  it('page requests from every extension page, including the overlay frame in a marketplace tab', async () => {
    for (const sender of [senders.popup(), senders.sidepanel(), senders.overlay()]) {
      expect(await h.call('getSettings', {}, sender)).toMatchObject({ ok: true });
    }
  });

  it('falls back to the tab URL when the frame URL is missing', async () => {
    const sender = { id: browser.runtime.id, tab: { id: 4, url: 'https://www.guru.com/freelancers/x' } as never };
    expect(await h.call('getSiteSwitches', {}, sender)).toMatchObject({ ok: true });
  });

  it('ignores its own broadcast events (they are not requests)', () => {
    expect(h.router({ event: CHANGE_EVENT, tables: ['notes'] }, senders.popup())).toBeUndefined();
    expect(h.router({ event: TAB_CONTEXT_EVENT, tabId: 1, key: null, site: null, url: null }, senders.popup())).toBeUndefined();
    // The popup tells the side panel which project to show; the router must leave it to the panel.
    expect(h.router({ event: SHOW_PROJECT_EVENT, projectId: 'p1' }, senders.popup())).toBeUndefined();
  });
});

describe('errors', () => {
  it('maps a quota error during a write to code "quota" and keeps the data', async () => {
    await seed();
    const before = await h.counts();
    vi.spyOn(h.db.notes, 'add').mockRejectedValue(new Dexie.QuotaExceededError('QuotaExceededError', 'full'));
    const reply = await h.call('saveNote', { contractorKey: KEY, kind: 'general', body: 'new' });
    expect(reply).toEqual({ ok: false, code: 'quota', error: QUOTA_MESSAGE });
    expect(await h.counts()).toEqual(before);
    expect(h.events).toEqual([]);
  });

  it('recognises quota errors by DOMException name, wrapped inner errors and Firefox names', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(
      isQuotaError(Object.assign(new Error('abort'), { name: 'AbortError', inner: new DOMException('x', 'QuotaExceededError') })),
    ).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError mentioned in text only'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('maps anything unexpected to "internal" with a readable message and keeps the data', async () => {
    await seed();
    const before = await h.counts();
    vi.spyOn(h.db.projects, 'update').mockRejectedValue(new Error('disk on fire'));
    const [project] = await h.db.projects.toArray();
    const reply = await h.call('updateProject', { id: project!.id, patch: { title: 'New' } });
    expect(reply).toMatchObject({ ok: false, code: 'internal' });
    expect((reply as { error: string }).error).toMatch(/disk on fire/);
    expect((reply as { error: string }).error).toMatch(/try again/i);
    expect(await h.counts()).toEqual(before);
    expect((await h.db.projects.get(project!.id))?.title).toBe('Logo');
  });

  it('not found is its own code', async () => {
    const reply = await h.call('updateProject', { id: 'gone', patch: { title: 'x' } });
    expect(reply).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('toReplyError handles non-Error throws', () => {
    expect(toReplyError('weird')).toMatchObject({ code: 'internal' });
  });
});

describe('broadcasts', () => {
  it('announces each write once, with the tables and keys it touched, to pages and reporting tabs', async () => {
    await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content(undefined, 11));
    h.events.length = 0;
    const note = await h.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'x' });
    expect(h.events).toEqual([
      // The note, and settings.lastChangeAt that the backup reminder reads: what the transaction wrote.
      { event: { event: CHANGE_EVENT, tables: ['notes', 'settings'], contractorKeys: [KEY] }, tabIds: [11] },
    ]);
    h.events.length = 0;
    await h.ok('deleteNote', { id: note.id });
    expect(h.events[0]?.event).toMatchObject({ tables: ['notes'], contractorKeys: [KEY] });
  });

  it('reads do not broadcast', async () => {
    await h.ok('getDashboard', {});
    await h.ok('getSettings', {});
    await h.ok('getBadges', { keys: [KEY] }, senders.content());
    expect(h.events).toEqual([]);
  });

  it('a deletion of something already gone does not broadcast', async () => {
    expect(await h.ok('deleteNote', { id: 'nope' })).toEqual({ deleted: false });
    expect(h.events).toEqual([]);
  });

  it('announces a tab showing another contractor', async () => {
    await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content(undefined, 5));
    const tabEvents = h.events.filter((e) => e.event.event === TAB_CONTEXT_EVENT).map((e) => e.event);
    expect(tabEvents).toEqual([
      { event: TAB_CONTEXT_EVENT, tabId: 5, key: KEY, site: 'upwork', url: 'https://www.upwork.com/freelancers/~01abc' },
    ]);
  });
});
