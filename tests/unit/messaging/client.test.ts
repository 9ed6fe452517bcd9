/** The client and the router together over fakeBrowser's runtime messaging. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOST_ANSWER, onChange, send, VettedError } from '../../../lib/messaging/client';
import { createRouter } from '../../../lib/background/router';
import type { ChangeEvent } from '../../../lib/messaging/protocol';
import { freshDb, senders, snapshot } from '../background/harness';

beforeEach(() => {
  fakeBrowser.reset();
  const router = createRouter({ db: freshDb() });
  // fakeBrowser delivers messages without a sender; this stands in for the browser's sender stamp.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => router(message, senders.popup()));
});

describe('send', () => {
  it('returns the data of a successful request', async () => {
    const c = await send('trackContractor', { profile: snapshot() });
    expect(c.key).toBe('upwork:~01abc');
    expect((await send('getContractor', { key: 'upwork:~01abc' }))?.contractor.name).toBe('Ada Lovelace');
  });

  it('throws a VettedError with the code and message of a rejected request', async () => {
    const err = await send('saveNote', { contractorKey: 'upwork:~01abc', kind: 'general', body: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VettedError);
    expect(err).toMatchObject({ code: 'bad-request' });
    expect((err as Error).message).toMatch(/body/);
    await expect(send('updateProject', { id: 'nope', patch: { title: 'x' } })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('explains when the background cannot be reached', async () => {
    fakeBrowser.reset(); // no listener: like an extension reloaded under an open page
    await expect(send('getSettings', {})).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/reload this page/) });
  });

  it('says a change may be saved when the background stopped before answering', async () => {
    // As Chrome and Firefox reject when the service worker / event page stops mid-request.
    for (const text of [
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      'The message port closed before a response was received.',
    ]) {
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error(text));
      await expect(send('saveNote', { contractorKey: 'upwork:~01abc', kind: 'general', body: 'x' })).rejects.toMatchObject({
        code: 'internal',
        message: LOST_ANSWER,
      });
    }
    expect(LOST_ANSWER).toMatch(/may already be saved/);
  });
});

describe('onChange', () => {
  it('hears the broadcast after a write, and stops after unsubscribing', async () => {
    const heard: ChangeEvent[] = [];
    const stop = onChange((e) => heard.push(e));
    await send('trackContractor', { profile: snapshot() });
    await vi.waitFor(() =>
      expect(heard).toEqual([expect.objectContaining({ tables: ['contractors', 'settings'], contractorKeys: ['upwork:~01abc'] })]),
    );
    stop();
    await send('updateContractor', { key: 'upwork:~01abc', patch: { status: 'hired' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toHaveLength(1);
  });
});
