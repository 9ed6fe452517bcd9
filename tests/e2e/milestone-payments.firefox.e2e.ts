/** Milestones and payments agree (./milestone-payments.shared.ts) in Debian's firefox-esr with the MV2 build. */
import type { Page } from 'puppeteer-core';
import { launchFirefox, waitFor } from './harness';
import { describeMilestonePayments } from './milestone-payments.shared';

let probe: Page | undefined;

describeMilestonePayments({
  name: 'Firefox',
  launch: async () => {
    probe = undefined;
    return launchFirefox();
  },
  async badge(session) {
    // An extension page reads the toolbar button (MV2: browserAction).
    probe ??= await session.openExtensionPage('options.html');
    return probe.evaluate(async () => {
      const b = (
        globalThis as unknown as {
          browser: { browserAction: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };
        }
      ).browser;
      return { text: await b.browserAction.getBadgeText({}), title: await b.browserAction.getTitle({}) };
    });
  },
  async approveAndRecord(panel, id) {
    await waitFor('the milestone status', () => panel.$(`#ms-status-${id}`));
    await panel.select(`#ms-status-${id}`, 'approved');
    await waitFor('the offer to take focus', () => panel.evaluate(() => document.activeElement?.textContent === 'Record payment'));
    await panel.keyboard.press('Enter');
  },
  popupOverdue: (popup) =>
    popup.evaluate(() => ({
      flags: document.querySelectorAll('[data-testid="overdue-flag"]').length,
      total: document.querySelectorAll('[data-testid="popup-totals"] .pp-stat')[1]?.querySelector('strong')?.textContent ?? '',
    })),
  statusShown: (panel, id) =>
    panel.evaluate((sel) => (document.querySelector(sel) as HTMLSelectElement | null)?.value ?? null, `#ms-status-${id}`),
});
