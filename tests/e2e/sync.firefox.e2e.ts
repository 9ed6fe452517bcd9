import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, screenshot, waitFor, type FirefoxSession } from './harness';
import { startLighttpd, type DavServer } from '../sync-servers';
import {
  connectThroughOptions,
  expectUnreachableSaid,
  expectWorkspaceCreated,
  expectWrongPassphraseRefused,
  type SyncPage,
} from './sync.shared';

const FIELD_IDS: Record<string, string> = {
  'Server address': '#sync-server',
  'User name': '#sync-user',
  Password: '#sync-password',
  'Encryption passphrase': '#sync-passphrase',
};

function syncPage(page: Page): SyncPage {
  return {
    async fill(label, value) {
      const sel = FIELD_IDS[label]!;
      // The field is the one its label names (the UI contract), then typed into.
      await waitFor(`the field labelled ${label}`, () =>
        page.$eval(sel, (el, l) => document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() === l, label),
      );
      await page.$eval(sel, (el) => ((el as HTMLInputElement).value = ''));
      await page.type(sel, value);
    },
    async click(name) {
      const button = await waitFor(`the ${name} button`, async () => {
        for (const b of await page.$$('button')) if ((await b.evaluate((e) => e.textContent?.trim())) === name) return b;
        return null;
      });
      await button.click();
    },
    textOf: (selector, text) =>
      waitFor(`${selector}${text ? ` saying ${text}` : ''}`, async () => {
        const all = await page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
        return all.find((t) => (text ? text.test(t) : t.trim().length > 0)) ?? null;
      }),
    shot: async (name) => void (await screenshot(page, name)),
  };
}

describe('Options → Sync in Firefox (loopback lighttpd)', () => {
  let server: DavServer;
  let a: FirefoxSession;
  let b: FirefoxSession;
  beforeAll(async () => {
    server = await startLighttpd();
    a = await launchFirefox();
    b = await launchFirefox();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
  });

  it('connects: the workspace is created on the server and the status shows', async () => {
    const page = await a.openExtensionPage('options.html#sync');
    const p = syncPage(page);
    await p.shot('sync-options-form-firefox');
    await connectThroughOptions(p, server, 'orchard lantern 7');
    await expectWorkspaceCreated(p, server);
    expect((await a.send('syncStatus', {})).connected).toBe(true);
    await p.shot('sync-options-connected-firefox');
  });

  it('a second profile with a wrong passphrase is told so and nothing is written; an unreachable server is said', async () => {
    const page = await b.openExtensionPage('options.html#sync');
    const p = syncPage(page);
    await expectWrongPassphraseRefused(p, server);
    expect((await b.send('syncStatus', {})).connected).toBe(false);
    await expectUnreachableSaid(p, server);
    expect((await b.send('syncStatus', {})).connected).toBe(false);
  });
});
