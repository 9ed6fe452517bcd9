/**
 * Debian's chromium with the unpacked Chrome MV3 build, driven by playwright-core.
 *
 *   const s = await launchChromium();
 *   const page = await s.openMarketplacePage('upworkProfile');   // served from the capture
 *   await s.send('getContractor', { key: 'upwork:~01140923f209578a6b' });
 *   await s.close();
 *
 * Reuse `profileDir` in a second launch to test what survives a browser restart.
 */
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { MarketRoutes, targetUrl, type MarketRoutesOptions } from './fixtures';
import { extensionDir, makeProfileDir, removeDir } from './paths';
import { waitFor } from './wait';
import {
  isLoadedExtensionDocument,
  OVERLAY_FRAME_SELECTOR,
  requestsThrough,
  sendFromExtensionPage,
  trackSession,
  untrackSession,
  type ExtensionSession,
} from './session';

export const CHROMIUM_PATH = process.env.VETTED_CHROMIUM || '/usr/bin/chromium';

export interface LaunchChromiumOptions {
  /** Reuse a profile (e.g. from a previous session) — it is then kept on close. Default: a fresh temp dir, removed on close. */
  profileDir?: string;
  /** Pages to serve and scripts to inject; see MarketRoutes. */
  routes?: MarketRoutesOptions;
}

export interface ChromiumSession extends ExtensionSession<Page, Frame> {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The background service worker (evaluate in it for white-box checks). */
  readonly serviceWorker: Worker;
}

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<ChromiumSession> {
  const ext = extensionDir('chromium');
  const ownsProfile = !options.profileDir;
  const profileDir = options.profileDir ?? makeProfileDir('chromium');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      timeout: 60_000,
      viewport: { width: 1280, height: 800 },
      args: [
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        // Lets CDP click the toolbar button (Extensions.triggerAction): see ./action-popup.ts.
        '--enable-unsafe-extension-debugging',
      ],
    });
  } catch (err) {
    if (ownsProfile) removeDir(profileDir);
    throw new Error(`Could not launch ${CHROMIUM_PATH} with the extension from ${ext}: ${String(err)}`);
  }

  const routes = new MarketRoutes(options.routes);
  let closed = false;

  const session: ChromiumSession = {
    browserName: 'chromium',
    context,
    profileDir,
    routes,
    extensionId: '',
    extensionOrigin: '',
    serviceWorker: undefined as unknown as Worker,
    extensionUrl: (path) => new URL(path.replace(/^\//, ''), session.extensionOrigin).href,
    newPage: () => context.newPage(),
    async openExtensionPage(path = 'popup.html') {
      const page = await context.newPage();
      await page.goto(session.extensionUrl(path), { waitUntil: 'load' });
      return page;
    },
    async openMarketplacePage(target) {
      const page = await context.newPage();
      await page.goto(targetUrl(target), { waitUntil: 'load', timeout: 60_000 });
      return page;
    },
    async overlayFrame(page) {
      const element = await page.waitForSelector(OVERLAY_FRAME_SELECTOR, { state: 'attached', timeout: 30_000 });
      const frame = await waitFor('the overlay iframe to get a document', () => element.contentFrame());
      await waitFor('the overlay document to load', () => frame.evaluate(isLoadedExtensionDocument));
      return frame;
    },
    ...requestsThrough(
      () => session.openExtensionPage('popup.html'),
      (page, message) => page.evaluate(sendFromExtensionPage, message),
    ),
    async close() {
      if (closed) return;
      closed = true;
      untrackSession(session);
      await context.close().catch(() => undefined);
      if (ownsProfile) removeDir(profileDir);
    },
  };
  trackSession(session);

  try {
    await context.route('**/*', async (route) => {
      const decision = routes.decide(route.request().url());
      switch (decision.kind) {
        case 'page':
          return route.fulfill({ status: decision.status, headers: decision.headers, body: decision.body });
        case 'not-found':
          return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
        case 'blocked':
          return route.abort('blockedbyclient');
        case 'pass':
          return route.continue();
      }
    });
    const worker = await findServiceWorker(context);
    const id = new URL(worker.url()).host;
    Object.assign(session, { serviceWorker: worker, extensionId: id, extensionOrigin: `chrome-extension://${id}/` });
  } catch (err) {
    await session.close();
    throw err;
  }
  return session;
}

async function findServiceWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 });
  } catch {
    throw new Error(
      'The extension service worker did not start within 30 s. Is the Chrome build broken? ' +
        'Try loading it by hand: chromium --load-extension=<build dir>.',
    );
  }
}
