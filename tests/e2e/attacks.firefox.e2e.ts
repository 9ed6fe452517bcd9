/**
 * Issue 12, a hostile marketplace page in Firefox ESR (MV2 build): the kill switch, a frame the
 * page makes (in Firefox any site may frame the overlay once it knows the moz-extension origin),
 * forged commands, a re-pointed frame, focus theft and a faded frame. Then, in a browser of their
 * own: hostile text in the CSV exports (#10) and a page's tracker as the avatar (#11), see
 * attacks.shared.ts. The Chromium twin is attacks.chromium.e2e.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launchFirefox, saveDownloadsTo, waitFor, watchRequests, type FirefoxSession } from './harness';
import { RECORDER_SCRIPT, readRecorder } from './privacy.recorder';
import { expectTypedDespiteTheft, startFocusThief, stopFocusThief, thiefTries, TYPED_FIRST, TYPED_THEN } from './focus-thief';
import { CSV_BUTTONS, CSV_TABLES, expectAvatarsSafe, expectSafeCsv, seedHostileCsvData, storedTexts } from './attacks.shared';

const OTHER = 'upwork:~01other0000000000aa';
const FRAME = '[data-testid="vetted-overlay-frame"]';
const TOGGLE = '[data-testid="overlay-toggle"]';
const other = {
  key: OTHER,
  site: 'upwork' as const,
  siteId: '~01other0000000000aa',
  name: 'Other Person',
  profileUrl: 'https://www.upwork.com/freelancers/~01other0000000000aa',
};

describe('a hostile page against Vetted, Firefox (issue 12)', () => {
  let session: FirefoxSession;
  let page: Page;

  const realFrame = async (): Promise<Frame> => {
    const frame = await session.overlayFrame(page);
    await frame.waitForSelector(TOGGLE, { timeout: 30_000 });
    return frame;
  };

  beforeAll(async () => {
    session = await launchFirefox({ routes: { inject: [RECORDER_SCRIPT] } });
    await session.send('trackContractor', { profile: other });
    await session.send('updateSettings', { patch: { overlayOpen: false } });
    page = await session.openMarketplacePage('upworkProfile');
    await realFrame();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('#2 kill switch: no start-up message reaches the page, and forged WXT events stop nothing', async () => {
    const report = await page.evaluate(readRecorder);
    expect(report.log.filter((e) => /content-script-started|wxt:/.test(e.detail) && !e.detail.includes('evil'))).toEqual([]);
    await page.evaluate((origin) => {
      const id = new URL(origin).host;
      for (const script of ['upwork', 'content-scripts/upwork']) {
        const name = `${id}:${script}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: script, messageId: 'evil' } }));
        window.postMessage({ type: name, contentScriptName: script, messageId: 'evil' }, '*');
      }
    }, session.extensionOrigin);
    // Still alive: a re-render that throws the frame out gets it put back, bound and working.
    await page.evaluate((sel) => document.querySelector(sel)?.parentElement?.remove(), FRAME);
    await waitFor('the frame put back', async () => (await page.$(FRAME)) !== null);
    const frame = await realFrame();
    await frame.click(TOGGLE);
    await frame.waitForSelector('h1', { timeout: 15_000 });
    await frame.click(TOGGLE);
  });

  it('#3 re-pointed frame: the page points the real frame at another contractor; Vetted puts its own frame back', async () => {
    const before = await page.$(FRAME);
    await page.evaluate(
      (sel, url) => {
        (document.querySelector(sel) as HTMLIFrameElement).src = url;
      },
      FRAME,
      session.extensionUrl(`overlay.html#key=${encodeURIComponent(OTHER)}`),
    );
    await waitFor('a new frame of Vetted’s own', async () => {
      const now = await page.$(FRAME);
      if (!now || (await now.evaluate((el, old) => el === old, before))) return false;
      return (await now.evaluate((el) => el.getAttribute('src'))) === session.extensionUrl('overlay.html');
    });
    const frame = await realFrame();
    await frame.click(TOGGLE);
    // The page's contractor, not the one the page asked for.
    const heading = await frame.waitForSelector('h1', { timeout: 15_000 });
    expect(await heading!.evaluate((h) => h.textContent)).not.toContain('Other Person');
    await frame.click(TOGGLE);
  });

  it('#6 focus theft: the page refocuses its own input every 100 ms while the frame has focus; nothing typed reaches the page', async () => {
    const frame = await realFrame();
    await frame.click(TOGGLE);
    const box = '[data-testid="note-input"]';
    await frame.waitForSelector(box, { timeout: 15_000 });
    await waitFor('the open frame shown whole', () => frame.evaluate(() => document.documentElement.dataset.exposure === 'settled'));
    await frame.click(box);
    await page.keyboard.type(TYPED_FIRST);
    await page.evaluate(startFocusThief);
    await waitFor('the page to have tried', async () => (await page.evaluate(thiefTries)) >= 3);
    const triesBefore = await page.evaluate(thiefTries);
    await page.keyboard.type(TYPED_THEN);
    const triesWhileTyping = (await page.evaluate(thiefTries)) - triesBefore;
    expect(await page.$eval('#bait', (i) => (i as HTMLInputElement).value)).toBe('');
    expectTypedDespiteTheft(await frame.$eval(box, (t) => (t as HTMLTextAreaElement).value), triesWhileTyping);
    await frame.waitForSelector('[data-testid="note-focus-kept"]', { timeout: 10_000 });
    expect(await frame.$('[data-testid="note-focus-lost"]')).toBeNull();
    await page.evaluate(stopFocusThief);
    await frame.$eval(box, (t) => ((t as HTMLTextAreaElement).value = ''));
    await frame.click(TOGGLE);
  });

  it('#4 own frame: a frame the page makes shows nothing and its writes are refused', async () => {
    await page.evaluate(
      (url) => {
        const f = document.createElement('iframe');
        f.id = 'decoy';
        f.src = url;
        f.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:600px;opacity:0.0001';
        document.body.append(f);
        f.addEventListener('load', () => {
          f.contentWindow!.postMessage({ type: 'vetted:overlay-bind', nonce: 'x'.repeat(32) }, '*');
          f.contentWindow!.postMessage({ type: 'vetted:overlay-command', command: 'toggle' }, '*');
        });
      },
      session.extensionUrl(`overlay.html#key=${encodeURIComponent(OTHER)}`),
    );
    const element = await waitFor('the page’s frame', () => page.$('#decoy'));
    const decoy = await waitFor('its document', () => element.contentFrame());
    await waitFor('it loaded', () => decoy.evaluate(() => document.readyState === 'complete' && !!document.getElementById('app')));
    expect(await decoy.evaluate(() => document.getElementById('app')?.innerHTML ?? '')).toBe('');
    const reply = await decoy.evaluate(
      (key) =>
        (
          globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; code?: string }> } } }
        ).browser.runtime.sendMessage({
          type: 'updateContractor',
          payload: { key, patch: { status: 'avoid' } },
        }),
      OTHER,
    );
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await session.send('getContractor', { key: OTHER }))?.contractor.status).toBe('prospect');
    await page.evaluate(() => document.getElementById('decoy')?.remove());
  });

  it('#5 forged commands: nothing the page posts opens the overlay or is stored', async () => {
    const frame = await realFrame();
    await page.evaluate((sel) => {
      const w = (document.querySelector(sel) as HTMLIFrameElement).contentWindow!;
      w.postMessage({ type: 'vetted:overlay-command', command: 'toggle' }, '*');
      w.postMessage({ type: 'vetted:overlay-bind', nonce: 'y'.repeat(32) }, '*');
    }, FRAME);
    await frame.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    expect(await frame.$eval(TOGGLE, (b) => b.getAttribute('aria-expanded'))).not.toBe('true');
    expect((await session.send('getSettings', {})).overlayOpen).toBe(false);
  });

  it('#4 clickjacking without IntersectionObserver v2: a near-transparent layer the pointer passes through, or a faded page; clicks are ignored and said, until shown whole', async () => {
    const frame = await realFrame();
    const own = await page.$eval(FRAME, (f) => (f as HTMLElement).dataset.key ?? '');
    await frame.click(TOGGLE);
    const avoid = await frame.waitForSelector('label.ov-segment--avoid', { timeout: 15_000 });
    const exposure = () => frame.evaluate(() => document.documentElement.dataset.exposure);
    await waitFor('the open frame shown whole', async () => (await exposure()) === 'settled');
    const before = (await session.send('getContractor', { key: own }))?.contractor.status;
    const box = (await avoid!.boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    for (const attack of ['popover', 'after-frame', 'faded'] as const) {
      await page.evaluate((kind) => {
        if (kind === 'faded') {
          document.documentElement.style.setProperty('opacity', '0.02', 'important');
          return;
        }
        const decoy = document.createElement('div');
        decoy.id = 'decoy-layer';
        decoy.textContent = 'Click here to claim your discount';
        decoy.style.cssText =
          'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;opacity:0.01;pointer-events:none;background:#fff;font-size:40px;z-index:2147483647';
        if (kind === 'popover') {
          // The top layer, over everything.
          decoy.setAttribute('popover', 'manual');
          document.body.append(decoy);
          decoy.showPopover();
        } else {
          // After Vetted's frame in <html>, at the same z-index: painted over it.
          document.documentElement.append(decoy);
        }
      }, attack);
      await waitFor(`the frame to know about the ${attack} attack`, async () => (await exposure()) === 'covered');
      await page.mouse.click(at.x, at.y);
      await frame.waitForSelector('[data-testid="overlay-covered"]');
      expect(await frame.$eval('[data-testid="overlay-covered"]', (n) => n.textContent)).toContain('Nothing was changed');
      expect((await session.send('getContractor', { key: own }))?.contractor.status).toBe(before);
      await page.evaluate(() => {
        document.getElementById('decoy-layer')?.remove();
        document.documentElement.style.removeProperty('opacity');
      });
    }
    // A layer inside <body> at the highest z-index stays under the frame: not a cover.
    await page.evaluate(() => {
      const under = document.createElement('div');
      under.id = 'under-layer';
      under.style.cssText = 'position:fixed;inset:0;opacity:0.01;pointer-events:none;background:#fff;z-index:2147483647';
      document.body.append(under);
    });
    await waitFor('the frame shown whole again', async () => (await exposure()) === 'settled');
    await page.mouse.click(at.x, at.y);
    await waitFor('the status saved', async () => (await session.send('getContractor', { key: own }))?.contractor.status === 'avoid');
    await page.evaluate(() => document.getElementById('under-layer')?.remove());
    await session.send('updateContractor', { key: own, patch: { status: before ?? 'prospect' } });
    await frame.click(TOGGLE);
  });

  it('#4 faded frame: Vetted restores the frame’s own style', async () => {
    await page.evaluate((sel) => {
      const f = document.querySelector(sel) as HTMLIFrameElement;
      f.style.opacity = '0';
      f.parentElement!.style.opacity = '0';
      const css = document.createElement('style');
      css.textContent = 'iframe { opacity: 0 !important; }';
      document.head.append(css);
    }, FRAME);
    await waitFor('the frame’s own style back', () =>
      page.evaluate((sel) => {
        const f = document.querySelector(sel) as HTMLIFrameElement;
        return getComputedStyle(f).opacity === '1' && getComputedStyle(f.parentElement!).opacity === '1';
      }, FRAME),
    );
  });
});

describe('hostile data in exports and avatars, Firefox (issue 12)', () => {
  let session: FirefoxSession;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-attacks-ff-'));

  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('#10 CSV separator: hostile text in every exported text field; each CSV the options page saves, read with "," or ";", has no cell a spreadsheet would run, and "," gives the text back', async () => {
    await seedHostileCsvData(session.send);
    const downloads = await saveDownloadsTo(session, tmp);
    const options = await session.openExtensionPage('options.html');
    for (const table of CSV_TABLES) {
      const button = `::-p-aria(${CSV_BUTTONS[table]}[role="button"])`;
      // The buttons wait while another export runs.
      const ready = await waitFor(`the ${table} button`, async () => {
        const handle = await options.$(button);
        return handle && (await handle.evaluate((b) => !(b as HTMLButtonElement).disabled)) ? handle : null;
      });
      const file = await downloads.next(() => ready.click());
      expect(file.suggestedFilename).toMatch(new RegExp(`^vetted-${table}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect(path.basename(file.path)).toBe(file.suggestedFilename);
      expectSafeCsv(table, fs.readFileSync(file.path, 'utf8'), await storedTexts(session.send, table));
    }
    await options.close();
  });

  it('#11 third-party avatars: a profile whose avatar is a tracker shows initials and nothing asks the tracker; the marketplace’s own picture still shows', async () => {
    // Every request of every browsing context (pages, their frames, the overlay's extension frame).
    const watch = watchRequests(session);
    const TOGGLE = '[data-testid="overlay-toggle"]';
    try {
      await expectAvatarsSafe<Page, Frame>({
        send: session.send,
        routes: session.routes,
        openMarketplacePage: (target) => session.openMarketplacePage(target),
        reload: async (page) => void (await page.reload({ waitUntil: 'load' })),
        close: (page) => page.close(),
        openOverlay: async (page) => {
          const frame = await session.overlayFrame(page);
          await frame.waitForSelector(TOGGLE, { timeout: 30_000 });
          if ((await frame.$eval(TOGGLE, (b) => b.getAttribute('aria-expanded'))) !== 'true') await frame.click(TOGGLE);
          await frame.waitForSelector('h1', { timeout: 15_000 });
          return frame;
        },
        evaluate: (frame, fn) => frame.evaluate(fn),
        imageCount: (frame) => frame.$$eval('img', (imgs) => imgs.length),
        requests: () => watch.requests.map((r) => r.url),
        requestedBy: (frame, url) => {
          // The frame's BiDi browsing context: the one its requests are reported under.
          const context = (frame as unknown as { _id?: string })._id;
          return !!context && watch.requests.some((r) => r.url === url && r.context === context);
        },
      });
    } finally {
      watch.stop();
    }
  });
});
