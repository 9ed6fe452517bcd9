/**
 * Issue 12, a hostile marketplace page in Chromium: it tries to switch Vetted off (the WXT
 * "content-script-started" kill switch, forged location events), to re-point the overlay frame at
 * another contractor, to frame the overlay itself and write through it, to drive it with forged
 * postMessage commands, and to fade or hide it. Each attack is one test; the badge oracle is in
 * badges.shared.ts (window.find and geometry, both browsers). Then, in a browser of their own:
 * hostile text in the CSV exports (#10) and a page's tracker as the avatar (#11), see attacks.shared.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page, Request } from 'playwright-core';
import { launchChromium, screenshot, waitFor, type ChromiumSession } from './harness';
import { CSV_BUTTONS, CSV_TABLES, expectAvatarsSafe, expectSafeCsv, seedHostileCsvData, storedTexts } from './attacks.shared';
import { RECORDER_SCRIPT, readRecorder } from './privacy.recorder';
import { expectTypedDespiteTheft, startFocusThief, stopFocusThief, thiefTries, TYPED_FIRST, TYPED_THEN } from './focus-thief';

const OTHER = 'upwork:~01other0000000000aa';
const FRAME = '[data-testid="vetted-overlay-frame"]';

const other = {
  key: OTHER,
  site: 'upwork' as const,
  siteId: '~01other0000000000aa',
  name: 'Other Person',
  profileUrl: 'https://www.upwork.com/freelancers/~01other0000000000aa',
};

describe('a hostile page against Vetted, Chromium (issue 12)', () => {
  let session: ChromiumSession;
  let page: Page;

  const realFrame = async (): Promise<Frame> => {
    const handle = await waitFor('the overlay frame', () => page.$(FRAME));
    const frame = await waitFor('its document', () => handle.contentFrame());
    await frame.getByTestId('overlay-toggle').waitFor();
    return frame;
  };

  beforeAll(async () => {
    session = await launchChromium({ routes: { inject: [RECORDER_SCRIPT] } });
    await session.send('trackContractor', { profile: other });
    await session.send('updateSettings', { patch: { overlayOpen: false } });
    page = await session.openMarketplacePage('upworkProfile');
    await realFrame();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('#2 kill switch: the page learns no start-up message, and forged WXT events stop nothing', async () => {
    const report = await page.evaluate(readRecorder);
    expect(report.log.filter((e) => /content-script-started|wxt:/.test(e.detail) && !e.detail.includes('evil'))).toEqual([]);
    // What WXT 0.20 obeyed (the name it used to announce), and forged location changes.
    await page.evaluate((id) => {
      for (const script of ['upwork', 'content-scripts/upwork', 'fiverr']) {
        const name = `${id}:${script}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: script, messageId: 'evil' } }));
        window.postMessage({ type: name, contentScriptName: script, messageId: 'evil' }, '*');
        window.dispatchEvent(new Event(`${id}:${script}:wxt:locationchange`));
      }
    }, session.extensionId);
    // Still alive: a page re-render that throws the frame out gets it put back, and it still opens.
    const old = await page.$(FRAME);
    await page.evaluate((sel) => document.querySelector(sel)?.parentElement?.remove(), FRAME);
    await waitFor('the frame put back', async () => {
      const now = await page.$(FRAME);
      return !!now && !(await now.evaluate((el, was) => el === was, old));
    });
    const frame = await realFrame();
    await frame.getByTestId('overlay-toggle').click();
    await frame.getByRole('heading', { level: 1 }).waitFor({ timeout: 10_000 });
    await frame.getByTestId('overlay-toggle').click();
  });

  it('#3 re-pointed frame: the page points the real frame at another contractor; Vetted puts its own frame back', async () => {
    const before = await page.$(FRAME);
    await page.evaluate(
      ({ sel, url }) => {
        (document.querySelector(sel) as HTMLIFrameElement).src = url;
      },
      { sel: FRAME, url: session.extensionUrl(`overlay.html#key=${encodeURIComponent(OTHER)}`) },
    );
    await waitFor('a new frame of Vetted’s own', async () => {
      const now = await page.$(FRAME);
      if (!now || (await now.evaluate((el, old) => el === old, before))) return false;
      return (await now.getAttribute('src')) === session.extensionUrl('overlay.html');
    });
    const frame = await realFrame();
    await frame.getByTestId('overlay-toggle').click();
    // The page's contractor, not the one the page asked for.
    const heading = frame.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).not.toContain('Other Person');
    await frame.getByTestId('overlay-toggle').click();
  });

  it('#4 own frame: a frame the page makes shows nothing and accepts no write', async () => {
    await page.evaluate(
      (url) => {
        const f = document.createElement('iframe');
        f.id = 'decoy';
        f.src = url;
        f.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:600px;opacity:0.0001';
        document.body.append(f);
      },
      session.extensionUrl(`overlay.html#key=${encodeURIComponent(OTHER)}`),
    );
    const decoy = await waitFor('the page’s frame', async () => (await page.$('#decoy'))?.contentFrame());
    await decoy.waitForLoadState('load');
    // The page also posts guesses and the old command into it.
    await page.evaluate(() => {
      const w = (document.getElementById('decoy') as HTMLIFrameElement).contentWindow!;
      w.postMessage({ type: 'vetted:overlay-bind', nonce: 'x'.repeat(32) }, '*');
      w.postMessage({ type: 'vetted:overlay-command', command: 'toggle' }, '*');
    });
    await waitFor('the decoy to have tried', () => decoy.evaluate(() => document.readyState === 'complete'));
    expect(await decoy.evaluate(() => document.getElementById('app')?.innerHTML ?? '')).toBe('');
    // Whatever runs in that frame (here: the driver, as if the frame were hijacked) is refused.
    const reply = await decoy.evaluate(
      (key) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; code?: string }> } } }
        ).chrome.runtime.sendMessage({
          type: 'updateContractor',
          payload: { key, patch: { status: 'avoid' } },
        }),
      OTHER,
    );
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await session.send('getContractor', { key: OTHER }))?.contractor.status).toBe('prospect');
    await page.evaluate(() => document.getElementById('decoy')?.remove());
  });

  it('#5 forged commands: the page posts the overlay’s old command into the real frame; nothing opens, nothing is stored', async () => {
    const frame = await realFrame();
    await page.evaluate((sel) => {
      const w = (document.querySelector(sel) as HTMLIFrameElement).contentWindow!;
      for (let i = 0; i < 3; i++) {
        w.postMessage({ type: 'vetted:overlay-command', command: 'toggle' }, '*');
        w.postMessage({ type: 'vetted:overlay-bind', nonce: 'y'.repeat(32) }, '*');
      }
    }, FRAME);
    // The frame heard them (same event loop turn as a real command) and stayed collapsed.
    await frame.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    expect(await frame.getByTestId('overlay-toggle').getAttribute('aria-expanded')).not.toBe('true');
    expect((await session.send('getSettings', {})).overlayOpen).toBe(false);
    // The real frame still works: it is still bound.
    await frame.getByTestId('overlay-toggle').click();
    await frame.getByRole('heading', { level: 1 }).waitFor();
    expect((await session.send('getSettings', {})).overlayOpen).toBe(true);
    await frame.getByTestId('overlay-toggle').click();
  });

  it('#4 clickjacking: a near-transparent layer over the open frame (pointer let through), or a faded page; clicks are ignored and said, until shown whole', async () => {
    const frame = await realFrame();
    const own = await page.$eval(FRAME, (f) => (f as HTMLElement).dataset.key ?? '');
    await frame.getByTestId('overlay-toggle').click();
    const avoid = frame.locator('label.ov-segment--avoid');
    await avoid.waitFor();
    const exposure = () => frame.evaluate(() => document.documentElement.dataset.exposure);
    await waitFor('the open frame shown whole', async () => (await exposure()) === 'settled');
    const before = (await session.send('getContractor', { key: own }))?.contractor.status;
    const box = (await avoid.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    for (const attack of ['decoy', 'faded'] as const) {
      await page.evaluate((kind) => {
        if (kind === 'faded') {
          document.documentElement.style.setProperty('opacity', '0.02', 'important');
          return;
        }
        // In the top layer, over everything, at 1 % opacity, letting the pointer through to the frame.
        const decoy = document.createElement('div');
        decoy.id = 'decoy-layer';
        decoy.setAttribute('popover', 'manual');
        decoy.textContent = 'Click here to claim your discount';
        decoy.style.cssText =
          'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;opacity:0.01;pointer-events:none;background:#fff;font-size:40px';
        document.body.append(decoy);
        decoy.showPopover();
      }, attack);
      await waitFor(`the frame to know it is ${attack}`, async () => (await exposure()) === 'covered');
      await page.mouse.click(at.x, at.y);
      const notice = frame.getByTestId('overlay-covered');
      await notice.waitFor();
      expect(await notice.getAttribute('role')).toBe('alert');
      expect(await notice.textContent()).toContain('Nothing was changed');
      expect((await session.send('getContractor', { key: own }))?.contractor.status).toBe(before);
      if (attack === 'decoy') await screenshot((await page.$(FRAME))!, 'attack-clickjack-ignored');
      await page.evaluate(() => {
        document.getElementById('decoy-layer')?.remove();
        document.documentElement.style.removeProperty('opacity');
      });
    }
    // Shown whole again for a moment: the same click counts.
    await waitFor('the frame shown whole again', async () => (await exposure()) === 'settled');
    await page.mouse.click(at.x, at.y);
    await waitFor('the status saved', async () => (await session.send('getContractor', { key: own }))?.contractor.status === 'avoid');
    await session.send('updateContractor', { key: own, patch: { status: before ?? 'prospect' } });
    await frame.getByTestId('overlay-toggle').click();
  });

  it('#6 focus theft: the page refocuses its own input every 100 ms while the frame has focus; nothing typed reaches the page, the draft stays', async () => {
    const frame = await realFrame();
    await frame.getByTestId('overlay-toggle').click();
    const box = frame.getByTestId('note-input');
    await box.waitFor();
    await waitFor(
      'the open frame shown whole',
      async () => (await frame.evaluate(() => document.documentElement.dataset.exposure)) === 'settled',
    );
    await box.click();
    await page.keyboard.type(TYPED_FIRST);
    await page.evaluate(startFocusThief);
    // The page has tried a few times; each time Vetted took the keyboard back at once.
    await waitFor('the page to have tried', async () => (await page.evaluate(thiefTries)) >= 3);
    const triesBefore = await page.evaluate(thiefTries);
    await page.keyboard.type(TYPED_THEN);
    const triesWhileTyping = (await page.evaluate(thiefTries)) - triesBefore;
    expect(await page.$eval('#bait', (i) => (i as HTMLInputElement).value)).toBe('');
    expectTypedDespiteTheft(await box.inputValue(), triesWhileTyping);
    // Said, and nothing locked.
    await frame.getByTestId('note-focus-kept').waitFor();
    expect(await frame.getByTestId('note-focus-lost').count()).toBe(0);
    await page.evaluate(stopFocusThief);
    await box.fill('');
    await frame.getByTestId('overlay-toggle').click();
  });

  it('#4 faded frame: the page sets the frame transparent, hides or disables it; Vetted restores it', async () => {
    await realFrame();
    await page.evaluate((sel) => {
      const f = document.querySelector(sel) as HTMLIFrameElement;
      f.style.opacity = '0';
      f.style.setProperty('visibility', 'hidden');
      f.setAttribute('inert', '');
      f.parentElement!.style.opacity = '0';
      const css = document.createElement('style');
      css.textContent = 'iframe { opacity: 0 !important; transform: scale(0.01) !important; }';
      document.head.append(css);
    }, FRAME);
    await waitFor('the frame’s own style back', () =>
      page.evaluate((sel) => {
        const f = document.querySelector(sel) as HTMLIFrameElement;
        const s = getComputedStyle(f);
        const holder = getComputedStyle(f.parentElement!);
        return (
          s.opacity === '1' && s.visibility === 'visible' && s.transform === 'none' && !f.hasAttribute('inert') && holder.opacity === '1'
        );
      }, FRAME),
    );
  });
});

describe('hostile data in exports and avatars, Chromium (issue 12)', () => {
  let session: ChromiumSession;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-attacks-'));

  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('#10 CSV separator: hostile text in every exported text field; each CSV the options page saves, read with "," or ";", has no cell a spreadsheet would run, and "," gives the text back', async () => {
    await seedHostileCsvData(session.send);
    const options = await session.openExtensionPage('options.html');
    for (const table of CSV_TABLES) {
      const [download] = await Promise.all([
        options.waitForEvent('download'),
        options.getByRole('button', { name: CSV_BUTTONS[table] }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^vetted-${table}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const file = path.join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      expectSafeCsv(table, fs.readFileSync(file, 'utf8'), await storedTexts(session.send, table));
    }
    await options.close();
  });

  it('#11 third-party avatars: a profile whose avatar is a tracker shows initials and nothing asks the tracker; the marketplace’s own picture still shows', async () => {
    // Every request of every page, frame (the overlay's too) and worker of the browser.
    const requests: { url: string; frame: string }[] = [];
    const onRequest = (r: Request) => {
      let frame = '';
      try {
        frame = r.frame().url();
      } catch {
        frame = '(no frame: a worker)';
      }
      requests.push({ url: r.url(), frame });
    };
    session.context.on('request', onRequest);
    try {
      await expectAvatarsSafe<Page, Frame>({
        send: session.send,
        routes: session.routes,
        openMarketplacePage: (target) => session.openMarketplacePage(target),
        reload: async (page) => void (await page.reload({ waitUntil: 'load' })),
        close: (page) => page.close(),
        openOverlay: async (page) => {
          const frame = await session.overlayFrame(page);
          const toggle = frame.getByTestId('overlay-toggle');
          await toggle.waitFor();
          if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
          await frame.getByRole('heading', { level: 1 }).waitFor();
          return frame;
        },
        evaluate: (frame, fn) => frame.evaluate(fn),
        imageCount: (frame) => frame.locator('img').count(),
        requests: () => requests.map((r) => r.url),
        requestedBy: (_frame, url) => requests.some((r) => r.url === url && r.frame.startsWith(session.extensionOrigin)),
      });
    } finally {
      session.context.off('request', onRequest);
    }
  });
});
