/** Milestones and payments agree (./milestone-payments.shared.ts) in Debian's chromium. */
import { launchChromium, type ChromiumSession } from './harness';
import { describeMilestonePayments } from './milestone-payments.shared';

type ActionApi = { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };
let chromium: ChromiumSession;

describeMilestonePayments({
  name: 'Chromium',
  launch: async () => (chromium = await launchChromium()),
  badge: () =>
    chromium.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ActionApi }).chrome;
      return { text: await api.action.getBadgeText({}), title: await api.action.getTitle({}) };
    }),
  async approveAndRecord(panel, id) {
    await panel.locator(`#ms-status-${id}`).selectOption('approved');
    await panel.getByRole('button', { name: /^Record payment for / }).waitFor();
    // The offer takes focus, so Enter records it.
    await panel.waitForFunction(() => document.activeElement?.textContent === 'Record payment');
    await panel.keyboard.press('Enter');
  },
  async popupOverdue(popup) {
    return popup.evaluate(() => ({
      flags: document.querySelectorAll('[data-testid="overdue-flag"]').length,
      total: document.querySelectorAll('[data-testid="popup-totals"] .pp-stat')[1]?.querySelector('strong')?.textContent ?? '',
    }));
  },
  statusShown: (panel, id) =>
    panel.evaluate((sel) => (document.querySelector(sel) as HTMLSelectElement | null)?.value ?? null, `#ms-status-${id}`),
});
