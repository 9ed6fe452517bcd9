/**
 * The records a project's figures are computed from (the fields the popup and side panel read),
 * and the order and state of its milestones.
 */
import type { Milestone, MilestoneStatus, Payment, Project } from '../db/schema';
import { compareIsoDates, daysBetween, type IsoDate } from './dates';

export type ProjectInput = Pick<
  Project,
  | 'id'
  | 'title'
  | 'status'
  | 'paymentModel'
  | 'currency'
  | 'budgetMinor'
  | 'rateMinor'
  | 'retainerPeriod'
  | 'estimatedHours'
  | 'hoursLogged'
  | 'startDate'
  | 'deadline'
  | 'checkInDays'
  | 'lastContactAt'
  | 'createdAt'
> &
  Partial<Pick<Project, 'contractorKey'>>;
export type MilestoneInput = Pick<Milestone, 'id' | 'title' | 'dueDate' | 'amountMinor' | 'status'> & Partial<Pick<Milestone, 'createdAt'>>;
export type PaymentInput = Pick<Payment, 'amountMinor' | 'currency' | 'paidAt'> & Partial<Pick<Payment, 'id' | 'milestoneId'>>;

export interface ProjectBundle<P extends ProjectInput = ProjectInput> {
  project: P;
  milestones: readonly MilestoneInput[];
  payments: readonly PaymentInput[];
}

/** Milestones in these states are delivered: they are never overdue nor "next". */
export const DELIVERED_STATUSES: readonly MilestoneStatus[] = ['approved', 'paid'];

export function isDelivered(m: Pick<MilestoneInput, 'status'>): boolean {
  return DELIVERED_STATUSES.includes(m.status);
}

export interface MilestoneDue {
  id: string;
  title: string;
  dueDate: IsoDate | null;
  status: MilestoneStatus;
  amountMinor: number | null;
  /** Days from today to the due date: 0 today, negative when late; null without a due date. */
  daysUntilDue: number | null;
}

/** Milestones in due order: dated ones by date, then undated; ties by title, then id. */
export function compareMilestones(a: MilestoneInput, b: MilestoneInput): number {
  if (a.dueDate && b.dueDate && a.dueDate !== b.dueDate) return compareIsoDates(a.dueDate, b.dueDate);
  if (a.dueDate && !b.dueDate) return -1;
  if (!a.dueDate && b.dueDate) return 1;
  const ca = a.createdAt ?? 0;
  const cb = b.createdAt ?? 0;
  if (ca !== cb) return ca - cb;
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function toDue(m: MilestoneInput, today: IsoDate): MilestoneDue {
  return {
    id: m.id,
    title: m.title,
    dueDate: m.dueDate ?? null,
    status: m.status,
    amountMinor: m.amountMinor ?? null,
    daysUntilDue: m.dueDate ? daysBetween(today, m.dueDate) : null,
  };
}
