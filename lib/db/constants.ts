/**
 * Plain constants shared by the zod schemas and by code that must stay small (the content
 * script): importing them from here does not pull zod into a bundle.
 */
export const SITE_IDS = ['upwork', 'fiverr', 'freelancer', 'peopleperhour', 'guru', 'toptal', 'contra', 'malt', 'generic'] as const;

/** Sites that have a content-script adapter and a per-site switch in settings. */
export const MARKETPLACE_IDS = ['upwork', 'fiverr', 'freelancer', 'peopleperhour', 'guru', 'toptal', 'contra', 'malt'] as const;

export const CONTRACTOR_STATUSES = ['prospect', 'shortlisted', 'hired', 'avoid'] as const;
export const CHECK_STATES = ['todo', 'done', 'failed', 'na'] as const;
export const NOTE_KINDS = ['general', 'interview', 'reference', 'contact', 'budget', 'negotiation'] as const;
export const PROJECT_STATUSES = ['planned', 'active', 'paused', 'completed', 'cancelled'] as const;
export const PAYMENT_MODELS = ['fixed', 'hourly', 'retainer', 'milestones'] as const;
export const MILESTONE_STATUSES = ['pending', 'in-progress', 'submitted', 'approved', 'paid'] as const;
export const CHECKLIST_GROUPS = ['before-hiring', 'contract-budget', 'working-together', 'after-delivery'] as const;

/** The tables holding the user's data, settings included: what backups carry and sync sends. */
export const TABLE_NAMES = [
  'contractors',
  'checks',
  'notes',
  'ratings',
  'projects',
  'milestones',
  'payments',
  'settings',
  'lists',
] as const;

/** issue 11: the records whose other versions (a losing edit from another device) the views show. */
export const VERSIONED_TABLES = ['notes', 'checks', 'projects', 'milestones', 'payments'] as const;
