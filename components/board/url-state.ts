/** The board's filter, sort and comparison live in the address (board.html?list=…&compare=a,b): a link or a reload keeps them. */
import { CONTRACTOR_STATUSES, SITE_IDS } from '../../lib/db/constants';
import {
  BOARD_SORTS,
  DEFAULT_DIRECTION,
  PROGRESS_FILTERS,
  type BoardFilter,
  type BoardSort,
  type BoardSortKey,
  type ProgressFilter,
} from '../../lib/domain/board';
import type { ContractorStatus, SiteId } from '../../lib/db/schema';

export interface BoardState {
  filter: BoardFilter;
  sort: BoardSort;
  /** Keys shown side by side, or null on the board. */
  compare: string[] | null;
}

const isOneOf = <T extends string>(list: readonly T[], v: string | null): v is T => v !== null && (list as readonly string[]).includes(v);

export function readState(search: string): BoardState {
  const q = new URLSearchParams(search);
  const filter: BoardFilter = {};
  const list = q.get('list');
  if (list) filter.listId = list;
  const tag = q.get('tag');
  if (tag) filter.tag = tag;
  const status = q.get('status');
  if (isOneOf<ContractorStatus>(CONTRACTOR_STATUSES, status)) filter.status = status;
  const site = q.get('site');
  if (isOneOf<SiteId>(SITE_IDS, site)) filter.site = site;
  const progress = q.get('progress');
  if (isOneOf<ProgressFilter>(PROGRESS_FILTERS, progress)) filter.progress = progress;
  const query = q.get('q');
  if (query) filter.query = query.slice(0, 200);
  const by = q.get('sort');
  const sortBy: BoardSortKey = isOneOf<BoardSortKey>(BOARD_SORTS, by) ? by : 'lastSeen';
  const dir = q.get('dir');
  const sort: BoardSort = { by: sortBy, dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_DIRECTION[sortBy] };
  const compare = q.get('compare');
  const keys = compare ? compare.split(',').filter(Boolean).slice(0, 4) : null;
  return { filter, sort, compare: keys && keys.length > 0 ? keys : null };
}

export function writeState(state: BoardState): string {
  const q = new URLSearchParams();
  const f = state.filter;
  if (f.listId) q.set('list', f.listId);
  if (f.tag) q.set('tag', f.tag);
  if (f.status) q.set('status', f.status);
  if (f.site) q.set('site', f.site);
  if (f.progress) q.set('progress', f.progress);
  if (f.query) q.set('q', f.query);
  if (state.sort.by !== 'lastSeen' || state.sort.dir !== 'desc') {
    q.set('sort', state.sort.by);
    q.set('dir', state.sort.dir);
  }
  if (state.compare) q.set('compare', state.compare.join(','));
  const text = q.toString();
  return text ? `?${text}` : '';
}
