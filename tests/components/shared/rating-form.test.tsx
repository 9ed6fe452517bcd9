/**
 * The one rating form, as the side panel uses it (a given project) and as the overlay does (a
 * chooser of completed projects). PastRatings (overlay) and the side panel's project view have
 * their own tests of the whole flow.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RatingForm } from '../../../components/shared/RatingForm';
import { answer, callsOf, fail, resetFakeClient } from '../overlay/fake-client';
import { project, rating } from '../overlay/data';

vi.mock('../../../lib/messaging/client', () => import('../overlay/fake-client'));

const KEY = 'upwork:~01abc';

beforeEach(() => {
  resetFakeClient();
  answer('saveRating', (p) => rating({ id: p.id ?? 'new', ...p.rating }));
});
afterEach(cleanup);

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('RatingForm for a given project (side panel)', () => {
  it('has no project chooser, names itself, and saves the rating for that project', async () => {
    const onSaved = vi.fn();
    render(
      <RatingForm
        contractorKey={KEY}
        projectId="p1"
        ratings={[]}
        title="How did Ada do?"
        label="Rate this contractor"
        cancelLabel="Later"
        onSaved={onSaved}
        onCancel={() => undefined}
      />,
    );
    const form = screen.getByRole('form', { name: 'Rate this contractor' });
    expect(within(form).getByRole('heading', { name: 'How did Ada do?' })).toBeTruthy();
    expect(within(form).queryByRole('combobox', { name: 'Project' })).toBeNull();
    expect(within(form).getByRole('button', { name: 'Later' })).toBeTruthy();
    for (const [c, n] of [
      ['Quality', 5],
      ['Communication', 4],
      ['Timeliness', 3],
      ['Value', 4],
    ] as const)
      fireEvent.click(radio(`${c} ${n} of 5`));
    fireEvent.click(within(form).getByRole('radio', { name: 'No' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(callsOf('saveRating')).toEqual([
      {
        createId: expect.any(String),
        rating: { contractorKey: KEY, projectId: 'p1', quality: 5, communication: 4, timeliness: 3, value: 4, wouldRehire: false },
      },
    ]);
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ id: 'new', projectId: 'p1' });
  });

  it('starts from the earlier rating of the project and updates it instead of adding one', async () => {
    const earlier = rating({
      id: 'r7',
      projectId: 'p1',
      quality: 2,
      communication: 3,
      timeliness: 4,
      value: 5,
      wouldRehire: false,
      comment: 'Slow start',
    });
    render(
      <RatingForm
        contractorKey={KEY}
        projectId="p1"
        ratings={[rating({ id: 'other', projectId: 'p9' }), earlier]}
        title="How did Ada do?"
      />,
    );
    expect(radio('Quality 2 of 5').checked).toBe(true);
    expect(radio('Value 5 of 5').checked).toBe(true);
    expect(radio('No').checked).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Comment (optional)' }) as HTMLTextAreaElement).value).toBe('Slow start');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(radio('Quality 4 of 5'));
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(callsOf('saveRating')).toHaveLength(1));
    expect(callsOf('saveRating')[0]).toEqual({
      id: 'r7',
      rating: {
        contractorKey: KEY,
        projectId: 'p1',
        quality: 4,
        communication: 3,
        timeliness: 4,
        value: 5,
        wouldRehire: false,
        comment: 'Slow start',
      },
    });
  });

  it('asks for what is missing, refuses an over-long comment whole, and keeps everything when the save fails', async () => {
    fail('saveRating', 'Storage is full');
    render(<RatingForm contractorKey={KEY} projectId="p1" ratings={[]} title="Rate" />);
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    expect(screen.getByRole('alert').textContent).toBe('Give a score from 1 to 5 for quality, communication, timeliness, value.');
    for (const c of ['Quality', 'Communication', 'Timeliness', 'Value']) fireEvent.click(radio(`${c} 3 of 5`));
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    expect(screen.getByRole('alert').textContent).toBe('Say whether you would hire them again.');
    fireEvent.click(radio('Yes'));
    const comment = screen.getByRole('textbox', { name: 'Comment (optional)' }) as HTMLTextAreaElement;
    fireEvent.input(comment, { target: { value: 'x'.repeat(20_001) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    expect(screen.getByRole('alert').textContent).toContain('the limit is 20,000');
    expect(comment.value).toHaveLength(20_001);
    expect(callsOf('saveRating')).toEqual([]);
    fireEvent.input(comment, { target: { value: 'Fine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Storage is full'));
    expect(radio('Value 3 of 5').checked).toBe(true);
    expect(comment.value).toBe('Fine');
  });
});

describe('RatingForm with a project chooser (overlay)', () => {
  const projects = [
    project({ id: 'p1', title: 'Landing page', completedAt: 3 }),
    project({ id: 'p2', title: 'Logo', completedAt: 1 }),
    project({ id: 'p3', title: 'Still going', status: 'active' }),
  ];

  it('offers completed projects, unrated first, and loads a rated one to edit when chosen', async () => {
    const earlier = rating({ id: 'r1', projectId: 'p1', quality: 1, communication: 1, timeliness: 1, value: 1, wouldRehire: false });
    render(<RatingForm contractorKey={KEY} projects={projects} ratings={[earlier]} title="Rate a project" onCancel={() => undefined} />);
    expect(screen.getByRole('form', { name: 'Rate a project' })).toBeTruthy();
    const select = screen.getByRole('combobox', { name: 'Project' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Logo', 'Landing page (rated: update)', 'Work not tracked in Vetted']);
    expect(select.value).toBe('p2');
    expect(radio('Quality 1 of 5').checked).toBe(false);
    fireEvent.change(select, { target: { value: 'p1' } });
    expect(radio('Quality 1 of 5').checked).toBe(true);
    expect(radio('No').checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(callsOf('saveRating')[0]?.id).toBe('r1'));
  });

  it('rates work not tracked in Vetted when there is no completed project', async () => {
    render(<RatingForm contractorKey={KEY} projects={[projects[2]!]} ratings={[]} title="Rate a project" />);
    expect(screen.getByText(/No completed project with them yet/)).toBeTruthy();
    for (const c of ['Quality', 'Communication', 'Timeliness', 'Value']) fireEvent.click(radio(`${c} 5 of 5`));
    fireEvent.click(radio('Yes'));
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(callsOf('saveRating')).toHaveLength(1));
    expect(callsOf('saveRating')[0]).toEqual({
      createId: expect.any(String),
      rating: { contractorKey: KEY, quality: 5, communication: 5, timeliness: 5, value: 5, wouldRehire: true },
    });
  });
});
