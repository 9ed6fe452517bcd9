/**
 * issue 18: the badge facts of contractors (lib/db/badge-facts.ts): computed from the user's
 * tables, read back in one lookup per card, and rebuilt in the background after a bulk write.
 */
import { hasBadgeData, type BadgeInput } from '../../domain/badge-summary';
import { derivedChecks } from '../../domain/vetting';
import { BADGE_FACTS_STATE, BADGE_SOURCES, type BadgeFacts, type BadgeFactsRow } from '../badge-facts';
import type { VettedDb } from '../database';
import { whereAnyOf } from '../query';
import { checksByContractor } from './checks';
import { bulkGetContractors } from './contractors';
import { contractorKeysWithNotes } from './notes';
import { ratingsByContractor } from './ratings';

/** Contractors per rebuild transaction: about 500 indexed reads, a user's save waits at most that. */
export const FACTS_BATCH = 100;

const sources = (db: VettedDb) => [...BADGE_SOURCES.map((t) => db.table(t)), db.badgeFacts];

/** The facts straight from the user's tables: five indexed reads per key (and the milestones of their projects). */
export async function computeBadgeFacts(db: VettedDb, keys: readonly string[]): Promise<Map<string, BadgeFacts>> {
  const unique = [...new Set(keys)];
  const out = new Map<string, BadgeFacts>();
  if (unique.length === 0) return out;
  const [contractors, checks, noted, ratings, projectRows] = await Promise.all([
    bulkGetContractors(db, unique),
    checksByContractor(db, unique),
    contractorKeysWithNotes(db, unique),
    ratingsByContractor(db, unique),
    whereAnyOf(db.projects, 'contractorKey', unique),
  ]);
  const milestones =
    projectRows.length > 0
      ? await whereAnyOf(
          db.milestones,
          'projectId',
          projectRows.map((p) => p.id),
        )
      : [];
  const status = new Map(contractors.map((c) => [c.key, c.status]));
  for (const key of unique) {
    const projects = projectRows.filter((p) => p.contractorKey === key);
    const keyRatings = ratings.get(key) ?? [];
    const s = status.get(key);
    out.set(key, {
      ...(s ? { status: s } : {}),
      checks: (checks.get(key) ?? []).map((c) => ({ itemId: c.itemId, state: c.state, ...(c.note ? { note: c.note } : {}) })),
      hasNotes: noted.has(key),
      ratings: keyRatings,
      projectIds: [...new Set(projects.map((p) => p.id))],
      derived: derivedChecks({
        projects,
        milestones: milestones.filter((m) => projects.some((p) => p.id === m.projectId)),
        ratingCount: keyRatings.length,
      }),
    });
  }
  return out;
}

export function badgeInput(key: string, facts: BadgeFacts): BadgeInput {
  return { key, ...facts, projectIds: new Set(facts.projectIds) };
}

/**
 * Computes and keeps the facts of `keys`, in one read-write transaction over their sources (so no
 * write can land between the reads and the row kept from them). Keys with nothing to say get no row.
 */
async function fill(db: VettedDb, keys: readonly string[]): Promise<Map<string, BadgeFacts>> {
  return db.transaction('rw', sources(db), async () => {
    const facts = await computeBadgeFacts(db, keys);
    const keep: BadgeFactsRow[] = [];
    const drop: string[] = [];
    for (const [key, f] of facts) {
      if (hasBadgeData(badgeInput(key, f))) keep.push({ key, facts: f });
      else drop.push(key);
    }
    if (drop.length) await db.badgeFacts.bulkDelete(drop);
    if (keep.length) await db.badgeFacts.bulkPut(keep);
    return facts;
  });
}

/**
 * The facts of `keys`: one read of their kept rows; only keys whose row is dirty, or missing while
 * the table is not complete, are computed (and kept for the next time).
 */
export async function badgeFactsOf(db: VettedDb, keys: readonly string[]): Promise<{ facts: Map<string, BadgeFacts>; complete: boolean }> {
  const unique = [...new Set(keys)];
  const rows = await db.badgeFacts.bulkGet([BADGE_FACTS_STATE, ...unique]);
  const state = rows[0];
  const complete = state?.key === BADGE_FACTS_STATE && 'complete' in state && state.complete === true;
  const facts = new Map<string, BadgeFacts>();
  const missing: string[] = [];
  unique.forEach((key, i) => {
    const row = rows[i + 1];
    if (row?.facts) facts.set(key, row.facts);
    else if (row?.dirty || !complete) missing.push(key);
  });
  if (missing.length) for (const [key, f] of await fill(db, missing)) facts.set(key, f);
  return { facts, complete };
}

/** Every key that may have something to say: tracked contractors and owners of checks, notes, ratings and projects. */
async function everyKey(db: VettedDb): Promise<string[]> {
  const parts = await db.transaction('r', db.contractors, db.checks, db.notes, db.ratings, db.projects, () =>
    Promise.all([
      db.contractors.toCollection().primaryKeys(),
      db.checks.orderBy('contractorKey').uniqueKeys(),
      db.notes.orderBy('contractorKey').uniqueKeys(),
      db.ratings.orderBy('contractorKey').uniqueKeys(),
      db.projects.orderBy('contractorKey').uniqueKeys(),
    ]),
  );
  return [...new Set(parts.flat().filter((k): k is string => typeof k === 'string'))].sort();
}

const newToken = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Goes over every contractor and keeps their facts, then marks the table complete, unless a bulk
 * write emptied it meanwhile (the state row holds this pass's token until then): then it starts
 * over. Resolves to the contractors kept, or to 0 when the table already was complete.
 */
export async function rebuildBadgeFacts(db: VettedDb, pause: () => Promise<void> = async () => undefined): Promise<number> {
  for (;;) {
    const token = newToken();
    const started = await db.transaction('rw', db.badgeFacts, async () => {
      const state = await db.badgeFacts.get(BADGE_FACTS_STATE);
      if (state && 'complete' in state && state.complete) return false;
      await db.badgeFacts.put({ key: BADGE_FACTS_STATE, building: token });
      return true;
    });
    if (!started) return 0;
    const keys = await everyKey(db);
    let kept = 0;
    for (let i = 0; i < keys.length; i += FACTS_BATCH) {
      const batch = keys.slice(i, i + FACTS_BATCH);
      // A key a write marked dirty since is done again: its row, not the dirty mark, is what stays.
      for (const [key, f] of await fill(db, batch)) if (hasBadgeData(badgeInput(key, f))) kept++;
      await pause();
    }
    const done = await db.transaction('rw', db.badgeFacts, async () => {
      const state = await db.badgeFacts.get(BADGE_FACTS_STATE);
      if (!state || !('building' in state) || state.building !== token) return false;
      await db.badgeFacts.put({ key: BADGE_FACTS_STATE, complete: true });
      return true;
    });
    if (done) return kept;
  }
}

/** Runs rebuilds one at a time: started when the background starts and after a bulk write emptied the table. */
export function createFactsRebuild(db: VettedDb, options: { pauseMs?: number; onError?: (err: unknown) => void } = {}) {
  const pauseMs = options.pauseMs ?? 20;
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await rebuildBadgeFacts(db, () => new Promise((r) => setTimeout(r, pauseMs)));
    } while (again);
  };
  return {
    kick(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = loop()
        .catch((err: unknown) => options.onError?.(err))
        .finally(() => (running = undefined));
      return running;
    },
  };
}
