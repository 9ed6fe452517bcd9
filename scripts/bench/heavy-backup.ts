/**
 * A heavy user's backup file, as Vetted exports it: 10,000 contractors, 1,000 projects of which 300
 * are active, 3,000 milestones, 3,000 payments, 100,000 notes and 5,000 ratings. The database
 * benches import it through the options page, as a user restoring would.
 *
 * The first BADGE_CONTRACTORS contractors are Fiverr sellers `fiverr:bench-r<run>-s<i>` (100 per
 * run): the listing bench appends cards for them, a fresh set each run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSettings } from '../../lib/db/repositories/settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from '../../lib/backup/format';

export const HEAVY = {
  contractors: 10_000,
  projects: 1_000,
  active: 300,
  milestones: 3_000,
  payments: 3_000,
  notes: 100_000,
  ratings: 5_000,
};
export const BADGE_CARDS = 100;
export const BADGE_RUNS = 16;
export const badgeSeller = (run: number, i: number) => `bench-r${run}-s${i}`;
export const HEAVY_PROJECT = 'bench-p0';

export function heavyBackup(now = Date.now()): BackupFile {
  const contractors: BackupFile['data']['contractors'] = [];
  const day = 864e5;
  for (let i = 0; i < HEAVY.contractors; i++) {
    const fiverr = i < BADGE_CARDS * BADGE_RUNS;
    const siteId = fiverr ? badgeSeller(Math.floor(i / BADGE_CARDS), i % BADGE_CARDS) : `~01bench${i.toString(16).padStart(8, '0')}`;
    contractors.push({
      key: fiverr ? `fiverr:${siteId}` : `upwork:${siteId}`,
      site: fiverr ? 'fiverr' : 'upwork',
      siteId,
      name: `Contractor ${i}`,
      profileUrl: fiverr ? `https://www.fiverr.com/${siteId}` : `https://www.upwork.com/freelancers/${siteId}`,
      headline: 'Full-stack developer · React, Node, Postgres',
      rate: { amountMinor: 4000 + (i % 50) * 100, currency: 'USD', unit: 'hour' },
      marketplaceRating: { score: 4 + (i % 10) / 10, outOf: 5, count: i % 200 },
      status: i % 10 === 0 ? 'shortlisted' : i % 37 === 0 ? 'avoid' : 'prospect',
      tags: [],
      firstSeenAt: now - 90 * day,
      lastSeenAt: now - i * 60_000,
      viewedAt: now - i * 60_000,
      history: [],
      links: [],
      createdAt: now - 90 * day,
      updatedAt: now - i * 60_000,
    } as BackupFile['data']['contractors'][number]);
  }
  const projects: BackupFile['data']['projects'] = [];
  const milestones: BackupFile['data']['milestones'] = [];
  const payments: BackupFile['data']['payments'] = [];
  const ratings: BackupFile['data']['ratings'] = [];
  for (let i = 0; i < HEAVY.projects; i++) {
    const active = i < HEAVY.active;
    const contractorKey = contractors[(i * 7) % HEAVY.contractors]!.key;
    const currency = i % 4 === 0 ? 'EUR' : 'USD';
    projects.push({
      id: `bench-p${i}`,
      title: `Project ${i}`,
      contractorKey,
      status: active ? 'active' : 'completed',
      paymentModel: 'milestones',
      currency,
      budgetMinor: 500_000,
      startDate: '2026-10-01',
      deadline: '2027-01-31',
      contract: {},
      checkInDays: 7,
      lastContactAt: now - (i % 12) * day,
      ...(active ? {} : { completedAt: now - day }),
      createdAt: now - 60 * day,
      updatedAt: now - i * 1000,
    } as BackupFile['data']['projects'][number]);
    for (let k = 0; k < 3; k++) {
      milestones.push({
        id: `bench-m${i}-${k}`,
        projectId: `bench-p${i}`,
        title: `Milestone ${k + 1}`,
        dueDate: `2026-1${1 + (k % 2)}-${String(5 + k * 9).padStart(2, '0')}`,
        amountMinor: 150_000,
        status: k === 0 ? 'paid' : 'pending',
        createdAt: now,
        updatedAt: now,
      } as BackupFile['data']['milestones'][number]);
      payments.push({
        id: `bench-pay${i}-${k}`,
        projectId: `bench-p${i}`,
        amountMinor: 50_000,
        currency,
        paidAt: `2026-11-0${k + 1}`,
        createdAt: now,
        updatedAt: now,
      } as BackupFile['data']['payments'][number]);
    }
  }
  for (let i = 0; i < HEAVY.ratings; i++) {
    // One rating per completed project, the rest for past work outside Vetted's projects.
    const project = HEAVY.active + i < HEAVY.projects ? projects[HEAVY.active + i]! : undefined;
    ratings.push({
      id: `bench-r${i}`,
      contractorKey: project?.contractorKey ?? contractors[(i * 3) % HEAVY.contractors]!.key,
      ...(project ? { projectId: project.id } : {}),
      quality: 3 + (i % 3),
      communication: 4,
      timeliness: 3 + (i % 3),
      value: 4,
      wouldRehire: i % 3 !== 0,
      createdAt: now - i * 1000,
      updatedAt: now - i * 1000,
    } as BackupFile['data']['ratings'][number]);
  }
  const notes: BackupFile['data']['notes'] = [];
  for (let i = 0; i < HEAVY.notes; i++) {
    // One in ten a project's budget note; the rest about a contractor.
    const project = i % 10 === 0 ? projects[(i / 10) % HEAVY.projects]! : undefined;
    notes.push({
      id: `bench-n${i}`,
      ...(project
        ? { projectId: project.id, contractorKey: project.contractorKey, kind: 'budget' }
        : { contractorKey: contractors[i % HEAVY.contractors]!.key, kind: 'general' }),
      body: `Interview notes ${i}: communicates clearly, asked good questions about the brief, portfolio matches the work we need.`,
      createdAt: now - i * 1000,
      updatedAt: now - i * 1000,
    } as BackupFile['data']['notes'][number]);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    data: { contractors, checks: [], notes, ratings, projects, milestones, payments, lists: [], settings: defaultSettings(), versions: [] },
  };
}

/** The heavy backup written to a temporary file (as Vetted writes it: indented JSON); its path and size. */
export function heavyBackupFile(): { file: string; bytes: number; backup: BackupFile } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-bench-backup-'));
  const file = path.join(dir, 'vetted-backup-heavy.json');
  const backup = heavyBackup();
  fs.writeFileSync(file, JSON.stringify(backup, null, 2));
  return { file, bytes: fs.statSync(file).size, backup };
}
