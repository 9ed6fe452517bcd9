/**
 * The profile overlay, Firefox ESR, on the real Upwork capture at its real URL: the frame
 * appears, a checklist item is ticked and a note saved inside it, both survive a reload, and a
 * recording script in the page learns neither the note nor a keystroke. Screenshots of the
 * collapsed and opened overlay on the Upwork and Fiverr captures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launchFirefox, screenshot, waitFor, type FirefoxSession } from './harness';
import { RECORDER_SCRIPT, leaks, readRecorder } from './privacy.recorder';

const KEY = 'upwork:~01140923f209578a6b';
const FRAME = '[data-testid="vetted-overlay-frame"]';
const NOTE = 'Interview went well; wants 50 per hour (private-Q8FX)';
const SECRET = 'private-Q8FX';
const ITEM = 'interview-held';
const CHECKBOX = `[data-testid="checklist-item"][data-item-id="${ITEM}"] input[type="checkbox"]`;

async function frameBox(page: Page) {
  return waitFor('the overlay frame to be laid out', async () => (await page.$(FRAME))?.boundingBox());
}

async function overlay(page: Page): Promise<Frame> {
  const element = await page.waitForSelector(FRAME, { timeout: 30_000 });
  const frame = await waitFor('the overlay document', () => element!.contentFrame());
  await waitFor('the overlay toggle', () => frame.$('[data-testid="overlay-toggle"]'));
  return frame;
}

async function setOpen(page: Page, open: boolean): Promise<Frame> {
  const frame = await overlay(page);
  const expanded = await frame.$eval('[data-testid="overlay-toggle"]', (b) => b.getAttribute('aria-expanded'));
  if (expanded !== String(open)) await frame.click('[data-testid="overlay-toggle"]');
  await waitFor(`the frame to be ${open ? 'open' : 'collapsed'}`, async () => {
    const box = await frameBox(page);
    return open ? box.width >= 300 : box.width <= 80;
  });
  return overlay(page);
}

async function noteTexts(frame: Frame): Promise<string[]> {
  return frame.$$eval('[data-testid="note-item"]', (els) => els.map((e) => e.textContent ?? ''));
}

describe('profile overlay in Firefox', () => {
  let session: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchFirefox({ routes: { inject: [RECORDER_SCRIPT] } });
    page = await session.openMarketplacePage('upworkProfile');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('places the collapsed frame at the page edge with the contract attributes', async () => {
    await overlay(page);
    const attrs = await page.$eval(FRAME, (f) => {
      const iframe = f as HTMLIFrameElement;
      const s = getComputedStyle(iframe);
      return { title: iframe.title, hash: new URL(iframe.src).hash, position: s.position, border: s.borderTopWidth };
    });
    expect(attrs).toEqual({ title: 'Vetted', hash: `#key=${encodeURIComponent(KEY)}`, position: 'fixed', border: '0px' });
    await setOpen(page, false);
    const box = await frameBox(page);
    expect([box.width, box.height]).toEqual([56, 180]);
    // Flush with the left or right edge of the viewport (less the page's scrollbar, if any).
    const edges = await page.$eval(FRAME, (f) => {
      const r = f.getBoundingClientRect();
      // The viewport's right edge as the page lays it out: a probe pinned there.
      const probe = document.createElement('div');
      probe.style.cssText = 'position: fixed; right: 0; top: 0; width: 1px; height: 1px;';
      document.documentElement.append(probe);
      const edge = probe.getBoundingClientRect().right;
      probe.remove();
      return { left: Math.round(r.left), rightGap: Math.round(edge - r.right) };
    });
    expect(edges.left === 0 || edges.rightGap === 0, JSON.stringify(edges)).toBe(true);
    await screenshot(page, 'overlay-upwork-collapsed-firefox');
  });

  it('ticks a checklist item and saves a note inside the frame', async () => {
    let frame = await setOpen(page, true);
    await frame.click(CHECKBOX);
    await waitFor('the item to be ticked', () => frame.$eval(CHECKBOX, (b) => (b as HTMLInputElement).checked));
    await frame.click('[data-testid="note-input"]');
    await frame.type('[data-testid="note-input"]', NOTE, { delay: 5 });
    await frame.click('[data-testid="note-save"]');
    frame = await overlay(page);
    await waitFor('the note in the list', async () => (await noteTexts(frame)).some((t) => t.includes(SECRET)));
    const view = await session.send('getContractor', { key: KEY });
    expect(view?.checks.find((c) => c.itemId === ITEM)?.state).toBe('done');
    expect(view?.notes.map((n) => n.body)).toContain(NOTE);
    await screenshot(page, 'overlay-upwork-open-firefox');
  });

  it('the page learned no note text and no keystroke', async () => {
    const report = await page.evaluate(readRecorder);
    // It did watch: it saw the frame arrive and heard its layout messages.
    expect(report.log.some((e) => e.kind === 'added' && e.detail.includes('vetted-overlay-frame'))).toBe(true);
    expect(report.log.some((e) => e.kind === 'message' && e.detail.includes('vetted:overlay-layout'))).toBe(true);
    expect(leaks(report, SECRET)).toEqual([]);
    expect(leaks(report, 'wants 50 per hour')).toEqual([]);
    expect(report.log.filter((e) => e.kind === 'key')).toEqual([]);
    for (const e of report.log.filter((x) => x.kind === 'message')) {
      const m = JSON.parse(e.detail) as Record<string, unknown>;
      if (m.type === 'vetted:overlay-layout') expect(Object.keys(m).sort()).toEqual(['open', 'type']);
    }
    expect(report.log.some((e) => e.kind === 'shadow' && e.detail.startsWith('open'))).toBe(false);
  });

  it('keeps both after a reload', async () => {
    await page.reload({ waitUntil: 'load' });
    const frame = await setOpen(page, true);
    await waitFor('the ticked item after reload', () => frame.$eval(CHECKBOX, (b) => (b as HTMLInputElement).checked));
    await waitFor('the note after reload', async () => (await noteTexts(frame)).some((t) => t.includes(SECRET)));
  });

  it('shows on the Fiverr seller capture too (screenshots)', async () => {
    const fiverr = await session.openMarketplacePage('fiverrSeller');
    await setOpen(fiverr, false);
    await screenshot(fiverr, 'overlay-fiverr-collapsed-firefox');
    const frame = await setOpen(fiverr, true);
    await waitFor('the panel content', () => frame.$('[data-testid="note-input"]'));
    await screenshot(fiverr, 'overlay-fiverr-open-firefox');
    await fiverr.close();
  });
});
