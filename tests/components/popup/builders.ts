/** Plain records for popup and side-panel component tests. */
import type { Contractor, Milestone, Note, Payment, Project, Rating, Settings } from '../../../lib/db/schema';
import type { Dashboard, ProjectView } from '../../../lib/messaging/protocol';

/** 27 Nov 2026, noon UTC: "today" in the tests. */
export const NOW = Date.UTC(2026, 10, 27, 12);
export const DAY = 86_400_000;

export function settings(over: Partial<Settings> = {}): Settings {
  return {
    checklist: [],
    notifications: false,
    dueSoonDays: 3,
    defaultCurrency: 'USD',
    sites: { upwork: true, fiverr: true, freelancer: true, peopleperhour: true, guru: true },
    overlayOpen: false,
    updatedAt: NOW,
    ...over,
  };
}

export function contractor(over: Partial<Contractor> = {}): Contractor {
  return {
    key: 'upwork:~01abc',
    site: 'upwork',
    siteId: '~01abc',
    name: 'Sergii C.',
    profileUrl: 'https://www.upwork.com/freelancers/~01abc',
    status: 'hired',
    tags: [],
    firstSeenAt: NOW - 30 * DAY,
    lastSeenAt: NOW - DAY,
    history: [],
    links: [],
    createdAt: NOW - 30 * DAY,
    updatedAt: NOW - DAY,
    ...over,
  };
}

export function project(over: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    title: 'Email flows',
    contractorKey: 'upwork:~01abc',
    status: 'active',
    paymentModel: 'fixed',
    currency: 'USD',
    budgetMinor: 200000,
    contract: {},
    checkInDays: 7,
    lastContactAt: NOW - 2 * DAY,
    createdAt: NOW - 20 * DAY,
    updatedAt: NOW - DAY,
    ...over,
  };
}

export function milestone(over: Partial<Milestone> = {}): Milestone {
  return {
    id: 'm1',
    projectId: 'p1',
    title: 'First draft',
    dueDate: '2026-12-10',
    amountMinor: 50000,
    status: 'pending',
    createdAt: NOW - 10 * DAY,
    updatedAt: NOW - 10 * DAY,
    ...over,
  };
}

export function payment(over: Partial<Payment> = {}): Payment {
  return {
    id: 'pay1',
    projectId: 'p1',
    amountMinor: 50000,
    currency: 'USD',
    paidAt: '2026-11-20',
    createdAt: NOW - 7 * DAY,
    updatedAt: NOW - 7 * DAY,
    ...over,
  };
}

export function note(over: Partial<Note> = {}): Note {
  return {
    id: 'n1',
    projectId: 'p1',
    kind: 'budget',
    body: 'Agreed a $2,000 cap',
    createdAt: NOW - 3 * DAY,
    updatedAt: NOW - 3 * DAY,
    ...over,
  };
}

export function rating(over: Partial<Rating> = {}): Rating {
  return {
    id: 'r1',
    contractorKey: 'upwork:~01abc',
    quality: 5,
    communication: 5,
    timeliness: 4,
    value: 5,
    wouldRehire: true,
    createdAt: NOW - 40 * DAY,
    updatedAt: NOW - 40 * DAY,
    ...over,
  };
}

export function view(over: Partial<ProjectView> = {}): ProjectView {
  return { project: project(), contractor: contractor(), milestones: [], payments: [], notes: [], ratings: [], ...over };
}

export function dashboard(over: Partial<Dashboard> = {}): Dashboard {
  return { projects: [], hireAgain: [], recent: [], settings: settings(), contractorCount: 0, ...over };
}
