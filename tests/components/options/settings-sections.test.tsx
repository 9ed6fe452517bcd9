import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CurrencySetting, SiteSwitches } from '../../../components/options/GeneralSettings';
import { ReminderSettings } from '../../../components/options/ReminderSettings';
import { StorageSection } from '../../../components/options/StorageSection';
import { PrivacySection } from '../../../components/options/PrivacySection';
import type { Settings } from '../../../lib/db/schema';
import { settings } from './helpers';

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));

beforeEach(() => {
  fakeBrowser.reset();
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
});
afterEach(cleanup);

const saver = () => vi.fn(async (_patch: Partial<Settings>) => true);

describe('ReminderSettings', () => {
  it('turns notifications on (permission already granted) and off', async () => {
    const save = saver();
    const { rerender } = render(<ReminderSettings settings={settings()} save={save} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Desktop notifications/ }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ notifications: true }));
    rerender(<ReminderSettings settings={settings({ notifications: true })} save={save} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Desktop notifications/ }));
    await waitFor(() => expect(save).toHaveBeenLastCalledWith({ notifications: false }));
  });

  it('does not switch notifications on when the browser refuses the permission', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const save = saver();
    render(<ReminderSettings settings={settings()} save={save} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Desktop notifications/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('the browser did not allow them');
    expect(save).not.toHaveBeenCalled();
  });

  it('saves a valid due-soon window and explains an invalid one', () => {
    const save = saver();
    render(<ReminderSettings settings={settings({ dueSoonDays: 3 })} save={save} />);
    const input = screen.getByLabelText(/due soon/);
    fireEvent.input(input, { target: { value: '99' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number of days from 0 to 60.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(save).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: '7' } });
    fireEvent.blur(input);
    expect(save).toHaveBeenCalledWith({ dueSoonDays: 7 });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('currency and site switches', () => {
  it('saves the default currency', () => {
    const save = saver();
    render(<CurrencySetting settings={settings()} save={save} />);
    const select = screen.getByLabelText('Default currency for new projects') as HTMLSelectElement;
    expect(select.value).toBe('USD');
    expect([...select.options].some((o) => o.value === 'EUR')).toBe(true);
    fireEvent.change(select, { target: { value: 'EUR' } });
    expect(save).toHaveBeenCalledWith({ defaultCurrency: 'EUR' });
  });

  it('switches one marketplace off, keeping the others', () => {
    const save = saver();
    render(<SiteSwitches settings={settings()} save={save} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fiverr' }));
    expect(save).toHaveBeenCalledWith({
      sites: { upwork: true, fiverr: false, freelancer: true, peopleperhour: true, guru: true, toptal: true, contra: true, malt: true },
    });
  });
});

describe('StorageSection', () => {
  it('shows space used, persistence and what is stored', async () => {
    client.send.mockResolvedValue({
      usage: 2.5 * 1024 * 1024,
      quota: 10 * 1024 ** 3,
      persisted: false,
      counts: { contractors: 12, notes: 30, settings: 1 },
    });
    render(<StorageSection />);
    const info = await screen.findByTestId('storage-info');
    expect(info.textContent).toContain('2.5 MB');
    expect(info.textContent).toContain('of 10 GB available');
    expect(info.textContent).toContain('No, the browser may clear it');
    expect(info.textContent).toContain('Stored: 12 contractors, 30 notes.');
    expect(screen.getByRole('button', { name: 'Ask the browser to keep it' })).toBeTruthy();
  });

  it('uses the singular for one record', async () => {
    client.send.mockResolvedValue({ persisted: true, counts: { contractors: 1, ratings: 1, notes: 0 } });
    render(<StorageSection />);
    expect((await screen.findByTestId('storage-info')).textContent).toContain('Stored: 1 contractor, 1 rating, 0 notes.');
  });

  it('says when storage is persistent', async () => {
    client.send.mockResolvedValue({ persisted: true, counts: {} });
    render(<StorageSection />);
    expect((await screen.findByTestId('storage-info')).textContent).toContain('Yes, persistent');
    expect(screen.queryByRole('button', { name: 'Ask the browser to keep it' })).toBeNull();
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
