/** Options → settings sections on the real background: each save goes through the router and is what getSettings then returns. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CurrencySetting, SiteSwitches } from '../../../components/options/GeneralSettings';
import { ReminderSettings } from '../../../components/options/ReminderSettings';
import { StorageSection } from '../../../components/options/StorageSection';
import { PrivacySection } from '../../../components/options/PrivacySection';
import { send } from '../../../lib/messaging/client';
import type { Settings } from '../../../lib/db/schema';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

const optionsPage = senders.options;
let bg: RealBackground;

beforeEach(() => {
  bg = realBackground(optionsPage);
});
const ownStorage = Object.getOwnPropertyDescriptor(navigator, 'storage');
afterEach(() => {
  cleanup();
  if (ownStorage) Object.defineProperty(navigator, 'storage', ownStorage);
  else delete (navigator as { storage?: unknown }).storage;
});

/** As the options page saves (OptionsApp): updateSettings through the view's own send. */
const saver = () =>
  vi.fn(async (patch: Partial<Settings>) => {
    await send('updateSettings', { patch });
    return true;
  });
const stored = () => bg.ok('getSettings', {}, optionsPage());
const updates = () => bg.sent.filter((r) => r.type === 'updateSettings').map((r) => r.payload);

describe('ReminderSettings', () => {
  it('turns notifications on (permission already granted) and off', async () => {
    const save = saver();
    const { rerender } = render(<ReminderSettings settings={await stored()} save={save} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Desktop notifications/ }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ notifications: true }));
    await waitFor(async () => expect((await stored()).notifications).toBe(true));
    rerender(<ReminderSettings settings={await stored()} save={save} />);
    expect((screen.getByRole('checkbox', { name: /Desktop notifications/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /Desktop notifications/ }));
    await waitFor(() => expect(save).toHaveBeenLastCalledWith({ notifications: false }));
    await waitFor(async () => expect((await stored()).notifications).toBe(false));
    expect(updates()).toEqual([{ patch: { notifications: true } }, { patch: { notifications: false } }]);
  });

  it('does not switch notifications on when the browser refuses the permission', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const save = saver();
    render(<ReminderSettings settings={await stored()} save={save} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Desktop notifications/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('the browser did not allow them');
    expect(save).not.toHaveBeenCalled();
    expect(updates()).toEqual([]);
    expect((await stored()).notifications).toBe(false);
  });

  it('saves a valid due-soon window and explains an invalid one', async () => {
    await bg.ok('updateSettings', { patch: { dueSoonDays: 3 } }, optionsPage());
    bg.sent.length = 0;
    const save = saver();
    render(<ReminderSettings settings={await stored()} save={save} />);
    const input = screen.getByLabelText(/due soon/) as HTMLInputElement;
    expect(input.value).toBe('3');
    fireEvent.input(input, { target: { value: '99' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number of days from 0 to 60.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(save).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: '7' } });
    fireEvent.blur(input);
    expect(save).toHaveBeenCalledWith({ dueSoonDays: 7 });
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(async () => expect((await stored()).dueSoonDays).toBe(7));
    expect(updates()).toEqual([{ patch: { dueSoonDays: 7 } }]);
  });
});

describe('currency and site switches', () => {
  it('saves the default currency', async () => {
    const save = saver();
    render(<CurrencySetting settings={await stored()} save={save} />);
    const select = screen.getByLabelText('Default currency for new projects') as HTMLSelectElement;
    expect(select.value).toBe('USD');
    expect([...select.options].some((o) => o.value === 'EUR')).toBe(true);
    fireEvent.change(select, { target: { value: 'EUR' } });
    expect(save).toHaveBeenCalledWith({ defaultCurrency: 'EUR' });
    await waitFor(async () => expect((await stored()).defaultCurrency).toBe('EUR'));
    expect(updates()).toEqual([{ patch: { defaultCurrency: 'EUR' } }]);
  });

  it('switches one marketplace off, keeping the others', async () => {
    const save = saver();
    render(<SiteSwitches settings={await stored()} save={save} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fiverr' }));
    const sites = {
      upwork: true,
      fiverr: false,
      freelancer: true,
      peopleperhour: true,
      guru: true,
      toptal: true,
      contra: true,
      malt: true,
    };
    expect(save).toHaveBeenCalledWith({ sites });
    await waitFor(async () => expect((await stored()).sites).toEqual(sites));
    expect(updates()).toEqual([{ patch: { sites } }]);
  });
});

/** The browser's storage manager (not Vetted's): what the background reads for space and persistence. */
function browserStorage(answer: { usage?: number; quota?: number; persisted: boolean; grants?: boolean }) {
  const storage = {
    estimate: vi.fn(async () => ({ usage: answer.usage, quota: answer.quota })),
    persisted: vi.fn(async () => answer.persisted),
    persist: vi.fn(async () => {
      if (answer.grants) answer.persisted = true;
      return answer.grants ?? false;
    }),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return storage;
}

async function contractors(n: number) {
  for (let i = 0; i < n; i++) {
    const siteId = `~01c${i}`;
    const key = `upwork:${siteId}`;
    const profileUrl = `https://www.upwork.com/freelancers/${siteId}`;
    await bg.ok(
      'reportPage',
      { site: 'upwork', profile: snapshot({ key, siteId, profileUrl, name: `Person ${i}` }) },
      senders.content(profileUrl),
    );
  }
}

describe('StorageSection', () => {
  it('shows space used, persistence and what is stored', async () => {
    const storage = browserStorage({ usage: 2.5 * 1024 * 1024, quota: 10 * 1024 ** 3, persisted: false, grants: true });
    await contractors(12);
    for (let i = 0; i < 30; i++) await bg.ok('saveNote', { contractorKey: `upwork:~01c${i % 12}`, kind: 'general', body: `Note ${i}` });
    render(<StorageSection />);
    const info = await screen.findByTestId('storage-info');
    expect(info.textContent).toContain('2.5 MB');
    expect(info.textContent).toContain('of 10 GB available');
    expect(info.textContent).toContain('No, the browser may clear it');
    expect(info.textContent).toContain('Stored: 12 contractors, ');
    expect(info.textContent).toContain(', 30 notes, ');
    expect(bg.sent).toEqual([{ type: 'getStorageInfo', payload: {} }]);
    const counts = await bg.counts();
    expect([counts.contractors, counts.notes]).toEqual([12, 30]);

    // Asking: the browser grants it, and the section, asking again, says so.
    fireEvent.click(screen.getByRole('button', { name: 'Ask the browser to keep it' }));
    expect((await screen.findByRole('status')).textContent).toContain('will now keep Vetted’s data');
    await waitFor(() => expect(screen.getByTestId('storage-info').textContent).toContain('Yes, persistent'));
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(bg.sent.filter((r) => r.type === 'getStorageInfo')).toHaveLength(2);
  });

  it('uses the singular for one record', async () => {
    browserStorage({ persisted: true });
    await contractors(1);
    await bg.ok('saveRating', {
      rating: { contractorKey: 'upwork:~01c0', quality: 4, communication: 4, timeliness: 4, value: 4, wouldRehire: true },
    });
    render(<StorageSection />);
    const text = (await screen.findByTestId('storage-info')).textContent ?? '';
    expect(text).toContain('Stored: 1 contractor, ');
    expect(text).toContain(', 0 notes, 1 rating, ');
    expect(text).not.toContain('contractors');
    expect(text).toContain('Space used');
    expect(text).toContain('unknown');
  });

  it('says when storage is persistent', async () => {
    browserStorage({ persisted: true });
    render(<StorageSection />);
    expect((await screen.findByTestId('storage-info')).textContent).toContain('Yes, persistent');
    expect(screen.queryByRole('button', { name: 'Ask the browser to keep it' })).toBeNull();
    expect(bg.sent).toEqual([{ type: 'getStorageInfo', payload: {} }]);
  });
});

describe('PrivacySection', () => {
  it('covers local storage, what the page can see and uninstall', () => {
    const { container } = render(<PrivacySection />);
    const text = container.textContent ?? '';
    expect(text).toContain('Everything stays in this browser.');
    expect(text).toContain('cannot read your notes');
    expect(text).toContain('Uninstalling deletes your data.');
  });
});
