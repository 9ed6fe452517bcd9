/** Records for overlay component tests, valid against lib/db/schema. */
import type { Check, Contractor, Note, Project, Rating, Settings } from '../../../lib/db/schema';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import type { ContractorView } from '../../../lib/messaging/protocol';

export const T0 = Date.UTC(2026, 10, 2, 9, 30);

export function contractor(overrides: Partial<Contractor> = {}): Contractor {
  return {
    key: 'upwork:~01abc',
    site: 'upwork',
    siteId: '~01abc',
    name: 'Ada Lovelace',
    profileUrl: 'https://www.upwork.com/freelancers/~01abc',
    headline: 'Analytical engine programmer',
    status: 'prospect',
    tags: [],
    firstSeenAt: T0,
    lastSeenAt: T0,
    history: [],
    links: [],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function note(overrides: Partial<Note> = {}): Note {
  return {
    id: 'n1',
    contractorKey: 'upwork:~01abc',
    kind: 'general',
    body: 'Replied within an hour',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function rating(overrides: Partial<Rating> = {}): Rating {
  return {
    id: 'r1',
    contractorKey: 'upwork:~01abc',
    quality: 5,
    communication: 4,
    timeliness: 3,
    value: 4,
    wouldRehire: true,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function project(overrides: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    title: 'Landing page',
    contractorKey: 'upwork:~01abc',
    status: 'completed',
    paymentModel: 'fixed',
    currency: 'USD',
    contract: {},
    createdAt: T0,
    updatedAt: T0,
    completedAt: T0,
    ...overrides,
  };
}

export function check(itemId: string, state: Check['state'], extra: Partial<Check> = {}): Check {
  return { contractorKey: 'upwork:~01abc', itemId, state, updatedAt: T0, ...extra };
}

export function view(overrides: Partial<ContractorView> = {}): ContractorView {
  return { contractor: contractor(), checks: [], notes: [], ratings: [], projects: [], linked: [], ...overrides };
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    checklist: [...DEFAULT_CHECKLIST],
    notifications: true,
    dueSoonDays: 3,
    defaultCurrency: 'USD',
    sites: { upwork: true, fiverr: true, freelancer: true, peopleperhour: true, guru: true },
    overlayOpen: true,
    updatedAt: T0,
    ...overrides,
  };
}
