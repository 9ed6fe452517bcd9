/**
 * Issue 16: the contractor board at 10,000 contractors (the big-database seed, with 1,000 of them
 * tagged "logo" and 100,000 notes): how soon the first rows are shown, how long a filter change
 * and a note-text search take to redraw, next to the first paint of a blank extension page
 * measured in the same run.
 */
import type { Page } from 'playwright-core';
import { launch, type BenchBrowser } from './browser';
import { benchFloor, seed, shownAfter } from './big-db';
import { median, type Figure } from './stats';

async function tagSome(b: BenchBrowser): Promise<void> {
  await b.worker!.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('vetted');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('contractors', 'readwrite');
      const store = tx.objectStore('contractors');
      const req = store.openCursor();
      let i = 0;
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return;
        if (i++ % 10 === 0) cursor.update({ ...cursor.value, tags: ['logo'] });
        cursor.continue();
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

/** ms from a change in the page to the count line reading `expected` (observed in the page). */
async function redrawAfter(page: Page, act: 'tag' | 'search', expected: string): Promise<number> {
  return page.evaluate(
    ([what, text]) =>
      new Promise<number>((resolve, reject) => {
        const live = document.querySelector('.bd-header [aria-live]')!;
        const start = performance.now();
        const obs = new MutationObserver(() => {
          if (live.textContent?.includes(text!) && document.querySelector('[data-testid="contractor-row"]')) {
            obs.disconnect();
            resolve(performance.now() - start);
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => reject(new Error(`no "${text}" after 30 s`)), 30_000);
        if (what === 'tag') {
          const select = document.querySelector('#bd-tag') as HTMLSelectElement;
          select.value = 'logo';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          const input = document.querySelector('#bd-search') as HTMLInputElement;
          input.value = 'notes 4242:';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }),
    [act, expected] as const,
  );
}

export async function benchBoard(vettedDir: string, runs: number): Promise<Figure[]> {
  const b = await launch(vettedDir);
  const first: number[] = [], fcp: number[] = [], filter: number[] = [], search: number[] = [];
  try {
    await seed(b);
    await tagSome(b);
    const url = `chrome-extension://${b.extensionId}/board.html`;
    for (let i = 0; i < runs + 1; i++) {
      const page = await b.context.newPage();
      const r = await shownAfter(page, url, '[data-testid="contractor-row"]');
      const f = await redrawAfter(page, 'tag', '1,000 of 10,000');
      await page.close();
      const s = await b.context.newPage();
      await shownAfter(s, url, '[data-testid="contractor-row"]');
      // Includes the search box's 200 ms pause after typing.
      const q = await redrawAfter(s, 'search', '1 of 10,000');
      await s.close();
      if (i === 0) continue; // the first run warms the service worker
      first.push(r.content);
      fcp.push(r.fcp);
      filter.push(f);
      search.push(q);
    }
  } finally {
    await b.close();
  }
  const floor = await benchFloor(runs);
  const db = '10k contractors, 100k notes';
  return [
    { group: 'board', name: `board: first rows shown (${db})`, value: median(first), unit: 'ms', samples: first },
    { group: 'board', name: 'board: first contentful paint', value: median(fcp), unit: 'ms', samples: fcp },
    { group: 'board', name: 'board: tag filter → rows redrawn (1,000 of 10,000)', value: median(filter), unit: 'ms', samples: filter },
    { group: 'board', name: 'board: note-text search → rows redrawn (incl. 200 ms typing pause)', value: median(search), unit: 'ms', samples: search },
    { group: 'board', name: 'floor: first paint of a blank extension page', value: median(floor), unit: 'ms', samples: floor },
  ];
}
