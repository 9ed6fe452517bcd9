/**
 * The real toolbar popup in Chromium, opened as a user's click on the toolbar button would: CDP's
 * `Extensions.triggerAction` on a tab (needs the pipe Playwright already uses and the
 * `--enable-unsafe-extension-debugging` flag launchChromium passes). Unlike `openExtensionPage
 * ('popup.html')`, this grants activeTab on that tab, and the popup sees it as the active tab.
 *
 *   const popup = await openActionPopup(session, page);     // page: the tab to click the button on
 *   await popup.waitFor('the button', '!!document.querySelector("button")');
 *   await popup.click('[data-testid="track-page"] button');  // a real mouse click: a user gesture
 *   await popup.screenshot('popup-track-page');
 *
 * Playwright doesn't list the popup among the context's pages, so it is driven over a raw CDP
 * session to its target.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from './chromium';
import { SCREENSHOTS_DIR } from './paths';
import { waitFor } from './wait';

export interface ActionPopup {
  /** Evaluates `expression` in the popup and returns its (awaited, JSON) value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` in the popup until it is truthy. */
  waitFor<T>(what: string, expression: string, timeout?: number): Promise<T>;
  /** A real mouse click in the middle of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** <SCREENSHOTS_DIR>/<name>.png of the whole popup. */
  screenshot(name: string): Promise<string>;
  /** Whether the popup is still open (it closes itself after most actions). */
  isOpen(): Promise<boolean>;
}

type TargetInfo = { targetId: string; type: string; url: string };

/** What a command still waiting gets when the popup closes. */
const CLOSED = Symbol('popup closed');

/** A command sent to the popup after it closed, or unanswered because it closed meanwhile. */
class PopupClosed extends Error {
  constructor(method: string) {
    super(`Popup CDP ${method}: the popup closed`);
  }
}

export async function openActionPopup(session: ChromiumSession, page: Page): Promise<ActionPopup> {
  const browser = session.context.browser();
  if (!browser) throw new Error('No browser behind the Chromium context: cannot reach the CDP browser target');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const targets = async (): Promise<TargetInfo[]> =>
    ((await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }, { type: 'page' }] })) as { targetInfos: TargetInfo[] }).targetInfos;

  // triggerAction wants the tab target (the parent of the page target); the URL tells them apart.
  const url = page.url();
  const tabs = (await targets()).filter((t) => t.type === 'tab' && t.url === url);
  if (tabs.length !== 1) throw new Error(`Expected one tab at ${url} to click the toolbar button on, found ${tabs.length}`);
  // popup.html may also be open in a tab (session.send uses one): the popup is the new target.
  const popupUrl = session.extensionUrl('popup.html');
  const before = new Set((await targets()).map((t) => t.targetId));
  await cdp.send('Extensions.triggerAction' as never, { id: session.extensionId, targetId: tabs[0]!.targetId } as never);
  const popup = await waitFor('the toolbar popup to open', async () =>
    (await targets()).find((t) => t.type === 'page' && t.url === popupUrl && !before.has(t.targetId)),
  );
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false })) as { sessionId: string };

  // Non-flat session: commands go through Target.sendMessageToTarget, answers come back as events.
  // The popup closes itself after most actions, sometimes before it answers the command that
  // caused them (the mouse release that clicked "Track this page"): the commands still waiting
  // then fail at once as PopupClosed instead of after 15 s without an answer.
  type Reply = { result?: unknown; error?: { message: string } } | typeof CLOSED;
  let nextId = 0;
  let closed = false;
  const pending = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
    if (reply.id !== undefined) pending.delete(reply.id);
  });
  cdp.on('Target.detachedFromTarget', (event: { sessionId?: string; targetId?: string }) => {
    if (event.sessionId !== sessionId && event.targetId !== popup.targetId) return;
    closed = true;
    for (const settle of pending.values()) settle(CLOSED);
    pending.clear();
  });
  const call = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new PopupClosed(method));
      const id = ++nextId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`Popup CDP ${method} got no answer (is the popup closed?)`));
      }, 15_000);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply === CLOSED) reject(new PopupClosed(method));
        else if (reply.error) reject(new Error(`Popup CDP ${method}: ${reply.error.message}`));
        else resolve(reply.result as T);
      });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((err: unknown) => {
        clearTimeout(timer);
        pending.delete(id);
        reject(closed ? new PopupClosed(method) : err instanceof Error ? err : new Error(String(err)));
      });
    });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const out = await call<{ result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    );
    if (out.exceptionDetails) throw new Error(`In the popup: ${out.exceptionDetails.exception?.description ?? out.exceptionDetails.text}`);
    return out.result.value as T;
  };

  const driver: ActionPopup = {
    evaluate,
    waitFor: (what, expression, timeout = 30_000) => waitFor(what, () => evaluate(expression), { timeout }),
    async click(selector) {
      const box = await driver.waitFor<{ x: number; y: number }>(
        `"${selector}" in the popup`,
        `(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return null;
           const r = el.getBoundingClientRect(); return r.width > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null; })()`,
      );
      await call('Input.dispatchMouseEvent', { type: 'mousePressed', x: box.x, y: box.y, button: 'left', clickCount: 1 });
      try {
        await call('Input.dispatchMouseEvent', { type: 'mouseReleased', x: box.x, y: box.y, button: 'left', clickCount: 1 });
      } catch (err) {
        // Closed between press and answer to the release: the release was delivered and its click
        // is what closed the popup (nothing else closes it). The caller checks the click's effect.
        if (!(err instanceof PopupClosed)) throw err;
      }
    },
    async screenshot(name) {
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) throw new Error(`Screenshot name "${name}" must be kebab-case`);
      const { data } = await call<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
      fs.writeFileSync(file, Buffer.from(data, 'base64'));
      return file;
    },
    async isOpen() {
      return (await targets()).some((t) => t.targetId === popup.targetId);
    },
  };
  await driver.waitFor('the popup document to load', 'document.readyState === "complete"');
  return driver;
}
