/**
 * Milestones and payments agree (issue 14), as on Upwork and Fiverr: a milestone paid in full is
 * paid, and completing a project closes its milestones. Pure: the repositories apply the result.
 */
import type { Milestone, MilestoneStatus, Payment } from '../db/schema';

type MilestoneLike = Pick<Milestone, 'id' | 'status' | 'amountMinor'>;
type PaymentLike = Pick<Payment, 'milestoneId' | 'amountMinor' | 'currency'>;

/** What was paid "for this milestone" in the project's currency (no conversion). */
export function paidForMilestone(milestoneId: string, payments: readonly PaymentLike[], currency: string): number {
  return payments.filter((p) => p.milestoneId === milestoneId && p.currency === currency).reduce((s, p) => s + p.amountMinor, 0);
}

/** True when payments linked to the milestone cover its whole (non-zero) amount. */
export function isPaidInFull(m: MilestoneLike, payments: readonly PaymentLike[], currency: string): boolean {
  const amount = m.amountMinor ?? 0;
  return amount > 0 && paidForMilestone(m.id, payments, currency) >= amount;
}

/** The status a milestone moves to after its payments changed: 'paid' once paid in full, else unchanged. */
export function statusAfterPayments(m: MilestoneLike, payments: readonly PaymentLike[], currency: string): MilestoneStatus {
  return m.status !== 'paid' && isPaidInFull(m, payments, currency) ? 'paid' : m.status;
}

/**
 * Completing a project closes its milestones: those paid in full become paid, the other open
 * ones approved (the work was accepted; what is still owed shows in the payment schedule).
 * Only the milestones that change are returned.
 */
export function closeMilestones(
  milestones: readonly MilestoneLike[],
  payments: readonly PaymentLike[],
  currency: string,
): { id: string; status: MilestoneStatus }[] {
  const out: { id: string; status: MilestoneStatus }[] = [];
  for (const m of milestones) {
    if (m.status === 'paid') continue;
    const status: MilestoneStatus = isPaidInFull(m, payments, currency) ? 'paid' : 'approved';
    if (status !== m.status) out.push({ id: m.id, status });
  }
  return out;
}
