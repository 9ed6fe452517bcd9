/**
 * Issue 16: tags, named lists, the contractor board, comparisons and spend reports.
 *
 * The board is answered a window at a time: the page never receives more than `limit` rows, and
 * checks and ratings are read only for the rows on that window, unless the filter or the sort needs
 * them for every candidate (vetting progress, your rating). Candidates come from an index when a
 * list, tag, status or site is chosen; note text is searched only when there is a query, through
 * the notes' words index (each word typed is the start of a word of the note).
 */
import type { VettedDb } from '../../db/database';
import { getSettings } from '../../db/repositories/settings';
import * as lists from '../../db/repositories/lists';
import { whereAnyOf } from '../../db/query';
import { PENDING_WORDS } from '../../db/note-words';
import { SITE_IDS } from '../../db/constants';
import type { Check, Contractor, ContractorList, Rating, SiteId } from '../../db/schema';
import {
  normaliseQuery,
  rowMatches,
  sortRows,
  textMatches,
  type BoardFilter,
  type BoardRow,
  type BoardSort,
  windowOfFigured,
} from '../../domain/board';
import { reputation } from '../../domain/reputation';
import { spendReport } from '../../domain/spend';
import { vettingProgress } from '../../domain/vetting';
import { noteWords, queryWords, wordsMatch } from '../../domain/words';
import type { CompareEntry, ListSummary } from '../../messaging/protocol';
import type { HandlerGroup } from '../context';

type Names = 'getTags' | 'listLists' | 'saveList' | 'deleteList' | 'setListMember' | 'getBoard' | 'getCompare' | 'getSpendReport';

function summaries(rows: readonly ContractorList[]): ListSummary[] {
  return rows.map((l) => ({ id: l.id, name: l.name, count: l.keys.length }));
}

function group<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * The sites anyone is tracked on: one single-key probe per site (Dexie's uniqueKeys() walked the
 * whole index: 200 ms at 10,000 contractors).
 */
async function sitesInUse(db: VettedDb): Promise<SiteId[]> {
  const found = await Promise.all(SITE_IDS.map((s) => db.contractors.where('site').equals(s).limit(1).primaryKeys()));
  return SITE_IDS.filter((_, i) => found[i]!.length > 0);
}

/** Candidates through the most selective index the filter allows. */
async function candidates(db: VettedDb, filter: BoardFilter, list: ContractorList | undefined): Promise<Contractor[]> {
  if (filter.listId) {
    if (!list) return [];
    const rows = await db.contractors.bulkGet(list.keys);
    return rows.filter((c): c is Contractor => c !== undefined);
  }
  if (filter.tag) return db.contractors.where('tags').equals(filter.tag).toArray();
  if (filter.status) return db.contractors.where('status').equals(filter.status).toArray();
  if (filter.site) return db.contractors.where('site').equals(filter.site).toArray();
  return db.contractors.toArray();
}

/** Past this many notes for a word, the next word typed is tried for a narrower range. */
const NARROW_ENOUGH = 500;

/**
 * Contractor keys with a note (of theirs) in which every word typed starts a word: a range of the
 * notes' words index, never every note body (schema version 8). The range read is the first word's
 * with at most NARROW_ENOUGH notes (each probe reads that many keys at most; counting a range walks
 * all of it): "notes 42421" must not read every note that says "notes".
 */
async function keysWithNoteWords(db: VettedDb, words: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (words.length === 0) return out;
  const range = (w: string) => db.notes.where('words').startsWith(w);
  let chosen = 0;
  let ids: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const found = await range(words[i]!)
      .limit(NARROW_ENOUGH + 1)
      .primaryKeys();
    if (found.length <= NARROW_ENOUGH) {
      chosen = i;
      ids = found;
      break;
    }
  }
  const rest = words.filter((_, i) => i !== chosen);
  // A multiEntry range names a note once per matching word.
  const notes = ids ? (await db.notes.bulkGet([...new Set(ids)])).filter((n) => n !== undefined) : await range(words[0]!).toArray();
  for (const n of notes) {
    if (!n.contractorKey || out.has(n.contractorKey)) continue;
    if (rest.length === 0 || wordsMatch(noteWords(n.body), rest)) out.add(n.contractorKey);
  }
  // issue 18: notes of a bulk merge whose words the backfill has not written yet are read as text.
  await db.notes
    .where('words')
    .equals(PENDING_WORDS)
    .each((n) => {
      if (n.contractorKey && !out.has(n.contractorKey) && wordsMatch(noteWords(n.body), words)) out.add(n.contractorKey);
    });
  return out;
}

async function checksFor(db: VettedDb, keys: readonly string[], all: boolean): Promise<Map<string, Check[]>> {
  const rows = all ? await db.checks.toArray() : await whereAnyOf(db.checks, 'contractorKey', keys);
  return group(rows, (c) => c.contractorKey);
}

async function ratingsFor(db: VettedDb, keys: readonly string[], all: boolean): Promise<Map<string, Rating[]>> {
  const rows = all ? await db.ratings.toArray() : await whereAnyOf(db.ratings, 'contractorKey', keys);
  return group(rows, (r) => r.contractorKey);
}

function toRow(
  c: Contractor,
  template: Parameters<typeof vettingProgress>[0],
  checks: readonly Check[] | undefined,
  ratings: readonly Rating[] | undefined,
): BoardRow {
  const progress = vettingProgress(template, checks ?? []);
  const rep = reputation(ratings ?? []);
  const row: BoardRow = {
    key: c.key,
    name: c.name,
    site: c.site,
    status: c.status,
    profileUrl: c.profileUrl,
    tags: c.tags,
    lastSeenAt: c.lastSeenAt,
    rating: rep.overall === null ? null : Math.round(rep.overall * 10) / 10,
    ratingCount: rep.count,
    wouldRehire: rep.lastWouldRehire,
    progress: { done: progress.done, failed: progress.failed, total: progress.total },
  };
  if (c.headline !== undefined) row.headline = c.headline;
  if (c.rate) row.rate = c.rate;
  if (c.marketplaceRating) row.marketplaceRating = c.marketplaceRating;
  if (c.jobSuccess !== undefined) row.jobSuccess = c.jobSuccess;
  return row;
}

/**
 * The whole board sorted by your rating or vetting progress, one window of keys: the lastSeenAt
 * index (keys only, no records) gives everyone's tie order, and only the ratings or the checks
 * are read, for the few contractors who have them (domain/board.ts windowOfFigured). Reading
 * every contractor and building 10,000 rows took most of the time.
 */
async function figuredWindow(
  db: VettedDb,
  template: Parameters<typeof vettingProgress>[0],
  sort: BoardSort,
  offset: number,
  limit: number,
): Promise<{ keys: string[]; total: number }> {
  // Primary keys in index order (one getAllKeys, no cursor, no records), newest first once reversed.
  const seen = (await db.contractors.orderBy('lastSeenAt').primaryKeys()).reverse();
  const figured: BoardRow[] = [];
  const base = (key: string) => ({ key }) as BoardRow;
  if (sort.by === 'rating') {
    for (const [key, rows] of group(await db.ratings.toArray(), (r) => r.contractorKey)) {
      const overall = reputation(rows).overall;
      if (overall !== null) figured.push({ ...base(key), rating: Math.round(overall * 10) / 10 });
    }
  } else {
    for (const [key, rows] of group(await db.checks.toArray(), (c) => c.contractorKey)) {
      const p = vettingProgress(template, rows);
      if (p.done > 0) figured.push({ ...base(key), progress: { done: p.done, failed: p.failed, total: p.total } });
    }
  }
  return windowOfFigured(figured, seen, sort, offset, limit);
}

export async function boardPage(db: VettedDb, filter: BoardFilter, sort: BoardSort, offset: number, limit: number) {
  return db.transaction('r', [db.contractors, db.checks, db.notes, db.ratings, db.lists, db.settings], async () => {
    const [settings, allLists, tags, sites, tracked] = await Promise.all([
      getSettings(db),
      lists.listLists(db),
      lists.allTags(db),
      sitesInUse(db),
      db.contractors.count(),
    ]);
    const template = settings.checklist;
    const facets = { tracked, tags, lists: summaries(allLists), sites: [...sites].sort() };
    // The board as it opens (no filter, newest first): straight from the lastSeenAt index, one
    // window of records read whatever the size of the database.
    const noFilter = Object.values(filter).every((v) => v === undefined || v === '');
    if (noFilter && sort.by === 'lastSeen') {
      const ordered = sort.dir === 'desc' ? db.contractors.orderBy('lastSeenAt').reverse() : db.contractors.orderBy('lastSeenAt');
      const page = await ordered.offset(offset).limit(limit).toArray();
      const keys = page.map((c) => c.key);
      const [checks, ratings] = await Promise.all([checksFor(db, keys, false), ratingsFor(db, keys, false)]);
      const rows = page.map((c) => toRow(c, template, checks.get(c.key), ratings.get(c.key)));
      return { total: tracked, offset, rows, ...facets };
    }
    if (noFilter && (sort.by === 'rating' || sort.by === 'progress')) {
      const { keys, total } = await figuredWindow(db, template, sort, offset, limit);
      const [page, checks, ratings] = await Promise.all([
        db.contractors.bulkGet(keys),
        checksFor(db, keys, false),
        ratingsFor(db, keys, false),
      ]);
      const rows = page
        .filter((c): c is Contractor => c !== undefined)
        .map((c) => toRow(c, template, checks.get(c.key), ratings.get(c.key)));
      return { total, offset, rows, ...facets };
    }
    const list = filter.listId ? allLists.find((l) => l.id === filter.listId) : undefined;
    const rows = await candidates(db, filter, list);
    const needle = normaliseQuery(filter.query);
    const noted = needle ? await keysWithNoteWords(db, queryWords(needle)) : undefined;
    const needsChecks = filter.progress !== undefined || sort.by === 'progress';
    const needsRatings = sort.by === 'rating';
    const keys = rows.map((c) => c.key);
    const [checks, ratings] = await Promise.all([
      needsChecks ? checksFor(db, keys, rows.length > 500) : undefined,
      needsRatings ? ratingsFor(db, keys, rows.length > 500) : undefined,
    ]);
    const listKeys = list ? new Set(list.keys) : undefined;
    const matched: BoardRow[] = [];
    for (const c of rows) {
      const row = toRow(c, template, checks?.get(c.key), ratings?.get(c.key));
      if (!rowMatches(row, filter, listKeys)) continue;
      if (needle && !textMatches(row, needle) && !noted?.has(c.key)) continue;
      matched.push(row);
    }
    const sorted = sortRows(matched, sort);
    let window = sorted.slice(offset, offset + limit);
    // Fill in what the window shows but the sort and filter did not need.
    if (!needsChecks || !needsRatings) {
      const windowKeys = window.map((r) => r.key);
      const [wChecks, wRatings] = await Promise.all([
        needsChecks ? checks : checksFor(db, windowKeys, false),
        needsRatings ? ratings : ratingsFor(db, windowKeys, false),
      ]);
      const byKey = new Map(rows.map((c) => [c.key, c]));
      window = window.map((r) => toRow(byKey.get(r.key)!, template, wChecks?.get(r.key), wRatings?.get(r.key)));
    }
    return { total: sorted.length, offset, rows: window, ...facets };
  });
}

export const boardHandlers: HandlerGroup<Names> = {
  async getTags(db) {
    return lists.allTags(db);
  },

  async listLists(db, { key }) {
    const all = await lists.listLists(db);
    return { lists: summaries(all), memberOf: key ? all.filter((l) => l.keys.includes(key)).map((l) => l.id) : [] };
  },

  async saveList(db, { id, name, addKey }, ctx) {
    return lists.saveList(db, { ...(id ? { id } : {}), name, ...(addKey && !id ? { keys: [addKey] } : {}) }, ctx.now);
  },

  async deleteList(db, { id }, ctx) {
    return { deleted: await lists.deleteList(db, id, ctx.now) };
  },

  async setListMember(db, input, ctx) {
    return lists.setListMember(db, input, ctx.now);
  },

  async getBoard(db, { filter, sort, offset, limit }) {
    return boardPage(db, filter, sort, offset, limit);
  },

  async getCompare(db, { keys }) {
    return db.transaction('r', [db.contractors, db.checks, db.notes, db.ratings, db.projects, db.settings], async () => {
      const unique = [...new Set(keys)];
      const [settings, contractors, checks, notes, ratings, projects] = await Promise.all([
        getSettings(db),
        db.contractors.bulkGet(unique),
        whereAnyOf(db.checks, 'contractorKey', unique),
        whereAnyOf(db.notes, 'contractorKey', unique),
        whereAnyOf(db.ratings, 'contractorKey', unique),
        whereAnyOf(db.projects, 'contractorKey', unique),
      ]);
      const checksBy = group(checks, (c) => c.contractorKey);
      const notesBy = group(
        notes.filter((n) => n.kind === 'interview' || n.kind === 'reference').sort((a, b) => b.createdAt - a.createdAt),
        (n) => n.contractorKey!,
      );
      const ratingsBy = group(ratings, (r) => r.contractorKey);
      const projectsBy = group(projects, (p) => p.contractorKey!);
      const entries: CompareEntry[] = [];
      for (const c of contractors) {
        if (!c) continue;
        entries.push({
          contractor: c,
          checks: checksBy.get(c.key) ?? [],
          notes: notesBy.get(c.key) ?? [],
          ratings: (ratingsBy.get(c.key) ?? []).sort((a, b) => b.createdAt - a.createdAt),
          projects: projectsBy.get(c.key) ?? [],
        });
      }
      return { template: settings.checklist, entries };
    });
  },

  async getSpendReport(db) {
    return db.transaction('r', [db.projects, db.payments, db.milestones, db.contractors], async () => {
      const [projects, payments, milestones] = await Promise.all([db.projects.toArray(), db.payments.toArray(), db.milestones.toArray()]);
      const keys = [...new Set(projects.flatMap((p) => (p.contractorKey ? [p.contractorKey] : [])))];
      const people = await db.contractors.bulkGet(keys);
      const names = new Map<string, string>();
      for (const c of people) if (c) names.set(c.key, c.name);
      return spendReport({ projects, payments, milestones, names });
    });
  },
};
