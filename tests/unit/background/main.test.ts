import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../lib/background/main';
import { freshDb, senders, snapshot } from './harness';
import { hasPendingWords } from '../../../lib/db/note-words-backfill';
import { DEFER_WORDS_FROM } from '../../../lib/db/repositories/sync';

beforeEach(() => {
  fakeBrowser.reset();
  // fakeBrowser has no commands or context menus: the background registers both at start-up.
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((() => 1) as never);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
});

describe('startBackground', () => {
  it('asks for persistent storage once, answers requests, and forbids senders without identity', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { ...navigator, storage: { persist, persisted: async () => false, estimate: async () => ({}) } });
    try {
      startBackground(freshDb());
      await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));

      const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'getSiteSwitches', payload: {} }, senders.content());
      expect(reply).toMatchObject({ ok: true, data: { upwork: true } });
      // fakeBrowser's sendMessage stamps no sender: exactly what a foreign caller looks like.
      expect(await fakeBrowser.runtime.sendMessage({ type: 'getSettings', payload: {} })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(persist).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('registers the overlay shortcut and the "Track this page" menu item', () => {
    startBackground(freshDb());
    expect(fakeBrowser.commands.onCommand.addListener).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.contextMenus.onClicked.addListener).toHaveBeenCalledTimes(1);
  });

  it('forgets the context of a closed tab', async () => {
    const bg = startBackground(freshDb());
    await bg.tabs.set(5, { key: 'upwork:~01abc', site: 'upwork', url: 'https://www.upwork.com/freelancers/~01abc' });
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 0, isWindowClosing: false });
    await vi.waitFor(async () => expect(await bg.tabs.get(5)).toBeUndefined());
  });

  it('fills in the search words a restore deferred, once that restore has committed', async () => {
    const db = freshDb();
    startBackground(db);
    const ask = async (type: string, payload: unknown) => {
      const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, senders.options());
      return ((await reply) as { data: unknown }).data;
    };
    await ask('trackContractor', { profile: snapshot() });
    const backup = JSON.parse(((await ask('exportBackup', {})) as { text: string }).text) as { data: { notes: unknown[] } };
    for (let i = 0; i < DEFER_WORDS_FROM; i++) {
      const t = Date.UTC(2026, 0, 1) + i;
      backup.data.notes.push({
        id: `n-${i}`,
        contractorKey: snapshot().key,
        kind: 'general',
        body: `Shop redesign call ${i}`,
        createdAt: t,
        updatedAt: t,
      });
    }
    const report = (await ask('importBackup', { text: JSON.stringify(backup) })) as { tables: Record<string, { added: number }> };
    expect(report.tables.notes?.added).toBe(DEFER_WORDS_FROM);
    await vi.waitFor(async () => expect(await hasPendingWords(db)).toBe(false), { timeout: 10_000 });
    expect(await db.notes.where('words').startsWith('redesign').count()).toBe(DEFER_WORDS_FROM);
  });
});
