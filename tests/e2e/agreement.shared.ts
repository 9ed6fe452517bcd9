/**
 * issue 15, both browsers: a project with two milestones for the Upwork capture's contractor; its
 * written agreement names both milestones with their due dates and amounts in the browser's
 * locale, and the payment schedule; Copy puts the same text on the clipboard; Mark as agreed
 * ticks "Written contract" on the contractor's profile overlay.
 */
import type { RequestPayload, RequestType, Responses } from '../../lib/messaging/protocol';

export const KEY = 'upwork:~01140923f209578a6b';
export const MILESTONES = [
  { title: 'Welcome series', dueDate: '2027-01-15', amountMinor: 40000 },
  { title: 'Abandoned-cart flow', dueDate: '2027-02-26', amountMinor: 60000 },
] as const;

type Send = <T extends RequestType>(type: T, payload: RequestPayload<T>) => Promise<Responses[T]>;

/** Before the profile opens: the overlay opens by itself, and the agreement names the client. */
export async function seedSettings(send: Send): Promise<void> {
  await send('updateSettings', { patch: { overlayOpen: true, clientName: 'Lee Bakery Ltd' } });
}

export async function seedProject(send: Send): Promise<string> {
  const project = await send('createProject', {
    title: 'Klaviyo flows',
    contractorKey: KEY,
    paymentModel: 'milestones',
    currency: 'USD',
    status: 'active',
    checkInDays: 7,
    contract: { expectations: 'Two flows live in Klaviyo, tested with real sign-ups.' },
  });
  for (const m of MILESTONES) await send('saveMilestone', { projectId: project.id, patch: m });
  return project.id;
}

/** Runs in the agreement page: the milestone lines as the user's locale writes them. */
export function expectedLines(milestones: readonly { title: string; dueDate: string; amountMinor: number }[]): string[] {
  const day = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const money = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return milestones.map((m) => {
    const [y, mo, d] = m.dueDate.split('-').map(Number) as [number, number, number];
    return `${m.title}: due ${day.format(new Date(Date.UTC(y, mo - 1, d)))}, ${money.format(m.amountMinor / 100)}`;
  });
}

/** Lines of text without list markers or blank lines, no-break spaces as spaces: to compare a clipboard with the page. */
export function normalise(text: string): string[] {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .split('\n')
    .map((l) => l.trim().replace(/^(?:- |\d+\. )/, ''))
    .filter(Boolean);
}
