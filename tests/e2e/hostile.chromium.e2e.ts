/**
 * Hostile content, Chromium: a contractor whose name, headline, notes, checklist note, project
 * title, milestone, budget note and rating comment carry HTML and scripts, over 100 KB of text
 * (one unbroken 20,000-character word among it), RTL text with bidi overrides, and emoji. The
 * overlay (on a served Upwork page that carries the name in its <h1> and <title>), the popup and
 * the side panel (and the options page, for a checklist label) must show all of it as text — no script runs, no element is made from it — and
 * keep their layout: nothing scrolls sideways, nothing sticks out of its container or the viewport.
 * Screenshots: tests/e2e/screenshots/hostile-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, screenshot, waitFor, type ChromiumSession } from './harness';

const URL_ = 'https://www.upwork.com/freelancers/~01bad0c0ffee000001';
const KEY = 'upwork:~01bad0c0ffee000001';
// Would count its runs and rename the document if it ever ran; the marker class betrays markup made from text.
const RUN = "window.__pwned=(window.__pwned||0)+1;document.title='PWNED'";
const HTML = `<img src=x class="pwn-marker" onerror="${RUN}"><script>${RUN}</script><b class="pwn-marker">bold</b>`;
const RTL = '\u202Eعميل موثوق שלום עולם\u202C';
const EMOJI = '👩🏽‍💻🚀🔥🇺🇦';
const NAME = `${HTML} ${RTL} ${EMOJI} Zed`;
const WORD = 'Ш'.repeat(20_000); // one unbreakable word, the longest a note may be
const PARAGRAPH = `${RTL} ${EMOJI} ${'lorem ipsum dolor sit amet '.repeat(700)}`.slice(0, 20_000);
const TITLE = `${HTML} ${RTL} ${EMOJI} ${'X'.repeat(120)}`;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// The marketplace escapes what its users type: the page shows the hostile name as text.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(NAME)}</title>
<meta property="og:description" content="${escapeHtml(`${HTML} ${RTL} ${'Y'.repeat(1700)}`)}">
</head><body><main><h1>${escapeHtml(NAME)}</h1><p>A profile.</p></main></body></html>`;

/** Runs in a frame or page: what a script or markup made from the text would have left behind. */
function traces(): { pwned: unknown; title: string; markers: number } {
  return {
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    title: document.title,
    markers: document.querySelectorAll('.pwn-marker, img[src="x"]').length,
  };
}

/**
 * Runs in a frame or page: anything that scrolls sideways, or sticks out of its clipping container
 * (or the viewport) without being an intended ellipsis or line clamp.
 */
function layoutProblems(): string[] {
  const out: string[] = [];
  const name = (el: Element) =>
    el.tagName.toLowerCase() +
    (typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
  const vw = document.documentElement.clientWidth;
  for (const el of [document.documentElement, ...document.querySelectorAll('body, body *')]) {
    const s = getComputedStyle(el);
    const scrolls = el === document.documentElement || el === document.body || s.overflowX === 'auto' || s.overflowX === 'scroll';
    if (scrolls && el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
    if (!(el instanceof HTMLElement)) continue; // svg parts follow their icon
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || s.visibility === 'hidden') continue;
    let clip = el.parentElement;
    while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
    const cs = clip ? getComputedStyle(clip) : undefined;
    const truncates = cs && (cs.textOverflow === 'ellipsis' || (cs.webkitLineClamp !== 'none' && cs.webkitLineClamp !== ''));
    const bound = clip ? clip.getBoundingClientRect() : { left: 0, right: vw };
    if (!truncates && (r.right > Math.min(bound.right, vw) + 1 || r.left < Math.max(bound.left, 0) - 1)) {
      out.push(
        `${name(el)} sticks out (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(bound.left)}–${Math.round(bound.right)}, viewport ${vw})`,
      );
    }
  }
  return out.slice(0, 12);
}

async function expectInert(target: Page | Frame, where: string, title?: string) {
  const t = await target.evaluate(traces);
  expect(t.pwned, `${where}: a script ran`).toBeUndefined();
  expect(t.markers, `${where}: markup was made from text`).toBe(0);
  expect(t.title, `${where}: title changed`).not.toBe('PWNED');
  if (title !== undefined) expect(t.title).toBe(title);
}

describe('hostile content in Chromium', () => {
  let session: ChromiumSession;
  let page: Page;
  let projectId: string;

  beforeAll(async () => {
    session = await launchChromium();
    session.routes.serve(URL_, { html: PAGE });
    page = await session.openMarketplacePage(URL_);
    await waitFor('the background to track the hostile contractor', () => session.send('getContractor', { key: KEY }));
    // The stored snapshot as the adapter read it, whatever the page carried.
    await session.send('updateContractor', {
      key: KEY,
      patch: { name: NAME, headline: `${HTML} ${RTL} ${'Y'.repeat(1700)}`, status: 'shortlisted' },
    });
    await session.send('setCheck', {
      contractorKey: KEY,
      itemId: 'reviews-read',
      state: 'done',
      note: `${HTML}\n${RTL}\n${WORD.slice(0, 5000)}`,
    });
    // Over 100 KB of note text: five notes at the 20,000-character limit, a sixth near it, and the markup one.
    await session.send('saveNote', { contractorKey: KEY, kind: 'general', body: `${HTML}\n${RTL} ${EMOJI}` });
    await session.send('saveNote', { contractorKey: KEY, kind: 'interview', body: WORD });
    for (let i = 0; i < 5; i++) await session.send('saveNote', { contractorKey: KEY, kind: 'reference', body: PARAGRAPH });
    const done = await session.send('createProject', { title: TITLE, contractorKey: KEY, status: 'completed', currency: 'USD' });
    await session.send('saveRating', {
      rating: {
        contractorKey: KEY,
        projectId: done.id,
        quality: 5,
        communication: 5,
        timeliness: 5,
        value: 5,
        wouldRehire: true,
        comment: `${HTML}\n${RTL} ${EMOJI}\n${WORD.slice(0, 3000)}`,
      },
    });
    const active = await session.send('createProject', {
      title: TITLE,
      contractorKey: KEY,
      status: 'active',
      budgetMinor: 100_000,
      currency: 'USD',
      contract: { expectations: `${HTML} ${WORD.slice(0, 2000)}`, deliverables: PARAGRAPH.slice(0, 3000) },
    });
    projectId = active.id;
    await session.send('saveMilestone', { projectId, patch: { title: TITLE, dueDate: '2020-01-01', amountMinor: 10_000 } });
    await session.send('savePayment', {
      projectId,
      patch: { amountMinor: 5_000, currency: 'USD', paidAt: '2020-01-02', note: `${HTML} ${WORD.slice(0, 1000)}` },
    });
    await session.send('saveNote', { projectId, kind: 'budget', body: `${HTML}\n${RTL} ${EMOJI} ${WORD.slice(0, 4000)}` });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the options page shows a hostile checklist label as text, runs nothing and keeps its layout', async () => {
    const { checklist } = await session.send('getSettings', {});
    const label = `${HTML} ${RTL} ${EMOJI}`.slice(0, 500);
    await session.send('updateSettings', {
      patch: { checklist: checklist.map((item, i) => (i === 0 ? { ...item, label, hint: `${HTML} ${WORD.slice(0, 1500)}` } : item)) },
    });
    const options = await session.newPage();
    await options.setViewportSize({ width: 1280, height: 900 });
    await options.goto(session.extensionUrl('options.html'));
    const input = options.getByRole('textbox', { name: `Label of “${label}”` });
    await input.waitFor();
    expect(await input.inputValue()).toBe(label);
    await expectInert(options, 'options page');
    expect(await options.evaluate(layoutProblems)).toEqual([]);
    await screenshot(options, 'hostile-options');
    await options.close();
  });

  it('refuses a note over the limit with a clear message and keeps the others', async () => {
    const reply = await session.request('saveNote', { contractorKey: KEY, kind: 'general', body: WORD + WORD });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/20000|too (big|long)|at most/i);
    const view = await session.send('getContractor', { key: KEY });
    expect(view?.notes).toHaveLength(7);
    expect(view!.notes.reduce((n, x) => n + x.body.length, 0)).toBeGreaterThan(100_000);
  });

  it('the overlay shows it all as text, runs nothing and keeps its layout', async () => {
    await page.reload({ waitUntil: 'load' });
    const frame = await session.overlayFrame(page);
    const toggle = frame.getByTestId('overlay-toggle');
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await frame.getByTestId('note-item').first().waitFor();
    // The page's frame element grows after the panel renders: wait until it has settled at the panel size.
    let last = '';
    await waitFor('the frame to settle at the panel size', async () => {
      const box = await (await page.$('[data-testid="vetted-overlay-frame"]'))?.boundingBox();
      const now = JSON.stringify(box);
      const settled = box !== null && box !== undefined && box.width >= 300 && now === last;
      last = now;
      return settled && (await frame.evaluate(() => innerWidth >= 300));
    });

    await expectInert(page, 'marketplace page', NAME);
    await expectInert(frame, 'overlay frame');
    const name = await frame.locator('#ov-contractor-name').textContent();
    expect(name?.trim()).toBe(NAME);
    expect(await frame.getByText('<img src=x class="pwn-marker"', { exact: false }).count()).toBeGreaterThan(2);
    expect(await frame.getByText(RTL, { exact: false }).count()).toBeGreaterThan(0);
    expect(await frame.getByText(EMOJI, { exact: false }).count()).toBeGreaterThan(0);
    expect(await frame.getByTestId('note-item').count()).toBe(7);
    expect(await frame.evaluate(layoutProblems)).toEqual([]);
    // The out-of-process frame repaints at its new size a moment after it has it.
    await page.waitForTimeout(1_000);
    await screenshot(page, 'hostile-overlay');

    // Every long note unfolded: still nothing runs and nothing sticks out.
    const showAll = frame.getByRole('button', { name: /^Show all/ });
    expect(await showAll.count()).toBeGreaterThanOrEqual(6);
    while ((await showAll.count()) > 0) await showAll.first().click({ timeout: 10_000 });
    await frame.getByTestId('note-item').last().scrollIntoViewIfNeeded();
    expect(await frame.evaluate(layoutProblems)).toEqual([]);
    await expectInert(frame, 'overlay frame, notes unfolded');
    const element = await page.$('[data-testid="vetted-overlay-frame"]');
    await screenshot(element!, 'hostile-overlay-notes');
  });

  it('the popup shows it as text, runs nothing and keeps its layout', async () => {
    const popup = await session.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(session.extensionUrl('popup.html'));
    const card = popup.getByTestId('project-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain(TITLE);
    await expectInert(popup, 'popup');
    expect(await popup.evaluate(layoutProblems)).toEqual([]);
    await screenshot(popup, 'hostile-popup');
    await popup.close();
  });

  it('the side panel shows it as text, runs nothing and keeps its layout', async () => {
    const panel = await session.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(session.extensionUrl(`sidepanel.html?project=${projectId}`));
    await panel.getByTestId('budget-summary').waitFor();
    await panel.getByRole('heading', { name: TITLE }).waitFor();
    expect(await panel.getByText(`${HTML}\n${RTL}`, { exact: false }).count()).toBeGreaterThan(0);
    await expectInert(panel, 'side panel');
    expect(await panel.evaluate(layoutProblems)).toEqual([]);
    await screenshot(panel, 'hostile-sidepanel');
    await panel.close();
  });
});
