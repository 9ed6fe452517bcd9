/** Words the overlay shows for stored enum values. */
import type { CheckState, ContractorStatus, NoteKind } from '../../lib/db/schema';

export const STATUS_LABELS: Readonly<Record<ContractorStatus, string>> = {
  prospect: 'Prospect',
  shortlisted: 'Shortlisted',
  hired: 'Hired',
  avoid: 'Avoid',
};

export const NOTE_KIND_LABELS: Readonly<Record<NoteKind, string>> = {
  general: 'General',
  interview: 'Interview',
  reference: 'Reference',
  contact: 'Contact',
  budget: 'Budget',
  negotiation: 'Negotiation',
};

export const CHECK_STATE_LABELS: Readonly<Record<CheckState, string>> = {
  todo: 'To do',
  done: 'Done',
  failed: 'Failed',
  na: 'Not applicable',
};

export { SITE_NAMES } from '../site-names';

/** Short forms for the compact state menu on each checklist row. */
export const CHECK_STATE_SHORT: Readonly<Record<CheckState, string>> = {
  todo: 'To do',
  done: 'Done',
  failed: 'Failed',
  na: 'N/A',
};
