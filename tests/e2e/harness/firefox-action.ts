/**
 * A click on the toolbar button in Firefox, as the browser does it: the add-on's browserAction
 * `triggerAction` in the browser window (WebDriver BiDi in the chrome scope, which the
 * `--remote-allow-system-access` flag launchFirefox passes allows). It opens the real popup and
 * grants activeTab on the selected tab, which must be the page's (a page just opened is).
 *
 * The popup panel is not a browsing context BiDi lists, so tests can't drive its DOM: they send
 * the popup's requests from an extension page with the tab id this returns.
 */
import type { FirefoxSession } from './firefox';

type Bidi = { send(method: string, params: unknown): Promise<{ result: unknown }> };
type Evaluated = { type: 'success'; result: { value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } };

async function inBrowserWindow<T>(session: FirefoxSession, body: string): Promise<T> {
  const bidi = (session.browser as unknown as { connection: Bidi }).connection;
  const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const win = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error('No Firefox browser window in the chrome scope (is --remote-allow-system-access set?)');
  const expression = `(async () => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(session.addonId)});
    const answer = await (async () => { ${body} })();
    return JSON.stringify(answer); // BiDi would send an object as typed entries: JSON keeps it plain
  })()`;
  const out = (
    await bidi.send('script.evaluate', { expression, target: { context: win.context }, awaitPromise: true, resultOwnership: 'none' })
  ).result as Evaluated;
  if (out.type === 'exception') throw new Error(`In the Firefox window: ${out.exceptionDetails.text}`);
  return JSON.parse(String(out.result.value)) as T;
}

/** The add-on's id for the selected tab (what `tabs.query` would give the popup). */
export function selectedTabId(session: FirefoxSession): Promise<number> {
  return inBrowserWindow(session, 'return extension.tabManager.getWrapper(gBrowser.selectedTab).id;');
}

/** Clicks the toolbar button over the selected tab; returns that tab's id and whether activeTab was granted. */
export function clickToolbarButton(session: FirefoxSession): Promise<{ tabId: number; activeTab: boolean }> {
  return inBrowserWindow(
    session,
    `await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    const tab = gBrowser.selectedTab;
    return { tabId: extension.tabManager.getWrapper(tab).id, activeTab: extension.tabManager.hasActiveTabPermission(tab) };`,
  );
}
