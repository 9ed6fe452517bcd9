/**
 * The overlay by keyboard only, in Debian's chromium on the real Upwork capture (issue 14): open
 * it, tick an item, add a note to an item, add a note, rate, collapse. Keys only (Tab, Shift+Tab,
 * Enter, Space, arrows, Esc, Ctrl+Enter); where the focus is gets asserted after every step. The
 * walk starts on the collapsed tab, where Tab from the page would land.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, screenshot, waitFor, type ChromiumSession } from './harness';

const KEY = 'upwork:~01140923f209578a6b';
const ITEM = 'interview-held';

/** What has the focus inside the overlay frame: a readable description. */
function focused(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.textContent?.trim() ?? '';
    return `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}: ${name}`;
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on `selector`; fails when it never gets there. */
async function tabTo(page: Page, frame: Frame, selector: string, back = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await frame.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await focused(frame)}`);
}

async function focusIs(frame: Frame, selector: string, what: string): Promise<void> {
  await waitFor(`focus on ${what}`, () => frame.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector), {
    timeout: 5_000,
  }).catch(async () => {
    throw new Error(`Expected focus on ${what}, it is on ${await focused(frame)}`);
  });
}

describe('the overlay by keyboard only in Chromium', () => {
  let session: ChromiumSession;
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    session = await launchChromium();
    page = await session.openMarketplacePage('upworkProfile');
    frame = await session.overlayFrame(page);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens from the collapsed tab with Enter; focus on the Collapse button', async () => {
    const toggle = frame.getByTestId('overlay-toggle');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus(); // where Tab from the page lands
    await page.keyboard.press('Enter');
    await focusIs(frame, '[data-testid="overlay-toggle"][aria-expanded="true"]', 'the Collapse button');
  });

  it('ticks an item with Space; focus stays on its checkbox', async () => {
    const box = `[data-testid="checklist-item"][data-item-id="${ITEM}"] input[type="checkbox"]`;
    await tabTo(page, frame, box);
    await page.keyboard.press('Space');
    await waitFor(
      'the item saved as done',
      async () => (await session.send('getContractor', { key: KEY }))?.checks.find((c) => c.itemId === ITEM)?.state === 'done',
    ).catch(async (err: Error) => {
      // What the frame showed, so a failure says whether the key reached the box or the save failed.
      const seen = await frame.evaluate((sel) => {
        const el = document.querySelector<HTMLInputElement>(sel);
        const row = el?.closest('[data-testid="checklist-item"]');
        return `box checked: ${el?.checked}, frame focused: ${document.hasFocus()}, row says: "${row?.textContent?.trim() ?? 'no row'}"`;
      }, box);
      throw new Error(`${err.message}; ${seen}; focus on ${await focused(frame)}`);
    });
    await focusIs(frame, box, 'the ticked checkbox');
  });

  it('adds a note to the item: Enter opens the editor with focus in it, Ctrl+Enter saves and focus returns', async () => {
    const button = `[data-testid="checklist-item"][data-item-id="${ITEM}"] .ov-check__note-btn`;
    await tabTo(page, frame, button);
    await page.keyboard.press('Enter');
    await focusIs(frame, `#ov-item-${ITEM}-note`, 'the item note field');
    await page.keyboard.type('Video call, 40 minutes', { delay: 2 });
    await page.keyboard.press('Control+Enter');
    await waitFor(
      'the item note saved',
      async () =>
        (await session.send('getContractor', { key: KEY }))?.checks.find((c) => c.itemId === ITEM)?.note === 'Video call, 40 minutes',
    );
    await focusIs(frame, button, 'the item’s note button');
    // The button's name follows the saved note once the overlay has re-read it after the broadcast.
    await waitFor('the note button to say the note exists', async () => (await focused(frame)).includes('Edit note on “Interview held”'), {
      timeout: 5_000,
    });
    expect(await focused(frame)).toContain('Edit note on “Interview held”');
  });

  it('adds a note: focus stays in the note field, ready for the next one', async () => {
    await tabTo(page, frame, '[data-testid="note-input"]');
    await page.keyboard.type('Rate negotiable to 45', { delay: 2 });
    await page.keyboard.press('Control+Enter');
    await waitFor('the note saved', async () =>
      (await session.send('getContractor', { key: KEY }))?.notes.some((n) => n.body === 'Rate negotiable to 45'),
    );
    await focusIs(frame, '[data-testid="note-input"]', 'the note field');
    expect(await frame.getByTestId('note-input').inputValue()).toBe('');
  });

  it('rates: the form takes focus, stars by arrows, Enter saves, focus returns to "Rate a project"', async () => {
    const rate = 'button.v-btn--ghost.v-btn--sm:not([aria-label])';
    await tabTo(page, frame, `${rate}:has(svg.lucide-star)`);
    await page.keyboard.press('Enter');
    await focusIs(frame, 'form.rf-form *', 'a field of the rating form');
    for (let scale = 0; scale < 4; scale++) {
      await tabTo(page, frame, `form.rf-form .rf-scale:nth-of-type(${scale + 1}) input[type="radio"]`);
      await page.keyboard.press('Space'); // 1 of 5
      for (let n = 1; n < 4; n++) await page.keyboard.press('ArrowRight'); // 4 of 5
    }
    await tabTo(page, frame, 'form.rf-form input[name$="-rehire"]');
    await page.keyboard.press('Space');
    await frame.locator('form.rf-form').scrollIntoViewIfNeeded();
    await screenshot(page, 'overlay-keyboard-rating-chromium');
    await tabTo(page, frame, 'form.rf-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await waitFor('the rating saved', async () => (await session.send('getContractor', { key: KEY }))?.ratings.length === 1);
    const rating = (await session.send('getContractor', { key: KEY }))!.ratings[0]!;
    expect([rating.quality, rating.communication, rating.timeliness, rating.value, rating.wouldRehire]).toEqual([4, 4, 4, 4, true]);
    await focusIs(frame, `${rate}:has(svg.lucide-star)`, '“Rate a project”');
  });

  it('Esc on a checkbox collapses; focus on the collapsed tab', async () => {
    await tabTo(page, frame, `[data-testid="checklist-item"][data-item-id="${ITEM}"] input[type="checkbox"]`, true);
    await page.keyboard.press('Escape');
    await focusIs(frame, '[data-testid="overlay-toggle"][aria-expanded="false"]', 'the collapsed tab');
  });
});
