/**
 * Chromium for the benchmarks: the same captures at their real URLs as the E2E harness, but with
 * a choice of extension (Vetted, an extension whose content script is empty, or none) and a CDP
 * port so heaps of every context (service worker, page, overlay frame) can be read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';
import { MarketRoutes } from '../../tests/e2e/harness/fixtures';
import { CHROMIUM_PATH } from '../../tests/e2e/harness/chromium';
import { MARKETPLACE_MATCHES } from '../../lib/sites/matches';

export interface BenchBrowser {
  context: BrowserContext;
  routes: MarketRoutes;
  worker?: Worker;
  extensionId?: string;
  /** Puppeteer over the same browser's CDP port: for targets Playwright doesn't expose (the service worker). */
  cdp: PuppeteerBrowser;
  close(): Promise<void>;
}

let port = 9400 + Math.floor(Math.random() * 400);

/** An extension whose content script does nothing, on the same pages: the floor every annotating extension pays. */
export function emptyExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-empty-'));
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty content script',
      version: '1.0',
      content_scripts: [{ matches: [...MARKETPLACE_MATCHES], js: ['content.js'], run_at: 'document_idle' }],
    }),
  );
  fs.writeFileSync(path.join(dir, 'content.js'), '');
  return dir;
}

/**
 * The frame floor: an extension whose content script only frames an empty extension page at the
 * page edge, the way Vetted places its overlay. The least any private overlay costs a page (an
 * extension-origin frame: its process, its paint and compositing); Vetted above it is Vetted's own.
 */
export function frameFloorExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-frame-'));
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Frame floor',
      version: '1.0',
      content_scripts: [{ matches: [...MARKETPLACE_MATCHES], js: ['content.js'], run_at: 'document_idle' }],
      web_accessible_resources: [{ resources: ['frame.html'], matches: [...MARKETPLACE_MATCHES] }],
    }),
  );
  fs.writeFileSync(path.join(dir, 'frame.html'), '<!DOCTYPE html><html lang="en"><title>Frame</title></html>');
  fs.writeFileSync(
    path.join(dir, 'content.js'),
    `const f = document.createElement('iframe');
f.src = chrome.runtime.getURL('frame.html');
f.title = 'Frame floor';
f.style.cssText = 'position:fixed;top:96px;right:0;width:56px;height:176px;border:0;z-index:2147483646;';
document.documentElement.append(f);
`,
  );
  return dir;
}

/** Chromium's id of an unpacked extension loaded from `dir` (no "key" in its manifest): from the path. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * An extension page of one line of text, in a second extension: the first paint of any extension
 * page on this machine, in the same browser as Vetted (renderer start, navigation, the bench's own
 * instrumentation). Vetted's pages above it are Vetted's; below it no extension page can go.
 */
export function blankPageExtension(browser: 'chromium' | 'firefox' = 'chromium'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-blank-'));
  // Firefox wants an id to install it alongside Vetted, and the MV2 build Vetted itself uses.
  const manifest =
    browser === 'firefox'
      ? { manifest_version: 2, name: 'Floor', version: '1.0', browser_specific_settings: { gecko: { id: 'floor@vetted-bench.invalid' } } }
      : { manifest_version: 3, name: 'Blank page', version: '1.0' };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  // Its page leaves a User Timing mark at the end of its body, like the popup's first card.
  fs.writeFileSync(
    path.join(dir, 'floor.html'),
    '<!DOCTYPE html><html lang="en"><title>Floor</title><p data-testid="floor">Floor</p><script src="floor.js"></script></html>',
  );
  fs.writeFileSync(path.join(dir, 'floor.js'), "performance.mark('floor:shown');\n");
  return dir;
}

/** `extensionDir` is Vetted's (or a floor's) build; `alongside` are more extensions in the same browser. */
export async function launch(extensionDir: string | null, alongside: string[] = []): Promise<BenchBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-profile-'));
  const debugPort = port++;
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    `--remote-debugging-port=${debugPort}`,
  ];
  const all = [...(extensionDir ? [extensionDir] : []), ...alongside].join(',');
  if (all) args.push(`--disable-extensions-except=${all}`, `--load-extension=${all}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args,
  });
  const routes = new MarketRoutes({ csp: false });
  await context.route('**/*', async (route) => {
    const d = routes.decide(route.request().url());
    if (d.kind === 'page') return route.fulfill({ status: 200, headers: d.headers, body: d.body });
    if (d.kind === 'not-found') return route.fulfill({ status: 404, body: '' });
    if (d.kind === 'blocked') return route.abort('blockedbyclient');
    return route.continue();
  });
  let worker: Worker | undefined;
  if (extensionDir && fs.existsSync(path.join(extensionDir, 'background.js'))) {
    const id = unpackedExtensionId(extensionDir);
    const mine = (w: Worker) => w.url().startsWith(`chrome-extension://${id}/`);
    worker = context.serviceWorkers().find(mine) ?? (await context.waitForEvent('serviceworker', { predicate: mine, timeout: 30_000 }));
  }
  const cdp = await puppeteer.connect({ browserURL: `http://127.0.0.1:${debugPort}`, defaultViewport: null });
  return {
    context,
    routes,
    worker,
    extensionId: worker ? new URL(worker.url()).host : undefined,
    cdp,
    async close() {
      await cdp.disconnect().catch(() => undefined);
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

/** JS heap used by the first target whose type and URL match, after a forced garbage collection. */
export async function heapOf(b: BenchBrowser, match: (type: string, url: string) => boolean): Promise<number | undefined> {
  const target = b.cdp.targets().find((t) => match(t.type(), t.url()));
  if (!target) return undefined;
  const session = await target.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize / (1024 * 1024);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Sends a Vetted request from an extension page (as the E2E harness does). */
const requestPages = new WeakMap<BenchBrowser, Page>();

export async function send(b: BenchBrowser, type: string, payload: unknown): Promise<unknown> {
  let page = requestPages.get(b);
  if (!page || page.isClosed()) {
    page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    requestPages.set(b, page);
  }
  {
    for (let i = 0; i < 40; i++) {
      const reply = (await page
        .evaluate(
          (m) =>
            (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
          { type, payload },
        )
        .catch(() => undefined)) as { ok: boolean; data?: unknown; error?: string } | undefined;
      if (reply?.ok) return reply.data;
      if (reply && !reply.ok) throw new Error(`${type}: ${reply.error}`);
      await page.waitForTimeout(250);
    }
    throw new Error(`${type}: no answer from the background`);
  }
}
