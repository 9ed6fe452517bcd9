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

  it('a note edited on both profiles before they synced shows "2 versions" in the overlay; the other text is used and travels', async () => {
    // B joins the workspace with the right passphrase.
    const options = syncPage(await b.openExtensionPage('options.html#sync'));
    await connectThroughOptions(options, server, 'orchard lantern 7');
    await options.textOf('[data-testid="sync-status"]', /Synced/);
    // A meets the contractor on the real capture and writes a note; both sync.
    const onA = await a.openMarketplacePage('upworkProfile');
    await a.overlayFrame(onA);
    const key = await waitFor('the contractor stored on A', async () => (await a.send('listContractors', { limit: 5 }))[0]?.key);
    const note = await a.send('saveNote', { contractorKey: key, kind: 'general', body: 'Rate agreed: $40/h' });
    await a.send('syncNow', {});
    await b.send('syncNow', {});
    expect((await b.send('getContractor', { key }))?.notes.map((n) => n.body)).toEqual(['Rate agreed: $40/h']);
    // Apart (neither syncs in between), each edits the note; B's edit comes later and wins.
    await a.send('saveNote', { id: note.id, kind: 'general', body: 'Rate agreed: $45/h (A)' });
    await new Promise((r) => setTimeout(r, 20));
    await b.send('saveNote', { id: note.id, kind: 'general', body: 'Rate agreed: $42/h (B)' });
    for (const s of [a, b, a]) expect((await s.send('syncNow', {})).lastError).toBeNull();
    for (const s of [a, b]) expect((await s.send('getContractor', { key }))?.notes.map((n) => n.body)).toEqual(['Rate agreed: $42/h (B)']);

    // On B's overlay the note says it has two versions, and shows A's text on request.
    const onB = await b.openMarketplacePage('upworkProfile');
    const frame = await b.overlayFrame(onB);
    const toggle = '[data-testid="overlay-toggle"]';
    await waitFor('the toggle drawn', () =>
      frame.evaluate((t) => document.querySelector(t)?.getAttribute('aria-expanded') ?? null, toggle),
    );
    if ((await frame.evaluate((t) => document.querySelector(t)?.getAttribute('aria-expanded'), toggle)) !== 'true')
      await frame.click(toggle);
    const item = `[data-testid="note-item"][data-note-id="${note.id}"]`;
    const badge = `${item} .v-versions__toggle`;
    await waitFor('"2 versions" on the note', () => frame.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, badge));
    expect(await frame.evaluate((sel) => document.querySelector(sel)!.textContent, badge)).toBe('2 versions');
    await waitFor('the frame shown whole', () => frame.evaluate(() => document.documentElement.dataset.exposure === 'settled'));
    await frame.click(badge);
    const other = await waitFor('the other version', () =>
      frame.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, `${item} [data-testid="other-version"]`),
    );
    expect(other).toContain('Rate agreed: $45/h (A)');
    await frame.evaluate(
      (sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }),
      `${item} [data-testid="other-versions"]`,
    );
    await screenshot(onB, 'sync-note-two-versions-firefox');
    await frame.click(`${item} [data-testid="other-version"] .v-btn--primary`);
    await waitFor('the note to read A’s text on B', async () =>
      (await b.send('getContractor', { key }))?.notes[0]?.body === 'Rate agreed: $45/h (A)' ? true : null,
    );
    // The choice is an edit: after B and A sync, A's note reads it too, and B keeps B's text as the other version.
    await b.send('syncNow', {});
    await a.send('syncNow', {});
    expect((await a.send('getContractor', { key }))?.notes.map((n) => n.body)).toEqual(['Rate agreed: $45/h (A)']);
    expect((await b.send('otherVersions', { table: 'notes', keys: [note.id] })).versions.map((v) => v.row.body)).toEqual([
      'Rate agreed: $42/h (B)',
    ]);
  });
});
