/**
 * Milestones and payments agree, the same in each browser (milestone-payments.<browser>.e2e.ts),
 * issue 14: a milestone two days late shows "Overdue" in the popup, the toolbar badge and its
 * tooltip; the user approves it in the side panel, takes the offer to record its payment, and it
 * reads Paid there, the popup has nothing overdue and the badge is empty. A payment of another
 * milestone's full amount moves it to paid too, and completing the project closes the last one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionSession } from './harness';

export interface MilestoneBrowser<P, F> {
  name: string;
  launch(): Promise<ExtensionSession<P, F>>;
  /** The toolbar button's badge text and tooltip. */
  badge(session: ExtensionSession<P, F>): Promise<{ text: string; title: string }>;
  /** In the side panel page: sets the milestone's status select to Approved, then clicks "Record payment" in the offer. */
  approveAndRecord(panel: P, milestoneId: string): Promise<void>;
  /** In the popup page: the number of "Overdue" flags on project cards and the overdue total. */
  popupOverdue(popup: P): Promise<{ flags: number; total: string }>;
  /** The milestone's status select value in the side panel. */
  statusShown(panel: P, milestoneId: string): Promise<string | null>;
}

/** 'YYYY-MM-DD' `days` from today in this machine's zone (the browsers share it). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

export function describeMilestonePayments<P extends { close(): Promise<unknown>; reload(): Promise<unknown> }, F>(
  browser: MilestoneBrowser<P, F>,
): void {
  describe(`milestones and payments agree in ${browser.name}`, () => {
    let session: ExtensionSession<P, F>;
    beforeAll(async () => {
      session = await browser.launch();
    });
    afterAll(async () => {
      await session?.close();
    });

    it('recording a late milestone’s payment from the approval offer makes it paid and clears every overdue sign', async () => {
      const project = await session.send('createProject', {
        title: 'Shop redesign',
        paymentModel: 'milestones',
        currency: 'USD',
        budgetMinor: 150000,
        status: 'active',
      });
      const wireframes = await session.send('saveMilestone', {
        projectId: project.id,
        patch: { title: 'Wireframes', dueDate: day(-2), amountMinor: 45000 },
      });

      // The background sets the badge's text, then its title: wait for both, not for the text alone
      // (reading the title right after the text once found it still 'Vetted').
      const late = await waitFor('the overdue badge and its title', async () => {
        const b = await browser.badge(session);
        return b.text === '1' && b.title !== 'Vetted' ? b : null;
      });
      expect(late.title).toContain('“Wireframes” is 2 days overdue');
      const popup = await session.openExtensionPage('popup.html');
      await waitFor('the overdue flag in the popup', async () => (await browser.popupOverdue(popup)).flags === 1);

      const panel = await session.openExtensionPage(`sidepanel.html?project=${project.id}`);
      await browser.approveAndRecord(panel, wireframes.id);
      await waitFor(
        'the milestone to be paid',
        async () => (await session.send('getProject', { id: project.id }))?.milestones[0]?.status === 'paid',
      );
      const view = await session.send('getProject', { id: project.id });
      expect(view?.payments).toMatchObject([{ milestoneId: wireframes.id, amountMinor: 45000, currency: 'USD' }]);
      await waitFor('the side panel to show Paid', async () => (await browser.statusShown(panel, wireframes.id)) === 'paid');

      // Text and title are set one after the other: the title must come back to 'Vetted' as well.
      await waitFor('the badge to clear and its title to say only Vetted', async () => {
        const b = await browser.badge(session);
        return b.text === '' && b.title === 'Vetted';
      });
      await waitFor('no overdue flag in the popup', async () => {
        const o = await browser.popupOverdue(popup);
        return o.flags === 0 && o.total === '0';
      });
      await Promise.all([popup.close(), panel.close()]);
    });

    it('a payment of the full amount moves a milestone to paid; completing the project closes the rest', async () => {
      const project = await session.send('createProject', { title: 'Logo', paymentModel: 'milestones', currency: 'USD', status: 'active' });
      const design = await session.send('saveMilestone', {
        projectId: project.id,
        patch: { title: 'Design', dueDate: day(-1), amountMinor: 60000 },
      });
      const files = await session.send('saveMilestone', {
        projectId: project.id,
        patch: { title: 'Final files', dueDate: day(5), amountMinor: 20000 },
      });
      await session.send('savePayment', { projectId: project.id, patch: { milestoneId: design.id, amountMinor: 60000, paidAt: day(0) } });
      let view = await session.send('getProject', { id: project.id });
      expect(view?.milestones.find((m) => m.id === design.id)?.status).toBe('paid');
      await session.send('updateProject', { id: project.id, patch: { status: 'completed' } });
      view = await session.send('getProject', { id: project.id });
      expect(view?.milestones.find((m) => m.id === files.id)?.status).toBe('approved');
    });
  });
}
