/**
 * The board's rows, a page at a time: the background filters and sorts, the page asks only for
 * the windows the user scrolls to. A change broadcast reloads the pages already shown.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BoardFilter, BoardRow, BoardSort } from '../../lib/domain/board';
import { onChange, send } from '../../lib/messaging/client';
import type { BoardPage } from '../../lib/messaging/protocol';

export const PAGE_SIZE = 100;

export interface BoardRows {
  meta: Omit<BoardPage, 'rows' | 'offset'> | undefined;
  rowAt: (index: number) => BoardRow | undefined;
  /** Asks for the pages covering [from, to) that are not loaded yet. */
  want: (from: number, to: number) => void;
  error: string | undefined;
  loading: boolean;
  /** Bumps whenever rows arrive, so the view re-renders. */
  version: number;
}

export function useBoardRows(filter: BoardFilter, sort: BoardSort): BoardRows {
  const key = JSON.stringify({ filter, sort });
  const pages = useRef(new Map<number, BoardRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  /** The filter and sort the loaded pages belong to (child effects run before ours: see want). */
  const pagesKey = useRef<string | null>(null);
  const [meta, setMeta] = useState<BoardRows['meta']>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  const load = useCallback(
    async (page: number, gen: number) => {
      if (pending.current.has(page)) return;
      pending.current.add(page);
      try {
        const { filter: f, sort: s } = JSON.parse(key) as { filter: BoardFilter; sort: BoardSort };
        const result = await send('getBoard', { filter: f, sort: s, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        const { rows: _rows, offset: _offset, ...rest } = result;
        setMeta(rest);
        setError(undefined);
        setVersion((v) => v + 1);
      } catch (err) {
        if (gen === generation.current) setError(err instanceof Error ? err.message : String(err));
      } finally {
        pending.current.delete(page);
        if (gen === generation.current) setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    const gen = ++generation.current;
    pagesKey.current = key;
    pages.current = new Map();
    pending.current = new Set();
    setLoading(true);
    void load(0, gen);
    return onChange((event) => {
      if (!event.tables.some((t) => ['contractors', 'checks', 'ratings', 'notes', 'lists', 'settings'].includes(t))) return;
      // Reload what is on screen, in place: no flash of empty rows.
      const shown = [...pages.current.keys()];
      const next = ++generation.current;
      pending.current = new Set();
      for (const page of shown.length > 0 ? shown : [0]) void load(page, next);
    });
  }, [load, key]);

  const want = useCallback(
    (from: number, to: number) => {
      // The table asks before this hook's own effect has started the new filter's first page.
      if (pagesKey.current !== key) return;
      const first = Math.floor(from / PAGE_SIZE);
      const last = Math.floor(Math.max(from, to - 1) / PAGE_SIZE);
      for (let p = first; p <= last; p++) if (!pages.current.has(p)) void load(p, generation.current);
    },
    [load, key],
  );

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [version]);

  return { meta, rowAt, want, error, loading, version };
}
