import type { VettedDb } from '../database';
import { whereAnyOf } from '../query';
import { compact, InvalidRecordError, NotFoundError, refuseStale, validate, type SaveGuard } from '../errors';
import { statusAfterPayments } from '../../domain/milestone-payments';
import { PaymentSchema, type Payment } from '../schema';
import { markChanged } from './settings';

/** Oldest payment first (a ledger reads top to bottom). */
function byDate(a: Payment, b: Payment): number {
  if (a.paidAt !== b.paidAt) return a.paidAt < b.paidAt ? -1 : 1;
  return a.createdAt - b.createdAt;
}

export async function getPayment(db: VettedDb, id: string): Promise<Payment | undefined> {
  return db.payments.get(id);
}

export async function listPayments(db: VettedDb, projectId: string): Promise<Payment[]> {
  return (await db.payments.where('projectId').equals(projectId).toArray()).sort(byDate);
}

export async function paymentsByProject(db: VettedDb, projectIds: readonly string[]): Promise<Map<string, Payment[]>> {
  const out = new Map<string, Payment[]>();
  if (projectIds.length === 0) return out;
  for (const p of (await whereAnyOf(db.payments, 'projectId', projectIds)).sort(byDate)) {
    const list = out.get(p.projectId) ?? [];
    list.push(p);
    out.set(p.projectId, list);
  }
  return out;
}

export interface PaymentPatch {
  milestoneId?: string | null;
  amountMinor?: number;
  currency?: string;
  paidAt?: string;
  note?: string | null;
}

/** Creates (no id; currency defaults to the project's) or partially updates a payment. */
export async function savePayment(
  db: VettedDb,
  projectId: string,
  id: string | undefined,
  patch: PaymentPatch,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
  guard: SaveGuard = {},
): Promise<Payment> {
  return db.transaction('rw', [db.payments, db.projects, db.milestones, db.settings], async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new NotFoundError('This project was deleted in another window.');
    // A retried create (issue 12) finds the payment its first attempt stored and saves over it.
    const retried = !id && guard.createId ? await db.payments.get(guard.createId) : undefined;
    const current = id ? await db.payments.get(id) : retried;
    if (id && !current) throw new NotFoundError('This payment was deleted in another window.');
    if (id) refuseStale(current, guard.baseUpdatedAt, 'payment');
    if (current && current.projectId !== projectId) throw new InvalidRecordError('This payment belongs to another project.');
    if (patch.milestoneId) {
      const milestone = await db.milestones.get(patch.milestoneId);
      if (!milestone || milestone.projectId !== projectId) throw new InvalidRecordError('milestoneId: no such milestone in this project.');
    }
    const changes: Record<string, unknown> = { updatedAt: now };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      changes[k] = v === null || (k === 'note' && v === '') ? undefined : v;
    }
    let payment: Payment;
    if (current) {
      payment = validate(PaymentSchema, compact({ ...current, ...changes }), 'payment');
      await db.payments.update(current.id, changes);
    } else {
      if (patch.amountMinor === undefined) throw new InvalidRecordError('amountMinor: a payment needs an amount.');
      if (patch.paidAt === undefined) throw new InvalidRecordError('paidAt: a payment needs a date.');
      payment = validate(
        PaymentSchema,
        compact({ currency: project.currency, ...changes, id: guard.createId ?? newId(), projectId, createdAt: now }),
        'payment',
      );
      await db.payments.add(payment);
    }
    if (payment.milestoneId) {
      // A milestone paid in full is paid (as on Upwork and Fiverr): the schedule and the reminders agree.
      const milestone = await db.milestones.get(payment.milestoneId);
      const linked = await db.payments.where('projectId').equals(projectId).toArray();
      if (milestone && statusAfterPayments(milestone, linked, project.currency) !== milestone.status) {
        await db.milestones.update(milestone.id, { status: 'paid', completedAt: milestone.completedAt ?? now, updatedAt: now });
      }
    }
    await markChanged(db, now);
    return payment;
  });
}

export async function deletePayment(db: VettedDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.payments, db.settings, async () => {
    if (!(await db.payments.get(id))) return false;
    await db.payments.delete(id);
    await markChanged(db, now);
    return true;
  });
}
