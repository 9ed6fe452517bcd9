/**
 * The popup's "Track this page": `getTrackable` says whether the tab the popup was opened on can
 * be tracked, `trackPage` reads it (activeTab + scripting), tracks the contractor and points the
 * tab's context at them. The browser's scripting API is the only thing stubbed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CANNOT_READ_MESSAGE, NOTHING_READABLE_MESSAGE, READER_SCRIPT } from '../../../lib/background/tab-reader';
import { CHANGE_EVENT, TAB_CONTEXT_EVENT } from '../../../lib/messaging/protocol';
import { makeHarness, senders, type Harness } from './harness';

const SNAPSHOT = {
  key: 'generic:jane.example/portfolio',
  site: 'generic',
  siteId: 'jane.example/portfolio',
  name: 'Jane Doe — Illustrator',
  profileUrl: 'https://jane.example/portfolio',
} as const;

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => vi.restoreAllMocks());

const scriptReturns = (result: unknown) =>
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result }] as never);
const scriptRefused = (message: string) => vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error(message));

describe('getTrackable', () => {
  it('offers tracking on an ordinary web page, asking the tab only for its address', async () => {
    const exec = scriptReturns('https://jane.example/portfolio?ref=x');
    expect(await h.ok('getTrackable', { tabId: 4 })).toEqual({ state: 'ready' });
    expect(exec).toHaveBeenCalledTimes(1);
    const [injection] = exec.mock.calls[0]!;
    expect(injection.target).toEqual({ tabId: 4 });
    expect('files' in injection).toBe(false);
    expect(await h.counts()).toMatchObject({ contractors: 0 });
  });

  it('offers nothing on a marketplace page: the overlay covers it', async () => {
    scriptReturns('https://www.upwork.com/nx/search/talent/?q=react');
    expect(await h.ok('getTrackable', { tabId: 4 })).toEqual({ state: 'marketplace' });
  });

  it('explains a page the browser will not let it read', async () => {
    scriptRefused('Cannot access a chrome:// URL');
    expect(await h.ok('getTrackable', { tabId: 4 })).toEqual({ state: 'unavailable', message: CANNOT_READ_MESSAGE });
    expect(CANNOT_READ_MESSAGE).toMatch(/can’t read browser pages/);
  });

  it('explains a page that is not on the web (a file or a browser page that let the script run)', async () => {
    scriptReturns('file:///home/me/cv.html');
    expect(await h.ok('getTrackable', { tabId: 4 })).toEqual({ state: 'unavailable', message: CANNOT_READ_MESSAGE });
    vi.restoreAllMocks();
    scriptReturns(undefined);
    expect(await h.ok('getTrackable', { tabId: 4 })).toEqual({ state: 'unavailable', message: NOTHING_READABLE_MESSAGE });
  });

  it('is refused to the content script: only the popup asks', async () => {
    const exec = scriptReturns('https://jane.example/');
    const reply = await h.call('getTrackable', { tabId: 4 }, senders.content());
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
    expect(exec).not.toHaveBeenCalled();
  });
});

describe('trackPage', () => {
  it('reads the tab with the generic reader, tracks the contractor and points the tab at them', async () => {
    const exec = scriptReturns(SNAPSHOT);
    const contractor = await h.ok('trackPage', { tabId: 12 });
    expect(exec).toHaveBeenCalledWith({ target: { tabId: 12 }, files: [READER_SCRIPT] });
    expect(contractor).toMatchObject({ key: SNAPSHOT.key, name: SNAPSHOT.name, site: 'generic', status: 'prospect' });
    expect(await h.db.contractors.get(SNAPSHOT.key)).toMatchObject({ name: SNAPSHOT.name, profileUrl: SNAPSHOT.profileUrl });
    expect(await h.ok('getTabContext', { tabId: 12 })).toEqual({ tabId: 12, key: SNAPSHOT.key, site: 'generic', url: SNAPSHOT.profileUrl });
    await vi.waitFor(() => {
      expect(h.events.map((e) => e.event.event)).toEqual([CHANGE_EVENT, TAB_CONTEXT_EVENT]);
    });
    expect(h.events[1]!.event).toMatchObject({ tabId: 12, key: SNAPSHOT.key });
  });

  it('tracking the same page again keeps one contractor and what the user wrote about them', async () => {
    scriptReturns(SNAPSHOT);
    await h.ok('trackPage', { tabId: 12 });
    await h.ok('updateContractor', { key: SNAPSHOT.key, patch: { status: 'shortlisted' } });
    const again = await h.ok('trackPage', { tabId: 12 });
    expect(again).toMatchObject({ key: SNAPSHOT.key, status: 'shortlisted' });
    expect(await h.counts()).toMatchObject({ contractors: 1 });
  });

  it('a page the browser will not let it read: a clear error, nothing written', async () => {
    scriptRefused('The extensions gallery cannot be scripted.');
    const reply = await h.call('trackPage', { tabId: 3 });
    expect(reply).toEqual({ ok: false, code: 'forbidden', error: CANNOT_READ_MESSAGE });
    expect(await h.counts()).toMatchObject({ contractors: 0 });
    expect(await h.tabs.get(3)).toBeUndefined();
  });

  it('a page with nothing readable: a clear error, nothing written', async () => {
    scriptReturns(null);
    const reply = await h.call('trackPage', { tabId: 3 });
    expect(reply).toEqual({ ok: false, code: 'not-found', error: NOTHING_READABLE_MESSAGE });
    expect(await h.counts()).toMatchObject({ contractors: 0 });
  });

  it('a malformed reading is refused rather than stored', async () => {
    scriptReturns({ ...SNAPSHOT, key: 'no spaces allowed here' });
    expect(await h.call('trackPage', { tabId: 3 })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await h.counts()).toMatchObject({ contractors: 0 });
  });

  it('is refused to the content script', async () => {
    const exec = scriptReturns(SNAPSHOT);
    expect(await h.call('trackPage', { tabId: 12 }, senders.content())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(exec).not.toHaveBeenCalled();
  });
});
