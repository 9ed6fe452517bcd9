import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PastRatings } from '../../../components/overlay/PastRatings';
import type { Project } from '../../../lib/db/schema';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { project, rating, T0 } from './data';

const KEY = 'upwork:~01abc';
let bg: RealBackground;

beforeEach(async () => {
  bg = realBackground(senders.overlay);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});
afterEach(cleanup);

/** A project of KEY's in the real database, done unless told otherwise. */
async function stored(title: string, status: Project['status'] = 'completed'): Promise<Project> {
  const p = await bg.ok('createProject', { title, contractorKey: KEY, paymentModel: 'fixed' }, senders.sidepanel());
  return status === 'active' ? p : bg.ok('updateProject', { id: p.id, patch: { status } }, senders.sidepanel());
}
const savedRatings = () =>
  bg.sent.filter((r) => r.type === 'saveRating').map((r) => r.payload as { id?: string; rating: Record<string, unknown> });

function fillForm(scores: { quality: number; communication: number; timeliness: number; value: number }, rehire: 'Yes' | 'No') {
  for (const [criterion, n] of Object.entries(scores)) {
    const label = criterion[0]!.toUpperCase() + criterion.slice(1);
    fireEvent.click(within(screen.getByRole('group', { name: label })).getByRole('radio', { name: `${label} ${n} of 5` }));
  }
  fireEvent.click(within(screen.getByRole('group', { name: 'Would you hire them again?' })).getByRole('radio', { name: rehire }));
}

describe('PastRatings', () => {
  it('says there are none yet', () => {
    render(<PastRatings contractorKey={KEY} ratings={[]} projects={[]} />);
    expect(screen.getByText(/No ratings yet/)).toBeTruthy();
    expect(screen.queryByLabelText('Average of your ratings')).toBeNull();
  });

  it('shows each past rating with its project and the averages', () => {
    const ratings = [
      // overall = (5+4+3+4 + 3+2+3+2) / 8 = 26 / 8 = 3.25 → "3.3"
      rating({ id: 'a', projectId: 'p1', quality: 5, communication: 4, timeliness: 3, value: 4, wouldRehire: true, comment: 'Solid work' }),
      rating({ id: 'b', projectId: 'p2', quality: 3, communication: 2, timeliness: 3, value: 2, wouldRehire: false, createdAt: T0 + 1000 }),
    ];
    render(
      <PastRatings
        contractorKey={KEY}
        locale="en-US"
        ratings={ratings}
        projects={[project({ id: 'p1', title: 'Landing page' }), project({ id: 'p2', title: 'Logo' })]}
      />,
    );
    const summary = screen.getByLabelText('Average of your ratings');
    expect(within(summary).getByText('3.3')).toBeTruthy();
    expect(within(summary).getByText('2 projects · would rehire 1 of 2')).toBeTruthy();
    expect(within(summary).getByText('Quality').nextElementSibling!.textContent).toBe('4.0');
    expect(within(summary).getByText('Communication').nextElementSibling!.textContent).toBe('3.0');
    const items = within(screen.getByRole('list', { name: 'Past ratings' })).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.ov-rating__title')!.textContent)).toEqual(['Logo', 'Landing page']);
    expect(within(items[0]!).getByText('Would not rehire')).toBeTruthy();
    expect(within(items[1]!).getByText('Would rehire')).toBeTruthy();
    expect(within(items[1]!).getByText('Solid work')).toBeTruthy();
  });

  it('rates a completed project: the unrated one is preselected', async () => {
    const p1 = await stored('Landing page');
    const p2 = await stored('Logo');
    const p3 = await stored('Still going', 'active');
    const first = await bg.ok('saveRating', {
      rating: { contractorKey: KEY, projectId: p1.id, quality: 3, communication: 3, timeliness: 3, value: 3, wouldRehire: true },
    });
    render(<PastRatings contractorKey={KEY} ratings={[first]} projects={[p1, p2, p3]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rate a project' }));
    const select = screen.getByRole('combobox', { name: 'Project' }) as HTMLSelectElement;
    expect(select.value).toBe(p2.id);
    expect([...select.options].map((o) => o.textContent)).toEqual(['Logo', 'Landing page (rated: update)', 'Work not tracked in Vetted']);
    fillForm({ quality: 4, communication: 5, timeliness: 2, value: 3 }, 'Yes');
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment (optional)' }), { target: { value: ' Late but good ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^(Save rating|Saving…)$/ })).toBeNull());
    expect(savedRatings()).toEqual([
      {
        createId: expect.any(String),
        rating: {
          contractorKey: KEY,
          projectId: p2.id,
          quality: 4,
          communication: 5,
          timeliness: 2,
          value: 3,
          wouldRehire: true,
          comment: 'Late but good',
        },
      },
    ]);
    const kept = await bg.db.ratings.where('projectId').equals(p2.id).toArray();
    expect(kept.map((r) => [r.quality, r.communication, r.timeliness, r.value, r.wouldRehire, r.comment])).toEqual([
      [4, 5, 2, 3, true, 'Late but good'],
    ]);
  });

  it('updates the existing rating when the same project is rated again', async () => {
    const p1 = await stored('Landing page');
    const first = await bg.ok('saveRating', {
      rating: { contractorKey: KEY, projectId: p1.id, quality: 5, communication: 5, timeliness: 5, value: 5, wouldRehire: true },
    });
    render(<PastRatings contractorKey={KEY} ratings={[first]} projects={[p1]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rate a project' }));
    fillForm({ quality: 1, communication: 1, timeliness: 1, value: 1 }, 'No');
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^(Save rating|Saving…)$/ })).toBeNull());
    expect(savedRatings()[0]?.id).toBe(first.id);
    expect((await bg.db.ratings.toArray()).map((r) => [r.id, r.quality, r.wouldRehire])).toEqual([[first.id, 1, false]]);
  });

  it('asks for missing scores instead of sending, and keeps the form when saving fails', async () => {
    bg.failNext('saveRating', 'quota', 'Storage is full');
    render(<PastRatings contractorKey={KEY} ratings={[]} projects={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rate a project' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Quality' })).getByRole('radio', { name: 'Quality 4 of 5' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    expect(screen.getByRole('alert').textContent).toBe('Give a score from 1 to 5 for communication, timeliness, value.');
    expect(savedRatings()).toEqual([]);

    fillForm({ quality: 4, communication: 4, timeliness: 4, value: 4 }, 'Yes');
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Storage is full'));
    expect(within(screen.getByRole('group', { name: 'Value' })).getByRole('radio', { name: 'Value 4 of 5' })).toHaveProperty(
      'checked',
      true,
    );
    expect(savedRatings()[0]?.rating.projectId).toBeUndefined();
    expect(await bg.db.ratings.count()).toBe(0);
  });
});
