/**
 * issue 15: the written agreement's "Mark as agreed", the interview kit's save, and rehiring.
 * Each is one transaction over the tables it touches, so a project is never marked agreed without
 * its checklist tick (or the other way round), and an answered interview always ticks its item.
 */
import type { VettedDb } from '../database';
import { NotFoundError } from '../errors';
import type { Check, Note, Project } from '../schema';
import { hasAnswers, parseInterviewNote } from '../../domain/interview-kit';
import { rehirePrefill } from '../../domain/rehire';
import { setCheck } from './checks';
import { getContractor } from './contractors';
import { saveNote } from './notes';
import { createProject, getProject, listProjects, updateProject } from './projects';

/** Checklist ids (lib/domain/checklist.ts) ticked from here. */
const WRITTEN_CONTRACT = 'written-contract';
const INTERVIEW_HELD = 'interview-held';

/** Records the contract as signed on `date` and ticks "Written contract" for its contractor. */
export async function markAgreed(db: VettedDb, projectId: string, date: string, now: number): Promise<{ project: Project; check: Check }> {
  return db.transaction('rw', [db.projects, db.milestones, db.payments, db.contractors, db.checks, db.settings], async () => {
    const before = await getProject(db, projectId);
    if (!before) throw new NotFoundError('This project was deleted in another window.');
    if (!before.contractorKey) throw new NotFoundError('Link a contractor to this project first: the agreement is with them.');
    const project = await updateProject(db, projectId, { contract: { signedAt: date } }, now);
    const check = await setCheck(db, { contractorKey: before.contractorKey, itemId: WRITTEN_CONTRACT, state: 'done' }, now);
    return { project, check };
  });
}

/** Saves an interview note; one with answers ticks "Interview held". */
export async function saveInterview(
  db: VettedDb,
  input: { contractorKey: string; id?: string; body: string },
  now: number,
): Promise<{ note: Note; check?: Check }> {
  const { contractorKey, id, body } = input;
  return db.transaction('rw', [db.notes, db.checks, db.settings], async () => {
    const note = await saveNote(db, { ...(id ? { id } : {}), contractorKey, kind: 'interview', body }, now);
    const parsed = parseInterviewNote(body);
    const answered = parsed !== null && hasAnswers(parsed.answers);
    const check = answered ? await setCheck(db, { contractorKey, itemId: INTERVIEW_HELD, state: 'done' }, now) : undefined;
    return check ? { note, check } : { note };
  });
}

/** A planned project with this contractor, prefilled from their last one (lib/domain/rehire.ts). */
export async function hireAgain(db: VettedDb, contractorKey: string, now: number): Promise<Project> {
  return db.transaction('rw', [db.projects, db.contractors, db.settings], async () => {
    const contractor = await getContractor(db, contractorKey);
    if (!contractor) throw new NotFoundError('This contractor was deleted in another window.');
    const prefill = rehirePrefill(contractorKey, await listProjects(db, { contractorKey }), contractor.name);
    const fields = prefill ?? { title: `New project with ${contractor.name}`.slice(0, 500), status: 'planned' as const };
    return createProject(db, { ...fields, contractorKey }, now);
  });
}
