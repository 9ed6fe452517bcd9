/**
 * Debian's firefox-esr with the Firefox MV2 build, driven by puppeteer-core over WebDriver BiDi.
 *
 *   const s = await launchFirefox();
 *   const page = await s.openMarketplacePage('upworkProfile');
 *   await s.send('getContractor', { key: 'upwork:~01140923f209578a6b' });
 *   await s.close();
 *
 * Facts this relies on (Firefox ESR 153, puppeteer-core 24):
 * - The add-on's moz-extension:// UUID is random per profile unless the pref
 *   `extensions.webextensions.uuids` pins it: we pin it, so extension URLs are known up front.
 * - BiDi refuses to navigate to moz-extension:// unless Firefox runs with
 *   `--remote-allow-system-access`; even then Puppeteer's goto never sees the load finish, so
 *   extension pages are opened by a raw BiDi navigate and polled until loaded.
 * - Request interception is per page and `request.resourceType()` is unsupported over BiDi.
 * - `installExtension` installs a temporary add-on, uninstalled (and its data wiped) when Firefox
 *   closes. The test-only pref `extensions.webextensions.keepStorageOnUninstall` keeps its
 *   IndexedDB, so relaunching on the same profile behaves like a permanently installed add-on.
 */
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
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

export const FIREFOX_PATH = process.env.VETTED_FIREFOX || '/usr/bin/firefox-esr';
/** Pinned moz-extension:// host of our add-on in every test profile. */
export const FIREFOX_EXTENSION_UUID = '7e57ed00-7e77-4ed0-a000-00000000c0de';

export interface LaunchFirefoxOptions {
  /** Reuse a profile — it is then kept on close. Default: a fresh temp dir, removed on close. */
  profileDir?: string;
  routes?: MarketRoutesOptions;
  /** More unpacked add-ons installed after Vetted (the benchmarks' floor pages), each at a pinned UUID. */
  alongside?: { dir: string; uuid: string }[];
}

export interface FirefoxSession extends ExtensionSession<Page, Frame> {
  readonly browser: Browser;
  /** The add-on id from the manifest (`browser_specific_settings.gecko.id`). */
  readonly addonId: string;
}

export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxSession> {
  const ext = extensionDir('firefox');
  const addonId = readAddonId(ext);
  const ownsProfile = !options.profileDir;
  const profileDir = options.profileDir ?? makeProfileDir('firefox');
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profileDir,
      timeout: 90_000,
      protocolTimeout: 90_000,
      defaultViewport: { width: 1280, height: 800 },
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({
          [addonId]: FIREFOX_EXTENSION_UUID,
          ...Object.fromEntries((options.alongside ?? []).map((a) => [readAddonId(a.dir), a.uuid])),
        }),
        'extensions.webextensions.keepStorageOnUninstall': true,
        // issue 11: optional permissions (sync asks for the server's origin at Connect) are granted
        // without the doorhanger, as a user clicking Allow; headless Firefox shows none to click.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
  } catch (err) {
    if (ownsProfile) removeDir(profileDir);
    throw new Error(`Could not launch ${FIREFOX_PATH}: ${String(err)}`);
  }

  const routes = new MarketRoutes(options.routes);
  let closed = false;

  const newPage = async () => {
    const page = await browser.newPage();
    await routePage(page, routes);
    return page;
  };

  const session: FirefoxSession = {
    browserName: 'firefox',
    browser,
    addonId,
    profileDir,
    routes,
    extensionOrigin,
    extensionUrl: (p) => new URL(p.replace(/^\//, ''), extensionOrigin).href,
    newPage,
    async openExtensionPage(p = 'popup.html') {
      const page = await browser.newPage();
      await navigateToExtensionPage(page, session.extensionUrl(p));
      return page;
    },
    async openMarketplacePage(target) {
      const page = await newPage();
      await page.goto(targetUrl(target), { waitUntil: 'load', timeout: 60_000 });
      return page;
    },
    async overlayFrame(page) {
      const element = await page.waitForSelector(OVERLAY_FRAME_SELECTOR, { timeout: 30_000 });
      if (!element) throw new Error('The overlay iframe disappeared while waiting for it');
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
      await browser.close().catch(() => undefined);
      if (ownsProfile) removeDir(profileDir);
    },
  };
  trackSession(session);
  browser.on('targetcreated', (target) => {
    target
      .page()
      .then((page) => (page ? routePage(page, routes) : undefined))
      .catch(() => undefined);
  });

  try {
    const installed = await browser.installExtension(ext);
    if (installed !== addonId) throw new Error(`installExtension returned ${installed}, expected ${addonId}`);
    for (const other of options.alongside ?? []) await browser.installExtension(other.dir);
  } catch (err) {
    await session.close();
    throw new Error(`Could not install the Firefox build from ${ext}: ${String(err)}`);
  }
  return session;
}

const routed = new WeakSet<Page>();

/**
 * Answers this page's requests from the routing table. Puppeteer intercepts per page, so do it
 * before the page's first navigation; `launchFirefox` also routes tabs the extension opens itself
 * (best effort: a request sent before the tab is seen escapes to the real, unreachable network).
 */
export async function routePage(page: Page, routes: MarketRoutes): Promise<void> {
  if (routed.has(page)) return;
  routed.add(page);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    // Another handler may already have answered (a test can add its own).
    if (request.isInterceptResolutionHandled()) return;
    const decision = routes.decide(request.url());
    const settle = (): Promise<void> => {
      switch (decision.kind) {
        case 'page':
          return request.respond({ status: decision.status, headers: decision.headers, body: decision.body });
        case 'not-found':
          return request.respond({ status: 404, contentType: 'text/plain', body: '' });
        case 'blocked':
          return request.abort('blockedbyclient');
        case 'pass':
          return request.continue();
      }
    };
    // A request can vanish (page closed, navigation replaced it): nothing to answer then.
    settle().catch(() => undefined);
  });
}

export async function navigateToExtensionPage(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as {
    browsingContext?: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
  };
  if (frame.browsingContext) {
    await frame.browsingContext.navigate(url, 'none');
  } else {
    // Puppeteer internals moved: plain goto navigates too, it just never reports the load.
    page.goto(url, { timeout: 30_000 }).catch(() => undefined);
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await page.evaluate(() => ({ href: location.href, ready: document.readyState })).catch(() => ({ href: '', ready: '' }));
    if (state.href === url && state.ready === 'complete') return;
    if (Date.now() > deadline) throw new Error(`Extension page ${url} did not load within 30 s (at ${state.href || 'unknown'})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readAddonId(ext: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${ext}/manifest.json has no browser_specific_settings.gecko.id: the add-on UUID cannot be pinned`);
  return id;
}
