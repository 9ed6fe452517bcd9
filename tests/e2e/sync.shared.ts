/**
 * issue 11, network half: Options → Sync in a real browser against a real lighttpd WebDAV server on
 * loopback. Connect creates the workspace (workspace.json on disk); a second profile with a wrong
 * passphrase gets the clear message and nothing is written; an unreachable server is said so.
 * (Two profiles syncing data comes once the engine is merged.)
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { freePort, type DavServer } from '../sync-servers';

/** What a browser page offers these tests (Playwright and Puppeteer pages differ). */
export interface SyncPage {
  fill(label: string, value: string): Promise<void>;
  click(name: string): Promise<void>;
  /** Text of the first element matching a CSS selector, once it is there (and contains `text`, if given). */
  textOf(selector: string, text?: RegExp): Promise<string>;
  shot(name: string): Promise<void>;
}

export function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

export async function connectThroughOptions(page: SyncPage, server: DavServer, passphrase: string): Promise<void> {
  await page.fill('Server address', server.url);
  await page.fill('User name', server.user);
  await page.fill('Password', server.password);
  await page.fill('Encryption passphrase', passphrase);
  await page.click('Connect');
}

export async function expectWorkspaceCreated(page: SyncPage, server: DavServer): Promise<void> {
  const status = await page.textOf('[data-testid="sync-status"]');
  expect(status.length).toBeGreaterThan(0);
  const made = files(join(server.root, 'vetted'));
  expect(made.some((f) => /^[0-9a-f]+\/workspace\.json$/.test(f))).toBe(true);
  expect(made.some((f) => /\/devices\/[0-9a-z]+\/device\.json$/.test(f))).toBe(true);
}

export async function expectWrongPassphraseRefused(page: SyncPage, server: DavServer): Promise<void> {
  const before = files(join(server.root, 'vetted')).map((f) => [f, statSync(join(server.root, 'vetted', f)).mtimeMs]);
  await connectThroughOptions(page, server, 'not the passphrase');
  const alert = await page.textOf('[role="alert"]', /passphrase/);
  expect(alert).toMatch(/passphrase is not the one/);
  await page.shot('sync-wrong-passphrase');
  expect(files(join(server.root, 'vetted')).map((f) => [f, statSync(join(server.root, 'vetted', f)).mtimeMs])).toEqual(before);
}

export async function expectUnreachableSaid(page: SyncPage, server: DavServer): Promise<void> {
  const port = await freePort();
  await connectThroughOptions(page, { ...server, url: `http://127.0.0.1:${port}/` }, 'anything');
  expect(await page.textOf('[role="alert"]', /reached/)).toMatch(/could not be reached/);
}
