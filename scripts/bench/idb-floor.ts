/**
 * The floor under an import: the same rows written straight into IndexedDB by an extension page of
 * the same browser, with no Dexie, no validation and no merge — one transaction, each row put once
 * with one small version row beside it (as Vetted's syncIndex keeps), the notes' three indexes and
 * the version rows' lseq index. Nothing Vetted does to import those rows can take less.
 */
import type { Page } from 'playwright-core';
import { RECORD_TABLE_NAMES, RECORD_TABLES, type BackupFile } from '../../lib/backup/format';

type Rows = { table: string; pairs: [string | [string, string], unknown][] }[];

/** The backup's rows by table, with the keys Vetted stores them under. */
export function rowsOf(data: BackupFile['data']): Rows {
  return RECORD_TABLE_NAMES.map((table) => ({
    table,
    pairs: (data[table] as unknown as Record<string, unknown>[]).map((row) => [RECORD_TABLES[table].primaryKey(row), row]),
  }));
}

/** ms to write `rows` into a fresh database `name` on `page` (an extension page), then deletes it. */
export async function rawIdbWrite(page: Page, rows: Rows, name: string): Promise<number> {
  return page.evaluate(
    async ({ rows, name }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => {
          for (const { table } of rows) {
            const store = open.result.createObjectStore(table);
            if (table === 'notes') {
              store.createIndex('contractorKey', 'contractorKey');
              store.createIndex('projectId', 'projectId');
              store.createIndex('words', 'words', { multiEntry: true });
            }
          }
          open.result.createObjectStore('versions', { keyPath: ['table', 'key'] }).createIndex('lseq', 'lseq');
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction([...rows.map((r) => r.table), 'versions'], 'readwrite');
        const versions = tx.objectStore('versions');
        for (const { table, pairs } of rows) {
          const store = tx.objectStore(table);
          for (const [key, row] of pairs) {
            store.put(table === 'notes' ? { ...(row as object), words: ['\u0000'] } : row, key);
            versions.put({ table, key, v: 1, d: 'floor', lseq: 1, src: 'l' });
          }
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      const ms = performance.now() - t0;
      db.close();
      await new Promise((resolve) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = del.onerror = del.onblocked = resolve;
      });
      return ms;
    },
    { rows, name },
  );
}
