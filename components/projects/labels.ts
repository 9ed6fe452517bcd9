/** Words shown for stored enum values. */
import type { MilestoneStatus, PaymentModel, ProjectStatus, RetainerPeriod } from '../../lib/db/schema';

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = {
  planned: 'Planned',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const PAYMENT_MODEL_LABELS: Readonly<Record<PaymentModel, string>> = {
  fixed: 'Fixed price',
  hourly: 'Hourly',
  retainer: 'Retainer',
  milestones: 'Milestones',
};

export const RETAINER_PERIOD_LABELS: Readonly<Record<RetainerPeriod, string>> = {
  week: 'per week',
  month: 'per month',
};

export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, string>> = {
  pending: 'Pending',
  'in-progress': 'In progress',
  submitted: 'Submitted',
  approved: 'Approved',
  paid: 'Paid',
};

export { SITE_NAMES as SITE_LABELS } from '../site-names';
