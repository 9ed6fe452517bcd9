/**
 * A heavy user's database — 10,000 contractors, 1,000 projects (100 open), 3,000 milestones,
 * 2,000 payments, 900 ratings and 100,000 notes — written straight into the background's
 * IndexedDB; then how soon the popup and the side panel show their content, and the
 * background's heap with that database loaded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { heapOf, launch, send, type BenchBrowser } from './browser';
import { median, type Figure } from './stats';
import { noteWords } from '../../lib/domain/words';

/** The seeded notes' words (lib/domain/words.ts), around each note's number: stored as the extension would. */
const NOTE_HEAD = 'Interview notes';
const NOTE_TAIL = 'communicates clearly, asked good questions about the brief, portfolio matches the work we need.';

export async function seed(b: BenchBrowser): Promise<void> {
  await send(b, 'getSettings', {}); // the background opens (and creates) the database
  const words = { head: noteWords(NOTE_HEAD), tail: noteWords(NOTE_TAIL), headText: NOTE_HEAD, tailText: NOTE_TAIL };
  await b.worker!.evaluate(async (w) => {
    const NOW = Date.now();
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('vetted');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const db = await open();
    const put = (store: string, rows: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const r of rows) os.put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const contractors = [];
    for (let i = 0; i < 10_000; i++) {
      const id = `~01bench${i.toString(16).padStart(8, '0')}`;
      contractors.push({
        key: `upwork:${id}`,
        site: 'upwork',
        siteId: id,
        name: `Contractor ${i}`,
        profileUrl: `https://www.upwork.com/freelancers/${id}`,
        headline: 'Full-stack developer · React, Node, Postgres',
        rate: { amountMinor: 4000 + (i % 50) * 100, currency: 'USD', unit: 'hour' },
        marketplaceRating: { score: 4 + (i % 10) / 10, outOf: 5, count: i % 200 },
        status: i % 10 === 0 ? 'shortlisted' : i % 37 === 0 ? 'avoid' : 'prospect',
        tags: [],
        firstSeenAt: NOW - 90 * 864e5,
        lastSeenAt: NOW - i * 60_000,
        history: [],
        links: [],
        createdAt: NOW - 90 * 864e5,
        updatedAt: NOW - i * 60_000,
      });
    }
    await put('contractors', contractors);
    const projects = [],
      milestones = [],
      payments = [],
      ratings = [];
    for (let i = 0; i < 1_000; i++) {
      const open = i < 100;
      const contractorKey = contractors[i * 7]!.key;
      projects.push({
        id: `bench-p${i}`,
        title: `Project ${i}`,
        contractorKey,
        status: open ? (['active', 'planned', 'paused'] as const)[i % 3] : 'completed',
        paymentModel: 'milestones',
        currency: i % 4 === 0 ? 'EUR' : 'USD',
        budgetMinor: 500_000,
        startDate: '2026-10-01',
        deadline: '2027-01-31',
        contract: {},
        checkInDays: 7,
        lastContactAt: NOW - (i % 12) * 864e5,
        createdAt: NOW - 60 * 864e5,
        updatedAt: NOW - i * 1000,
      });
      for (let k = 0; k < 3; k++) {
        milestones.push({
          id: `bench-m${i}-${k}`,
          projectId: `bench-p${i}`,
          title: `Milestone ${k + 1}`,
          dueDate: `2026-1${1 + (k % 2)}-${String(5 + k * 9).padStart(2, '0')}`,
          amountMinor: 150_000,
          status: k === 0 ? 'paid' : 'pending',
          createdAt: NOW,
          updatedAt: NOW,
        });
      }
      for (let k = 0; k < 2; k++) {
        payments.push({
          id: `bench-pay${i}-${k}`,
          projectId: `bench-p${i}`,
          amountMinor: 75_000,
          currency: i % 4 === 0 ? 'EUR' : 'USD',
          paidAt: '2026-11-0' + (k + 1),
          createdAt: NOW,
          updatedAt: NOW,
        });
      }
      if (!open)
        ratings.push({
          id: `bench-r${i}`,
          contractorKey,
          projectId: `bench-p${i}`,
          quality: 4 + (i % 2),
          communication: 4,
          timeliness: 3 + (i % 3),
          value: 4,
          wouldRehire: i % 3 !== 0,
          createdAt: NOW,
          updatedAt: NOW,
        });
    }
    await put('projects', projects);
    await put('milestones', milestones);
    await put('payments', payments);
    await put('ratings', ratings);
    for (let chunk = 0; chunk < 10; chunk++) {
      const notes = [];
      for (let i = chunk * 10_000; i < (chunk + 1) * 10_000; i++) {
        notes.push({
          id: `bench-n${i}`,
          contractorKey: contractors[i % 10_000]!.key,
          kind: 'general',
          body: `${w.headText} ${i}: ${w.tailText}`,
          words: [...w.head, String(i), ...w.tail],
          createdAt: NOW - i * 1000,
          updatedAt: NOW - i * 1000,
        });
      }
      await put('notes', notes);
    }
    // 10,000 checklist ticks on 3,000 contractors (1, 4, 7, …): vetting progress to sort by.
    const ITEMS = ['interview-held', 'reviews-read', 'references-contacted', 'work-samples-checked', 'brief-understood'];
    const checks = [];
    for (let n = 0; n < 10_000; n++) {
      const c = contractors[(n % 3_000) * 3 + 1]!;
      const itemId = ITEMS[Math.floor(n / 3_000) % ITEMS.length]!;
      checks.push({ contractorKey: c.key, itemId, state: n % 11 === 0 ? 'failed' : 'done', updatedAt: NOW - n * 1000 });
    }
    await put('checks', checks);
    db.close();
  }, words);
}

/** ms from navigation start until `selector` is in the DOM (observed inside the page), and first contentful paint. */
export async function shownAfter(page: Page, url: string, selector: string): Promise<{ content: number; fcp: number }> {
  await page.addInitScript((sel) => {
    const w = window as unknown as { __benchShown?: number };
    new MutationObserver((_, obs) => {
      if (document.querySelector(sel)) {
        w.__benchShown = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForSelector(selector, { timeout: 30_000 });
  return page.evaluate(() => ({
    content: (window as unknown as { __benchShown: number }).__benchShown,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  }));
}

/**
 * An extension whose page is one line of text: the first paint of any extension page on this
 * machine (renderer start, navigation, the bench's own instrumentation). Vetted's figures above
 * it are Vetted's; below it no extension page can go.
 */
function floorExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-floor-'));
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Floor', version: '1.0', background: { service_worker: 'background.js' } }),
  );
  fs.writeFileSync(path.join(dir, 'background.js'), '');
  fs.writeFileSync(
    path.join(dir, 'floor.html'),
    '<!DOCTYPE html><html lang="en"><title>Floor</title><p data-testid="floor">Floor</p></html>',
  );
  return dir;
}

/** Stops the extension's service worker, as Chromium does after 30 s without events. */
async function stopServiceWorkers(b: BenchBrowser, page: Page): Promise<void> {
  const session = await b.context.newCDPSession(page);
  try {
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
  } finally {
    await session.detach().catch(() => undefined);
  }
}

export async function benchFloor(runs: number): Promise<number[]> {
  const dir = floorExtension();
  const b = await launch(dir);
  const out: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const p = await b.context.newPage();
      const r = await shownAfter(p, `chrome-extension://${b.extensionId}/floor.html`, '[data-testid="floor"]');
      if (i > 0) out.push(r.fcp);
      await p.close();
    }
  } finally {
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export async function benchBigDb(vettedDir: string, runs: number): Promise<Figure[]> {
  const b = await launch(vettedDir);
  const popup: number[] = [],
    popupFcp: number[] = [],
    panel: number[] = [],
    panelFcp: number[] = [];
  const popupCold: number[] = [];
  let heap: number | undefined;
  try {
    const t = Date.now();
    await seed(b);
    const seedMs = Date.now() - t;
    const base = `chrome-extension://${b.extensionId}`;
    for (let i = 0; i < runs + 1; i++) {
      const p = await b.context.newPage();
      const r = await shownAfter(p, `${base}/popup.html`, '[data-testid="project-card"]');
      if (i > 0) {
        // the first run warms the service worker
        popup.push(r.content);
        popupFcp.push(r.fcp);
      }
      await p.close();
      const s = await b.context.newPage();
      const q = await shownAfter(s, `${base}/sidepanel.html?project=bench-p0`, '[data-testid="budget-summary"]');
      if (i > 0) {
        panel.push(q.content);
        panelFcp.push(q.fcp);
      }
      await s.close();
    }
    heap = await heapOf(b, (type, url) => type === 'service_worker' && url.startsWith(base));
    // Opening the popup after a while: the background starts, opens the database, then answers.
    for (let i = 0; i < runs; i++) {
      const blank = await b.context.newPage();
      await stopServiceWorkers(b, blank);
      await blank.waitForTimeout(500);
      const p = await b.context.newPage();
      popupCold.push((await shownAfter(p, `${base}/popup.html`, '[data-testid="project-card"]')).content);
      await p.close();
      await blank.close();
    }
    console.log(`(seeded the database in ${(seedMs / 1000).toFixed(1)} s)`);
  } finally {
    await b.close();
  }
  const floor = await benchFloor(runs);
  const db = '10k contractors, 1k projects, 100k notes';
  return [
    { group: 'big database', name: `popup: active projects shown (${db})`, value: median(popup), unit: 'ms', goal: 100, samples: popup },
    { group: 'big database', name: 'popup: first contentful paint', value: median(popupFcp), unit: 'ms', samples: popupFcp },
    { group: 'big database', name: 'side panel: budget summary shown', value: median(panel), unit: 'ms', goal: 100, samples: panel },
    { group: 'big database', name: 'side panel: first contentful paint', value: median(panelFcp), unit: 'ms', samples: panelFcp },
    {
      group: 'big database',
      name: 'popup with the background asleep (service worker stopped)',
      value: median(popupCold),
      unit: 'ms',
      samples: popupCold,
    },
    { group: 'big database', name: 'floor: first paint of an empty extension page', value: median(floor), unit: 'ms', samples: floor },
    { group: 'memory', name: `background JS heap (${db})`, value: heap ?? NaN, unit: 'MB', goal: 40 },
  ];
}
