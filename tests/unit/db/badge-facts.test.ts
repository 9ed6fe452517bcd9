/**
 * issue 18: the kept badge facts (lib/db/badge-facts.ts) must always say what the tables say.
 * Seeded random runs of every kind of write that changes a badge, reads and rebuilds in between:
 * after each step, the badge of every contractor read through the kept facts equals the one
 * computed straight from the tables. The seed is printed on failure.
 */
import { describe, expect, it } from 'vitest';
import type { VettedDb } from '../../../lib/db/database';
import { badgeSummary } from '../../../lib/domain/badge-summary';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import { BADGE_FACTS_STATE } from '../../../lib/db/badge-facts';
import { badgeFactsOf, badgeInput, computeBadgeFacts, rebuildBadgeFacts } from '../../../lib/db/repositories/badge-facts';
import { deleteContractor, updateContractor, upsertSnapshot } from '../../../lib/db/repositories/contractors';
import { setCheck } from '../../../lib/db/repositories/checks';
import { deleteNote, saveNote } from '../../../lib/db/repositories/notes';
import { deleteRating, saveRating } from '../../../lib/db/repositories/ratings';
import { createProject, deleteProject, updateProject } from '../../../lib/db/repositories/projects';
import { deleteMilestone, saveMilestone } from '../../../lib/db/repositories/milestones';
import { deleteEverything } from '../../../lib/db/repositories/everything';
import { CONTRACTOR_STATUSES, CHECK_STATES } from '../../../lib/db/constants';
import { freshDb, snap, T0 } from './helpers';

const KEYS = ['upwork:~01a', 'upwork:~02b', 'fiverr:c3', 'fiverr:d4', 'guru:e5'];
const UNKNOWN = 'upwork:~09never';
const ITEMS = DEFAULT_CHECKLIST.slice(0, 6).map((i) => i.id);

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function badges(db: VettedDb, kept: boolean) {
  const keys = [...KEYS, UNKNOWN];
  const facts = kept ? (await badgeFactsOf(db, keys)).facts : await computeBadgeFacts(db, keys);
  return Object.fromEntries(keys.map((k) => [k, facts.has(k) ? badgeSummary(badgeInput(k, facts.get(k)!), DEFAULT_CHECKLIST) : null]));
}

async function run(seed: number, steps: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const db = freshDb();
  let now = T0;
  let n = 0;
  const id = () => `s${seed}-${++n}`;
  const ignore = () => undefined;
  const log: string[] = [];
  for (let step = 0; step < steps; step++) {
    now += 1000;
    const key = pick(KEYS);
    const notes = await db.notes.toArray();
    const ratings = await db.ratings.toArray();
    const projects = await db.projects.toArray();
    const milestones = await db.milestones.toArray();
    const ops: [string, () => Promise<unknown>][] = [
      ['track', () => upsertSnapshot(db, snap({ key, siteId: key.split(':')[1]!, profileUrl: `https://x.test/${key}` }), now)],
      ['status', () => updateContractor(db, key, { status: pick(CONTRACTOR_STATUSES) }, now).catch(ignore)],
      ['check', () => setCheck(db, { contractorKey: key, itemId: pick(ITEMS), state: pick(CHECK_STATES) }, now)],
      ['note', () => saveNote(db, { contractorKey: key, kind: 'general', body: `note ${step}` }, now, id)],
      ['delete note', () => (notes.length ? deleteNote(db, pick(notes).id, now) : Promise.resolve())],
      [
        'rating',
        () => {
          const p = projects.filter((x) => x.contractorKey === key);
          const score = 1 + Math.floor(r() * 5);
          const input = { contractorKey: key, quality: score, communication: score, timeliness: 3, value: 4, wouldRehire: r() < 0.5 };
          return saveRating(db, undefined, p.length && r() < 0.5 ? { ...input, projectId: pick(p).id } : input, now, id).catch(ignore);
        },
      ],
      ['delete rating', () => (ratings.length ? deleteRating(db, pick(ratings).id, now) : Promise.resolve())],
      ['project', () => createProject(db, { title: `P${step}`, contractorKey: key, ...(r() < 0.5 ? { budgetMinor: 9000 } : {}) }, now, id)],
      [
        'move project',
        () => (projects.length ? updateProject(db, pick(projects).id, { contractorKey: key }, now).catch(ignore) : Promise.resolve()),
      ],
      [
        'milestone',
        () =>
          projects.length
            ? saveMilestone(
                db,
                pick(projects).id,
                undefined,
                { title: `M${step}`, ...(r() < 0.5 ? { amountMinor: 500 } : {}) },
                now,
                id,
              ).catch(ignore)
            : Promise.resolve(),
      ],
      ['delete milestone', () => (milestones.length ? deleteMilestone(db, pick(milestones).id, now) : Promise.resolve())],
      ['delete project', () => (projects.length ? deleteProject(db, pick(projects).id, now) : Promise.resolve())],
      ['delete contractor', () => deleteContractor(db, key, now)],
      [
        'bulk notes',
        () =>
          db.notes.bulkPut(
            Array.from({ length: 210 }, (_, i) => ({
              id: `bulk-${step}-${i}`,
              contractorKey: KEYS[i % KEYS.length]!,
              kind: 'general' as const,
              body: 'bulk',
              createdAt: now,
              updatedAt: now,
            })),
          ),
      ],
      ['delete everything', () => (r() < 0.3 ? deleteEverything(db) : Promise.resolve())],
      ['rebuild', () => rebuildBadgeFacts(db)],
      ['read some', () => badgeFactsOf(db, [pick(KEYS), pick(KEYS)])],
      ['read all', () => badgeFactsOf(db, KEYS)],
    ];
    const [name, op] = pick(ops);
    log.push(`${step}: ${name} ${key}`);
    await op();
    const kept = await badges(db, true);
    const fresh = await badges(db, false);
    if (JSON.stringify(kept) !== JSON.stringify(fresh)) {
      throw new Error(`seed ${seed}: after step ${log.at(-1)} the kept badges differ\n${log.slice(-8).join('\n')}`);
    }
    expect(kept).toEqual(fresh);
  }
  db.close();
}

describe('badge facts', () => {
  it('say what the tables say after every kind of write, read and rebuild (seeded runs)', async () => {
    const base = Number(process.env.FACTS_SEED || 18_000);
    for (let s = 0; s < 12; s++) await run(base + s, 60);
  }, 60_000);

  it('a write marks only its contractor dirty; a read keeps the row again', async () => {
    const db = freshDb();
    await upsertSnapshot(db, snap(), T0);
    await setCheck(db, { contractorKey: 'upwork:~01abc', itemId: ITEMS[0]!, state: 'done' }, T0);
    await upsertSnapshot(db, snap({ key: 'upwork:~02bob', siteId: '~02bob' }), T0);
    await updateContractor(db, 'upwork:~02bob', { status: 'shortlisted' }, T0);
    expect(await rebuildBadgeFacts(db)).toBe(2);
    expect(await db.badgeFacts.get(BADGE_FACTS_STATE)).toEqual({ key: BADGE_FACTS_STATE, complete: true });
    await saveNote(db, { contractorKey: 'upwork:~01abc', kind: 'general', body: 'hello' }, T0 + 1);
    expect(await db.badgeFacts.get('upwork:~01abc')).toEqual({ key: 'upwork:~01abc', dirty: true });
    expect((await db.badgeFacts.get('upwork:~02bob'))?.facts).toMatchObject({ status: 'shortlisted' });
    // Viewing a profile again rewrites its page fields, not its badge.
    await upsertSnapshot(db, snap({ key: 'upwork:~02bob', siteId: '~02bob', jobSuccess: 50 }), T0 + 2);
    expect((await db.badgeFacts.get('upwork:~02bob'))?.facts).toBeDefined();
    const { facts, complete } = await badgeFactsOf(db, ['upwork:~01abc', 'upwork:~09none']);
    expect(complete).toBe(true);
    expect(facts.get('upwork:~01abc')).toMatchObject({ hasNotes: true });
    expect(facts.has('upwork:~09none')).toBe(false);
    expect((await db.badgeFacts.get('upwork:~01abc'))?.facts).toMatchObject({ hasNotes: true });
    db.close();
  });

  it('a bulk write empties the table, and a rebuild that a bulk write interrupts starts over', async () => {
    const db = freshDb();
    await upsertSnapshot(db, snap(), T0);
    await updateContractor(db, 'upwork:~01abc', { status: 'hired' }, T0);
    expect(await rebuildBadgeFacts(db)).toBe(1);
    const bulk = (tag: string) =>
      db.notes.bulkPut(
        Array.from({ length: 250 }, (_, i) => ({
          id: `${tag}-${i}`,
          contractorKey: `upwork:~b${i}`,
          kind: 'general' as const,
          body: 'x',
          createdAt: T0,
          updatedAt: T0,
        })),
      );
    await bulk('first');
    expect(await db.badgeFacts.count()).toBe(0);
    // Interrupted: the first pause of the rebuild brings another bulk write.
    let paused = 0;
    const kept = await rebuildBadgeFacts(db, async () => {
      if (paused++ === 0) await bulk('second');
    });
    expect(kept).toBe(251);
    expect(paused).toBeGreaterThan(3);
    expect(await db.badgeFacts.get(BADGE_FACTS_STATE)).toEqual({ key: BADGE_FACTS_STATE, complete: true });
    expect(await db.badgeFacts.count()).toBe(252);
    db.close();
  });
});
