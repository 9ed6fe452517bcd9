/**
 * The contractor board (issue 16): what a row shows, how rows are filtered and sorted. Pure: the
 * background builds rows from the database and runs these; tests run them on plain values.
 */
import type { ContractorStatus, MarketplaceRating, Rate, SiteId } from '../db/schema';

export interface BoardRow {
  key: string;
  name: string;
  site: SiteId;
  status: ContractorStatus;
  profileUrl: string;
  headline?: string;
  tags: string[];
  lastSeenAt: number;
  rate?: Rate;
  marketplaceRating?: MarketplaceRating;
  jobSuccess?: number;
  /** Mean of your ratings (1–5), null when you never rated them. */
  rating: number | null;
  ratingCount: number;
  /** From your newest rating; null when never rated. */
  wouldRehire: boolean | null;
  /** Checklist: done and failed out of applicable items. */
  progress: { done: number; failed: number; total: number };
}

export const PROGRESS_FILTERS = ['not-started', 'in-progress', 'complete', 'has-failed'] as const;
export type ProgressFilter = (typeof PROGRESS_FILTERS)[number];

export const PROGRESS_FILTER_LABELS: Readonly<Record<ProgressFilter, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Fully vetted',
  'has-failed': 'Has a failed item',
};

export const BOARD_SORTS = ['lastSeen', 'rating', 'rate', 'progress', 'name'] as const;
export type BoardSortKey = (typeof BOARD_SORTS)[number];

export const BOARD_SORT_LABELS: Readonly<Record<BoardSortKey, string>> = {
  lastSeen: 'Last seen',
  rating: 'Your rating',
  rate: 'Rate',
  progress: 'Vetting progress',
  name: 'Name',
};

/** The direction a sort starts in: newest, best, cheapest, furthest, A–Z. */
export const DEFAULT_DIRECTION: Readonly<Record<BoardSortKey, 'asc' | 'desc'>> = {
  lastSeen: 'desc',
  rating: 'desc',
  rate: 'asc',
  progress: 'desc',
  name: 'asc',
};

export interface BoardSort {
  by: BoardSortKey;
  dir: 'asc' | 'desc';
}

export interface BoardFilter {
  listId?: string;
  tag?: string;
  status?: ContractorStatus;
  site?: SiteId;
  progress?: ProgressFilter;
  /**
   * Name, headline, tags or key contain it (case-insensitive); the caller adds contractors with a
   * note in which each word typed starts a word (lib/domain/words.ts).
   */
  query?: string;
}

export function progressMatches(progress: BoardRow['progress'], filter: ProgressFilter | undefined): boolean {
  if (!filter) return true;
  const settled = progress.done + progress.failed;
  switch (filter) {
    case 'not-started':
      return settled === 0;
    case 'in-progress':
      return settled > 0 && progress.done < progress.total;
    case 'complete':
      return progress.total > 0 && progress.done === progress.total;
    case 'has-failed':
      return progress.failed > 0;
  }
}

export function normaliseQuery(query: string | undefined): string {
  return (query ?? '').trim().toLocaleLowerCase();
}

/** Whether the row's own text matches (`needle` from normaliseQuery). */
export function textMatches(row: Pick<BoardRow, 'name' | 'headline' | 'tags' | 'key'>, needle: string): boolean {
  if (!needle) return true;
  return [row.name, row.headline ?? '', row.key, ...row.tags].some((s) => s.toLocaleLowerCase().includes(needle));
}

/**
 * Every filter but the text query (the caller adds note matches to it). `listKeys`: the members of
 * filter.listId, when one is chosen.
 */
export function rowMatches(row: BoardRow, filter: BoardFilter, listKeys?: ReadonlySet<string>): boolean {
  if (filter.listId && !listKeys?.has(row.key)) return false;
  if (filter.tag && !row.tags.includes(filter.tag)) return false;
  if (filter.status && row.status !== filter.status) return false;
  if (filter.site && row.site !== filter.site) return false;
  return progressMatches(row.progress, filter.progress);
}

function progressRatio(p: BoardRow['progress']): number {
  return p.total === 0 ? 0 : p.done / p.total;
}

/**
 * Compares two rows by the value `sort` names, 0 on a tie. Rows without the value (never rated, no
 * rate) always go last, in either direction: "best first" must not start with people you know
 * nothing about. Rates compare within a currency (currencies grouped by code): a rate is never
 * converted.
 */
export function compareValues(sort: BoardSort): (a: BoardRow, b: BoardRow) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const missingLast = <T>(va: T | undefined | null, vb: T | undefined | null, cmp: (x: T, y: T) => number) => {
    if (va == null && vb == null) return 0;
    if (va == null) return 1;
    if (vb == null) return -1;
    return sign * cmp(va, vb);
  };
  switch (sort.by) {
    case 'lastSeen':
      return (a, b) => sign * (a.lastSeenAt - b.lastSeenAt);
    case 'name':
      return (a, b) => sign * a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
    case 'rating':
      return (a, b) => missingLast(a.rating, b.rating, (x, y) => x - y);
    case 'progress':
      return (a, b) => sign * (progressRatio(a.progress) - progressRatio(b.progress)) || sign * (a.progress.done - b.progress.done);
    case 'rate':
      return (a, b) =>
        missingLast(a.rate, b.rate, (x, y) =>
          x.currency === y.currency ? x.amountMinor - y.amountMinor : x.currency < y.currency ? -sign : sign,
        );
  }
}

/**
 * The order of rows that tie: last seen, newest first, then key from Z to A, which is the order of
 * the lastSeenAt index read backwards (the board as it opens, and the whole-board sorts, read it).
 */
export function tieOrder(a: Pick<BoardRow, 'lastSeenAt' | 'key'>, b: Pick<BoardRow, 'lastSeenAt' | 'key'>): number {
  return b.lastSeenAt - a.lastSeenAt || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
}

/** Compares two rows for `sort`: its value (compareValues), then the tie order. */
export function compareRows(sort: BoardSort): (a: BoardRow, b: BoardRow) => number {
  const byValue = compareValues(sort);
  return (a, b) => byValue(a, b) || tieOrder(a, b);
}

export function sortRows(rows: readonly BoardRow[], sort: BoardSort): BoardRow[] {
  return [...rows].sort(compareRows(sort));
}

/** Change of the marketplace rate since first seen, for the comparison ("+$5.00/h since March"). */
export function rateChange(history: readonly { at: number; rate?: Rate }[], current: Rate | undefined) {
  const first = history.find((h) => h.rate !== undefined)?.rate;
  if (!first || !current || first.currency !== current.currency || first.unit !== current.unit) return null;
  const at = history.find((h) => h.rate !== undefined)!.at;
  return { from: first, deltaMinor: current.amountMinor - first.amountMinor, since: at };
}

/**
 * One window of the whole board (no filter) sorted by your rating or vetting progress, without a
 * row for everyone: only some contractors have a value that sets them apart (the rated; those
 * with an item done), and everyone else ties at the default (no rating; no progress), so keeps the
 * tie order. `figured`: rows of the first kind, with at least key and the sorted value; `seen`:
 * every contractor's key in the tie order (the lastSeenAt index read backwards), which also breaks
 * ties among the figured. The others come after the figured ones, or before them for progress
 * ascending (no progress is the least). Returns the keys in [offset, offset + limit), in the order
 * sortRows would give.
 */
export function windowOfFigured(
  figured: readonly BoardRow[],
  seen: readonly string[],
  sort: BoardSort,
  offset: number,
  limit: number,
): { keys: string[]; total: number } {
  const rank = new Map(seen.map((key, i) => [key, i]));
  const byValue = compareValues(sort);
  const head = figured
    .filter((r) => rank.has(r.key))
    .sort((a, b) => byValue(a, b) || rank.get(a.key)! - rank.get(b.key)!)
    .map((r) => r.key);
  const figuredKeys = new Set(head);
  const rest = seen.filter((key) => !figuredKeys.has(key));
  const restFirst = sort.by === 'progress' && sort.dir === 'asc';
  const all = restFirst ? [...rest, ...head] : [...head, ...rest];
  return { keys: all.slice(offset, offset + limit), total: all.length };
}
