import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { broadcast } from '../../../lib/background/broadcast';
import { CHANGE_EVENT, type ChangeEvent } from '../../../lib/messaging/protocol';

const event: ChangeEvent = { event: CHANGE_EVENT, tables: ['notes'], contractorKeys: ['upwork:~01abc'] };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('broadcast', () => {
  it('reaches extension pages through runtime messaging', async () => {
    const heard: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => void heard.push(m));
    await broadcast(event);
    expect(heard).toEqual([event]);
  });

  it('reaches content scripts in the tabs that reported a page', async () => {
    const sent: [number, unknown][] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, m: unknown) => {
      sent.push([tabId, m]);
    });
    await broadcast(event, [3, 8]);
    expect(sent).toEqual([
      [3, event],
      [8, event],
    ]);
  });

  it('no open page and closed tabs are not errors', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(broadcast(event, [1])).resolves.toBeUndefined();
  });
});
