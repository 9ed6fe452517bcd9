/**
 * Issue 12, attacks 3–5: only the overlay frame the content script bound may read or write; a
 * frame the page made (or the real one re-pointed to a new document) is refused everything.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { makeHarness, senders, type Harness } from './harness';

const KEY = 'upwork:~01abc';
const OTHER = 'upwork:~01other';
const NONCE = 'A'.repeat(32);
type Sender = Browser.runtime.MessageSender;

const topFrame = (tabId = 7): Sender => ({ ...senders.content('https://www.upwork.com/freelancers/~01abc', tabId), frameId: 0 });
const frame = (frameId: number, tabId = 7, documentId?: string): Sender => ({
  id: browser.runtime.id,
  url: browser.runtime.getURL('/overlay.html'),
  frameId,
  tab: { id: tabId, url: 'https://www.upwork.com/freelancers/~01abc' } as Browser.tabs.Tab,
  ...(documentId ? { documentId } : {}),
});
const profile = (key: string, name: string) => ({
  key,
  site: 'upwork' as const,
  siteId: key.slice(7),
  name,
  profileUrl: `https://www.upwork.com/freelancers/${key.slice(7)}`,
});

describe('overlay frame binding', () => {
  let h: Harness;
  beforeEach(async () => {
    h = makeHarness();
    await h.ok('trackContractor', { profile: profile(KEY, 'Sergii') });
    await h.ok('trackContractor', { profile: profile(OTHER, 'Other Person') });
  });

  it('the frame that claims the content script’s nonce gets the tab’s contractor and may write', async () => {
    await h.ok('bindOverlay', { nonce: NONCE, key: KEY }, topFrame());
    expect(await h.ok('claimOverlay', { nonce: NONCE }, frame(4, 7, 'doc-1'))).toEqual({ tabId: 7, key: KEY });
    await h.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'ok' }, frame(4, 7, 'doc-1'));
  });

  it('refuses every request, reads included, from a frame the page made', async () => {
    await h.ok('bindOverlay', { nonce: NONCE, key: KEY }, topFrame());
    await h.ok('claimOverlay', { nonce: NONCE }, frame(4));
    const stray = senders.strayOverlay(7, 9);
    for (const [type, payload] of [
      ['getContractor', { key: OTHER }],
      ['updateContractor', { key: OTHER, patch: { status: 'avoid' } }],
      ['updateSettings', { patch: { overlayOpen: true } }],
      ['saveNote', { contractorKey: OTHER, kind: 'general', body: 'x' }],
      ['claimOverlay', { nonce: NONCE }],
      ['claimOverlay', { nonce: 'B'.repeat(32) }],
      ['overlayLayout', { open: true }],
    ] as const) {
      const reply = await h.call(type, payload as never, stray);
      expect(reply.ok, type).toBe(false);
      if (!reply.ok) expect(reply.code).toBe('forbidden');
    }
    expect((await h.ok('getContractor', { key: OTHER }))?.contractor.status).toBe('prospect');
    expect((await h.ok('getSettings', {})).overlayOpen).not.toBe(true);
  });

  it('a new document in the real frame (re-pointed by the page) is not trusted until it claims a new nonce', async () => {
    await h.ok('bindOverlay', { nonce: NONCE, key: KEY }, topFrame());
    await h.ok('claimOverlay', { nonce: NONCE }, frame(4, 7, 'doc-1'));
    const repointed = frame(4, 7, 'doc-2');
    expect((await h.call('getContractor', { key: OTHER }, repointed)).ok).toBe(false);
    expect((await h.call('claimOverlay', { nonce: NONCE }, repointed)).ok).toBe(false);
  });

  it('only the top frame of a tab may bind, and a nonce binds one tab', async () => {
    const reply = await h.call('bindOverlay', { nonce: NONCE, key: OTHER }, { ...topFrame(), frameId: 2 });
    expect(reply.ok).toBe(false);
    await h.ok('bindOverlay', { nonce: NONCE, key: KEY }, topFrame(7));
    expect((await h.call('claimOverlay', { nonce: NONCE }, frame(4, 8))).ok).toBe(false);
  });

  it('a shortlist click from a card tracks the contractor and shortlists them', async () => {
    const p = profile('upwork:~01new', 'New Person');
    await h.ok('shortlistFromCard', { profile: p, status: 'shortlisted' }, topFrame());
    expect((await h.ok('getContractor', { key: p.key }))?.contractor.status).toBe('shortlisted');
    await h.ok('shortlistFromCard', { profile: p, status: 'prospect' }, topFrame());
    expect((await h.ok('getContractor', { key: p.key }))?.contractor.status).toBe('prospect');
  });

  it('with a list chosen for search results, the one click also adds them to it (and the undo takes them off)', async () => {
    const list = await h.ok('saveList', { name: 'Logo designers, March' });
    const other = await h.ok('saveList', { name: 'Writers' });
    await h.ok('updateSettings', { patch: { cardListId: list.id } });
    const p = profile('upwork:~01card', 'Card Person');
    await h.ok('shortlistFromCard', { profile: p, status: 'shortlisted' }, topFrame());
    const after = await h.ok('listLists', { key: p.key });
    expect(after.memberOf).toEqual([list.id]);
    expect(after.lists.find((l) => l.id === other.id)?.count).toBe(0);
    await h.ok('shortlistFromCard', { profile: p, status: 'prospect' }, topFrame());
    expect((await h.ok('listLists', { key: p.key })).memberOf).toEqual([]);
    // No list chosen (null) or a deleted one: the click only shortlists.
    await h.ok('updateSettings', { patch: { cardListId: null } });
    await h.ok('shortlistFromCard', { profile: p, status: 'shortlisted' }, topFrame());
    expect((await h.ok('listLists', { key: p.key })).memberOf).toEqual([]);
    await h.ok('updateSettings', { patch: { cardListId: other.id } });
    await h.ok('deleteList', { id: other.id });
    await h.ok('shortlistFromCard', { profile: p, status: 'prospect' }, topFrame());
    expect((await h.ok('getContractor', { key: p.key }))?.contractor.status).toBe('prospect');
  });
});
