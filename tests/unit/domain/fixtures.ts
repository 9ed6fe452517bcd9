/** Builders for domain tests: minimal valid records with overridable fields. */
import type { MilestoneInput, PaymentInput, ProjectBundle, ProjectInput } from '../../../lib/domain/project-health';

export const at = (iso: string) => Date.parse(iso);

/** Noon UTC on 27 Nov 2026: the same calendar day in every zone from UTC−11 to UTC+11. */
export const NOW = at('2026-11-27T12:00:00Z');
export const TODAY = '2026-11-27';

export function project(over: Partial<ProjectInput> = {}): ProjectInput {
  return {
    id: 'p1',
    title: 'Website redesign',
    status: 'active',
    paymentModel: 'fixed',
    currency: 'USD',
    createdAt: at('2026-11-01T09:00:00Z'),
    ...over,
  };
}

let seq = 0;
export function milestone(over: Partial<MilestoneInput> = {}): MilestoneInput {
  seq += 1;
  return { id: `m${seq}`, title: `Milestone ${seq}`, status: 'pending', ...over };
}

export function payment(amountMinor: number, over: Partial<PaymentInput> = {}): PaymentInput {
  return { amountMinor, currency: 'USD', paidAt: '2026-11-20', ...over };
}

export function bundle(p: Partial<ProjectInput> = {}, milestones: MilestoneInput[] = [], payments: PaymentInput[] = []): ProjectBundle {
  const proj = project(p);
  return { project: proj, milestones, payments };
}
