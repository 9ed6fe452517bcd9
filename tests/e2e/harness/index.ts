/**
 * The real-browser harness every E2E test uses. Start here:
 *
 *   import { launchChromium, launchFirefox, FIXTURES, screenshot } from './harness';
 *
 * - launchChromium / launchFirefox: the built extension in Debian's chromium / firefox-esr, every
 *   marketplace URL answered from ../shared/fixtures (captures at their real URLs; other
 *   marketplace URLs get an empty 404; everything else is blocked unless served), `send(type, payload)` as an
 *   extension page, `openExtensionPage('popup.html')`, `openMarketplacePage('upworkProfile')`,
 *   `overlayFrame(page)` (the loaded overlay iframe's frame).
 * - FIXTURES: the captures and their URLs. `session.routes.serve(url, { html })` serves your own page
 *   (`{ bytes, contentType }` any other file, an image);
 *   `launchX({ routes: { inject: ['…js…'] } })` runs a script first in every served page.
 * - screenshot(pageOrElement, 'kebab-name'): test-results/screenshots/kebab-name.png (ignored; see SCREENSHOTS_DIR).
 * - saveDownloadsTo(firefoxSession, dir): real downloads in Firefox (the saved file and its name);
 *   watchRequests(firefoxSession): every request any context sends (BiDi), extension frames too.
 * - openActionPopup(chromiumSession, page): the real toolbar popup on that tab (grants activeTab);
 *   clickToolbarButton(firefoxSession): the same click in Firefox (popup not drivable there).
 * Builds come from VETTED_OUT_DIR (default .output): see ./paths.ts for building your own.
 * Every session left open is closed after each test file (./setup.ts).
 */
export { launchChromium, CHROMIUM_PATH, type ChromiumSession, type LaunchChromiumOptions } from './chromium';
export { launchFirefox, routePage, FIREFOX_PATH, FIREFOX_EXTENSION_UUID, type FirefoxSession, type LaunchFirefoxOptions } from './firefox';
export {
  FIXTURES,
  MarketRoutes,
  readCapture,
  stripPageScripts,
  targetUrl,
  type FixtureName,
  type MarketRoutesOptions,
  type PageSource,
  type RouteDecision,
} from './fixtures';
export { extensionDir, makeProfileDir, removeDir, FIXTURES_DIR, REPO_ROOT, SCREENSHOTS_DIR, type BrowserName } from './paths';
export { openActionPopup, type ActionPopup } from './action-popup';
export { clickToolbarButton, selectedTabId } from './firefox-action';
export { saveDownloadsTo, watchRequests, type FirefoxDownloads, type SavedDownload } from './firefox-downloads';
export { screenshot } from './screenshot';
export { waitFor } from './wait';
export { closeAllSessions, OVERLAY_FRAME_SELECTOR, type ExtensionSession } from './session';
