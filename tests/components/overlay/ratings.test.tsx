import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PastRatings } from '../../../components/overlay/PastRatings';
import { answer, callsOf, fail, resetFakeClient } from './fake-client';
import { project, rating, T0 } from './data';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

const KEY = 'upwork:~01abc';

beforeEach(() => {
  resetFakeClient();
  answer('saveRating', (p) => rating({ id: p.id ?? 'new', ...p.rating }));
});
afterEach(cleanup);

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
    render(
      <PastRatings
        contractorKey={KEY}
        ratings={[rating({ id: 'a', projectId: 'p1' })]}
        projects={[
          project({ id: 'p1', title: 'Landing page' }),
          project({ id: 'p2', title: 'Logo' }),
          project({ id: 'p3', title: 'Still going', status: 'active' }),
        ]}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Rate a project' }));
    const select = screen.getByRole('combobox', { name: 'Project' }) as HTMLSelectElement;
    expect(select.value).toBe('p2');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Logo', 'Landing page (rated: update)', 'Work not tracked in Vetted']);
    fillForm({ quality: 4, communication: 5, timeliness: 2, value: 3 }, 'Yes');
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment (optional)' }), { target: { value: ' Late but good ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save rating' })).toBeNull());
    expect(callsOf('saveRating')).toEqual([
      {
        createId: expect.any(String),
        rating: {
          contractorKey: KEY,
          projectId: 'p2',
          quality: 4,
          communication: 5,
          timeliness: 2,
          value: 3,
          wouldRehire: true,
          comment: 'Late but good',
        },
      },
    ]);
  });

  it('updates the existing rating when the same project is rated again', async () => {
    render(<PastRatings contractorKey={KEY} ratings={[rating({ id: 'a', projectId: 'p1' })]} projects={[project({ id: 'p1' })]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rate a project' }));
    fillForm({ quality: 1, communication: 1, timeliness: 1, value: 1 }, 'No');
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(callsOf('saveRating')[0]?.id).toBe('a'));
  });

  it('asks for missing scores instead of sending, and keeps the form when saving fails', async () => {
    fail('saveRating', 'Storage is full');
    render(<PastRatings contractorKey={KEY} ratings={[]} projects={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rate a project' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Quality' })).getByRole('radio', { name: 'Quality 4 of 5' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    expect(screen.getByRole('alert').textContent).toBe('Give a score from 1 to 5 for communication, timeliness, value.');
    expect(callsOf('saveRating')).toEqual([]);

    fillForm({ quality: 4, communication: 4, timeliness: 4, value: 4 }, 'Yes');
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Storage is full'));
    expect(within(screen.getByRole('group', { name: 'Value' })).getByRole('radio', { name: 'Value 4 of 5' })).toHaveProperty(
      'checked',
      true,
    );
    expect(callsOf('saveRating')[0]?.rating.projectId).toBeUndefined();
  });
});
