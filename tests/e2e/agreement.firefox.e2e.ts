/**
 * Written agreement in Firefox ESR (see agreement.shared.ts): the text, Copy to the clipboard
 * (read back by pasting into a text field), Mark as agreed ticking the overlay's checklist item;
 * then the overlay's interview kit saving its note and ticking "Interview held".
 * DOM-level driving: WebDriver BiDi has no accessibility-tree selectors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox, waitFor, type FirefoxSession } from './harness';
import { expectedLines, KEY, MILESTONES, normalise, seedProject, seedSettings } from './agreement.shared';

/** The enabled button with this text, for a real (trusted) click: the clipboard needs one. */
async function button(page: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (t: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === t && !b.disabled) ?? null,
    { timeout: 15_000 },
    text,
  );
  return handle.asElement() as ElementHandle<Element>;
}

describe('written agreement in Firefox', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('two milestones: titles, due dates, amounts in the locale and the schedule; Copy; Mark as agreed ticks the overlay; interview kit', async () => {
    await seedSettings(session.send);
    const upwork = await session.openMarketplacePage('upworkProfile');
    await waitFor('the background to know the Upwork contractor', () => session.send('getContractor', { key: KEY }));
    const projectId = await seedProject(session.send);

    const page = await session.openExtensionPage(`agreement.html?project=${projectId}`);
    const text = await waitFor('the agreement with its milestones', () =>
      page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="agreement-text"]');
        return el?.innerText.includes('Abandoned-cart flow') ? el.innerText : null;
      }),
    );
    const lines = normalise(text);
    const expected = await page.evaluate(expectedLines, MILESTONES as unknown as { title: string; dueDate: string; amountMinor: number }[]);
    for (const line of expected) expect(lines).toContain(line.replace(/[\u00a0\u202f]/g, ' '));
    expect(text).toContain('Payment model: milestones. Total price: $1,000.00.');
    expect(text).toContain('Each milestone is paid when the client approves its deliverable');
    expect(text).toContain('Client: Lee Bakery Ltd');

    await (await button(page, 'Copy')).click();
    await waitFor('the copied message', () => page.evaluate(() => document.body.textContent?.includes('Copied as plain text') || null));
    await page.evaluate(() => {
      const area = document.createElement('textarea');
      area.id = 'e2e-paste';
      document.body.append(area);
      area.focus();
    });
    await page.keyboard.down('Control');
    await page.keyboard.press('v');
    await page.keyboard.up('Control');
    const copied = await waitFor('the pasted clipboard', () =>
      page.evaluate(() => (document.getElementById('e2e-paste') as HTMLTextAreaElement).value || null),
    );
    expect(normalise(copied)).toEqual(normalise(text));

    await (await button(page, 'Mark as agreed')).click();
    await waitFor('the agreed date', () =>
      page.evaluate(() => document.querySelector('[data-testid="agreement-agreed"]')?.textContent ?? null),
    );
    const frame = await session.overlayFrame(upwork);
    await waitFor('"Written contract" ticked in the overlay', () =>
      frame.evaluate(
        () =>
          document.querySelector<HTMLInputElement>('[data-testid="checklist-item"][data-item-id="written-contract"] input[type="checkbox"]')
            ?.checked || null,
      ),
    );

    // The interview kit in the same overlay: answers saved as one note, "Interview held" ticked.
    await frame.evaluate(() => {
      const toggle = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Interview kit');
      toggle?.click();
    });
    await waitFor('the kind-of-work choice', () => frame.evaluate(() => Boolean(document.querySelector('#ov-kit-kind')) || null));
    await frame.evaluate(() => {
      const select = document.querySelector('#ov-kit-kind') as HTMLSelectElement;
      select.value = 'marketing';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor('the questions', () =>
      frame.evaluate(() => document.querySelectorAll('[data-testid="interview-question"] textarea').length || null),
    );
    await frame.evaluate(() => {
      const area = document.querySelector('[data-testid="interview-question"] textarea') as HTMLTextAreaElement;
      area.value = 'Welcome series first, then measure revenue per flow';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await frame.evaluate(() => {
      const save = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save interview');
      save?.click();
    });
    await waitFor('"Interview held" ticked in the overlay', () =>
      frame.evaluate(
        () =>
          document.querySelector<HTMLInputElement>('[data-testid="checklist-item"][data-item-id="interview-held"] input[type="checkbox"]')
            ?.checked || null,
      ),
    );
    const view = await session.send('getContractor', { key: KEY });
    expect(view?.notes.filter((n) => n.kind === 'interview').map((n) => n.body.split('\n')[0])).toEqual(['Interview kit: Marketing']);
    await Promise.all([page.close(), upwork.close()]);
  });
});
