/**
 * The contractor board (board.html, issue 16): everyone Vetted knows, filtered and sorted in the
 * background, drawn as a virtualised table (only the rows in view are in the DOM), with 2–4 picked
 * for a side-by-side comparison.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ArrowDownWideNarrow, ArrowUpNarrowWide, BarChart3, Columns3, ExternalLink, Settings2, X } from 'lucide-preact';
import { CONTRACTOR_STATUSES } from '../../lib/db/constants';
import type { ContractorStatus, SiteId } from '../../lib/db/schema';
import {
  BOARD_SORT_LABELS,
  BOARD_SORTS,
  DEFAULT_DIRECTION,
  PROGRESS_FILTER_LABELS,
  PROGRESS_FILTERS,
  type BoardFilter,
  type BoardRow,
  type BoardSort,
  type BoardSortKey,
  type ProgressFilter,
} from '../../lib/domain/board';
import { STATUS_LABELS } from '../overlay/labels';
import { SITE_NAMES } from '../site-names';
import { ErrorText } from '../shared/ErrorText';
import { Compare } from './Compare';
import { dayText, rateText, ratingText } from './format';
import { readState, writeState, type BoardState } from './url-state';
import { useBoardRows } from './use-board-rows';
import './board.css';

export const ROW_HEIGHT = 56;
const OVERSCAN = 8;
export const MAX_COMPARE = 4;

export interface BoardAppProps {
  /** Tests pass the address; the page reads its own. */
  search?: string;
  locale?: string;
  /** Viewport height when layout is unknown (tests); the page measures. */
  fallbackHeight?: number;
}

export function BoardApp({ search, locale, fallbackHeight = 900 }: BoardAppProps) {
  const [state, setState] = useState<BoardState>(() => readState(search ?? location.search));
  const [selected, setSelected] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    if (search !== undefined) return;
    const url = `${location.pathname}${writeState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  }, [state, search]);

  useEffect(() => {
    document.title = state.compare ? 'Compare contractors – Vetted' : 'Contractors – Vetted';
  }, [state.compare]);

  if (state.compare) {
    return <Compare keys={state.compare} locale={locale} onBack={() => setState((s) => ({ ...s, compare: null }))} />;
  }
  return (
    <Board
      state={state}
      setState={setState}
      selected={selected}
      setSelected={setSelected}
      locale={locale}
      fallbackHeight={fallbackHeight}
    />
  );
}

interface BoardProps {
  state: BoardState;
  setState: (update: (s: BoardState) => BoardState) => void;
  selected: Map<string, string>;
  setSelected: (update: (s: Map<string, string>) => Map<string, string>) => void;
  locale?: string;
  fallbackHeight: number;
}

function Board({ state, setState, selected, setSelected, locale, fallbackHeight }: BoardProps) {
  const { filter, sort } = state;
  const rows = useBoardRows(filter, sort);
  const [draft, setDraft] = useState(filter.query ?? '');
  const setFilter = (patch: Partial<BoardFilter>) =>
    setState((s) => {
      const next: BoardFilter = { ...s.filter, ...patch };
      for (const k of Object.keys(next) as (keyof BoardFilter)[]) if (!next[k]) delete next[k];
      return { ...s, filter: next };
    });

  // Typing searches after a short pause, not on every key.
  useEffect(() => {
    const text = draft.trim();
    if (text === (filter.query ?? '')) return;
    const timer = setTimeout(() => setFilter({ query: text || undefined }), 200);
    return () => clearTimeout(timer);
  }, [draft]);

  const meta = rows.meta;
  const total = meta?.total ?? 0;
  const filtered = Object.keys(filter).length > 0;
  const listName = filter.listId ? meta?.lists.find((l) => l.id === filter.listId)?.name : undefined;

  const toggle = (row: BoardRow, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(row.key, row.name);
      else next.delete(row.key);
      return next;
    });

  const compare = () => setState((s) => ({ ...s, compare: [...selected.keys()] }));
  const canCompare = selected.size >= 2 && selected.size <= MAX_COMPARE;

  return (
    <main class="bd-page">
      <header class="bd-header">
        <div>
          <h1 class="bd-h1">{listName ? listName : 'Contractors'}</h1>
          <p class="v-small v-muted" aria-live="polite">
            {meta === undefined
              ? 'Loading…'
              : filtered
                ? `${total.toLocaleString(locale)} of ${meta.tracked.toLocaleString(locale)} contractors`
                : `${meta.tracked.toLocaleString(locale)} ${meta.tracked === 1 ? 'contractor' : 'contractors'}`}
          </p>
        </div>
        <nav class="bd-nav" aria-label="Vetted pages">
          <a class="v-btn v-btn--ghost" href="/reports.html">
            <BarChart3 size={16} aria-hidden="true" /> Spend reports
          </a>
          <a class="v-btn v-btn--ghost" href="/options.html">
            <Settings2 size={16} aria-hidden="true" /> Options
          </a>
        </nav>
      </header>

      <div class="bd-filters" role="search">
        <div class="bd-field bd-field--search">
          <label class="v-label" for="bd-search">
            Search contractors
          </label>
          <input
            id="bd-search"
            class="v-input"
            type="search"
            placeholder="Name, tag or words in your notes"
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
          />
        </div>
        <Select
          id="bd-list"
          label="List"
          value={filter.listId ?? ''}
          onChange={(v) => setFilter({ listId: v || undefined })}
          options={(meta?.lists ?? []).map((l) => [l.id, `${l.name} (${l.count})`])}
          all="All lists"
        />
        <Select
          id="bd-tag"
          label="Tag"
          value={filter.tag ?? ''}
          onChange={(v) => setFilter({ tag: v || undefined })}
          options={(meta?.tags ?? []).map((t) => [t, t])}
          all="All tags"
        />
        <Select
          id="bd-status"
          label="Status"
          value={filter.status ?? ''}
          onChange={(v) => setFilter({ status: (v || undefined) as ContractorStatus | undefined })}
          options={CONTRACTOR_STATUSES.map((s) => [s, STATUS_LABELS[s]])}
          all="Any status"
        />
        <Select
          id="bd-site"
          label="Site"
          value={filter.site ?? ''}
          onChange={(v) => setFilter({ site: (v || undefined) as SiteId | undefined })}
          options={(meta?.sites ?? []).map((s) => [s, SITE_NAMES[s]])}
          all="All sites"
        />
        <Select
          id="bd-progress"
          label="Vetting"
          value={filter.progress ?? ''}
          onChange={(v) => setFilter({ progress: (v || undefined) as ProgressFilter | undefined })}
          options={PROGRESS_FILTERS.map((p) => [p, PROGRESS_FILTER_LABELS[p]])}
          all="Any progress"
        />
        <div class="bd-field">
          <label class="v-label" for="bd-sort">
            Sort by
          </label>
          <div class="bd-sort">
            <select
              id="bd-sort"
              class="v-select"
              value={sort.by}
              onChange={(e) => {
                const by = (e.target as HTMLSelectElement).value as BoardSortKey;
                setState((s) => ({ ...s, sort: { by, dir: DEFAULT_DIRECTION[by] } }));
              }}
            >
              {BOARD_SORTS.map((k) => (
                <option key={k} value={k}>
                  {BOARD_SORT_LABELS[k]}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="v-btn v-btn--icon"
              aria-label={sort.dir === 'asc' ? 'Ascending; switch to descending' : 'Descending; switch to ascending'}
              title={sort.dir === 'asc' ? 'Ascending' : 'Descending'}
              onClick={() => setState((s) => ({ ...s, sort: { ...s.sort, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' } }))}
            >
              {sort.dir === 'asc' ? (
                <ArrowUpNarrowWide size={16} aria-hidden="true" />
              ) : (
                <ArrowDownWideNarrow size={16} aria-hidden="true" />
              )}
            </button>
          </div>
        </div>
        {filtered && (
          <button
            type="button"
            class="v-btn v-btn--ghost bd-clear"
            onClick={() => {
              setDraft('');
              setState((s) => ({ ...s, filter: {} }));
            }}
          >
            <X size={16} aria-hidden="true" /> Clear filters
          </button>
        )}
      </div>

      <div class="bd-compare-bar">
        <button type="button" class="v-btn v-btn--primary" disabled={!canCompare} onClick={compare}>
          <Columns3 size={16} aria-hidden="true" />
          Compare
        </button>
        <p class="v-small v-muted" aria-live="polite" id="bd-selection">
          {selected.size === 0
            ? 'Tick 2 to 4 contractors to compare them side by side.'
            : selected.size === 1
              ? `${[...selected.values()][0]} selected. Tick at least one more.`
              : selected.size > MAX_COMPARE
                ? `${selected.size} selected: compare at most ${MAX_COMPARE} at a time.`
                : `${selected.size} selected: ${[...selected.values()].join(', ').replace(/\.?$/, '.')}`}
        </p>
        {selected.size > 0 && (
          <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={() => setSelected(() => new Map())}>
            Clear selection
          </button>
        )}
      </div>

      <ErrorText message={rows.error ? `The board could not be loaded: ${rows.error}` : undefined} />

      {meta && total === 0 ? (
        <div class="v-empty bd-empty">
          {meta.tracked === 0 ? (
            <p>
              Nobody here yet. Open a freelancer’s profile on Upwork, Fiverr or another marketplace and Vetted keeps them here, with your
              checklist and notes.
            </p>
          ) : (
            <p>No contractor matches these filters. Clear a filter or search for something else.</p>
          )}
        </div>
      ) : (
        <VirtualTable
          rows={rows}
          total={total}
          sort={sort}
          resetKey={JSON.stringify({ filter, sort })}
          selected={selected}
          toggle={toggle}
          locale={locale}
          fallbackHeight={fallbackHeight}
        />
      )}
    </main>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  all: string;
  options: [string, string][];
  onChange: (value: string) => void;
}) {
  const known = props.value === '' || props.options.some(([v]) => v === props.value);
  return (
    <div class="bd-field">
      <label class="v-label" for={props.id}>
        {props.label}
      </label>
      <select id={props.id} class="v-select" value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{props.all}</option>
        {!known && <option value={props.value}>{props.value}</option>}
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface VirtualTableProps {
  rows: ReturnType<typeof useBoardRows>;
  total: number;
  sort: BoardSort;
  /** Changes with the filter or the sort. */
  resetKey: string;
  selected: Map<string, string>;
  toggle: (row: BoardRow, on: boolean) => void;
  locale?: string;
  fallbackHeight: number;
}

function VirtualTable({ rows, total, sort, resetKey, selected, toggle, locale, fallbackHeight }: VirtualTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (el.clientHeight > 0) setHeight(el.clientHeight);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new filter or sort starts at the top (a refresh after an edit elsewhere keeps the place).
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => rows.want(first, last), [first, last, rows.want]);

  const indices = useMemo(() => Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i), [first, last]);
  const ariaSort = (key: BoardSortKey) => (sort.by === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const full = selected.size >= MAX_COMPARE;

  return (
    <div class="bd-scroller" ref={scroller} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)} tabIndex={-1}>
      <table class="bd-table" aria-rowcount={total + 1} aria-label="Contractors" aria-describedby="bd-selection">
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="bd-col-pick">
              <span class="v-sr-only">Compare</span>
            </th>
            <th scope="col" aria-sort={ariaSort('name')}>
              Contractor
            </th>
            <th scope="col">Status</th>
            <th scope="col">Tags</th>
            <th scope="col" class="bd-num" aria-sort={ariaSort('rate')}>
              Rate
            </th>
            <th scope="col" class="bd-num" aria-sort={ariaSort('rating')}>
              Your rating
            </th>
            <th scope="col" aria-sort={ariaSort('progress')}>
              Vetting
            </th>
            <th scope="col" aria-sort={ariaSort('lastSeen')}>
              Last seen
            </th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" class="bd-spacer" style={{ height: `${first * ROW_HEIGHT}px` }} />}
          {indices.map((i) => {
            const row = rows.rowAt(i);
            if (!row) {
              return (
                <tr key={`loading-${i}`} aria-rowindex={i + 2} class="bd-row bd-row--loading" style={{ height: `${ROW_HEIGHT}px` }}>
                  <td colSpan={8}>
                    <span class="v-muted v-small">Loading…</span>
                  </td>
                </tr>
              );
            }
            const on = selected.has(row.key);
            return (
              <tr
                key={row.key}
                class={`bd-row${on ? ' bd-row--on' : ''}`}
                data-testid="contractor-row"
                data-key={row.key}
                aria-rowindex={i + 2}
                style={{ height: `${ROW_HEIGHT}px` }}
              >
                <td class="bd-col-pick">
                  <input
                    type="checkbox"
                    aria-label={row.name}
                    checked={on}
                    disabled={!on && full}
                    onChange={(e) => toggle(row, (e.target as HTMLInputElement).checked)}
                  />
                </td>
                <td class="bd-col-name">
                  <a class="bd-name v-ellipsis" href={row.profileUrl} target="_blank" rel="noopener noreferrer">
                    <span class="v-user-text">{row.name}</span>
                    <ExternalLink size={12} aria-hidden="true" />
                  </a>
                  <span class="v-xs v-muted v-ellipsis">
                    {SITE_NAMES[row.site]}
                    {row.headline ? ` · ${row.headline}` : ''}
                  </span>
                </td>
                <td>
                  <span class={`bd-status bd-status--${row.status}`}>
                    <span class="bd-dot" aria-hidden="true" />
                    {STATUS_LABELS[row.status]}
                  </span>
                </td>
                <td class="bd-col-tags">
                  <span class="v-ellipsis v-small">{row.tags.join(', ') || <span class="v-faint">—</span>}</span>
                </td>
                <td class="bd-num v-small">{rateText(row.rate, locale)}</td>
                <td class="bd-num v-small">
                  {ratingText(row.rating, locale)}
                  {row.rating !== null && <span class="v-sr-only"> out of 5</span>}
                </td>
                <td>
                  <Progress progress={row.progress} />
                </td>
                <td class="v-small v-muted">{dayText(row.lastSeenAt, locale)}</td>
              </tr>
            );
          })}
          {last < total && <tr aria-hidden="true" class="bd-spacer" style={{ height: `${(total - last) * ROW_HEIGHT}px` }} />}
        </tbody>
      </table>
    </div>
  );
}

export function Progress({ progress }: { progress: BoardRow['progress'] }) {
  const { done, failed, total } = progress;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <span class="bd-progress">
      <span class="v-small">
        {done}/{total}
      </span>
      <span class={`v-progress${failed > 0 ? ' v-progress--danger' : ''}`} aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
      {failed > 0 && <span class="bd-failed v-xs">{failed} failed</span>}
    </span>
  );
}
