/**
 * The one rating form, as the side panel uses it (a given project) and as the overlay does (a
 * chooser of completed projects). PastRatings (overlay) and the side panel's project view have
 * their own tests of the whole flow. Here on the real background, as the side panel or the overlay.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RatingForm } from '../../../components/shared/RatingForm';
import type { Project, Rating } from '../../../lib/db/schema';
import type { RequestPayload } from '../../../lib/messaging/protocol';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

const KEY = 'upwork:~01abc';
let bg: RealBackground;

async function start(view: typeof senders.sidepanel) {
  bg = realBackground(view);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
}
afterEach(cleanup);

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
const savedRatings = () => bg.sent.filter((r) => r.type === 'saveRating').map((r) => r.payload as RequestPayload<'saveRating'>);
/** A project of KEY's in the real database, completed unless told otherwise. */
async function stored(title: string, status: Project['status'] = 'completed'): Promise<Project> {
  const p = await bg.ok('createProject', { title, contractorKey: KEY, paymentModel: 'fixed' }, senders.sidepanel());
  return status === 'active' ? p : bg.ok('updateProject', { id: p.id, patch: { status } }, senders.sidepanel());
}
/** What the background gives the views for KEY. */
const shownRatings = async (): Promise<Rating[]> => (await bg.ok('getContractor', { key: KEY }))!.ratings;
const scores = (r: Rating | undefined) => r && [r.projectId, r.quality, r.communication, r.timeliness, r.value, r.wouldRehire, r.comment];

describe('RatingForm for a given project (side panel)', () => {
  beforeEach(() => start(senders.sidepanel));

  it('has no project chooser, names itself, and saves the rating for that project', async () => {
    const p1 = await stored('Landing page');
    const onSaved = vi.fn();
    render(
      <RatingForm
        contractorKey={KEY}
        projectId={p1.id}
        ratings={await shownRatings()}
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
    expect(savedRatings()).toEqual([
      {
        createId: expect.any(String),
        rating: { contractorKey: KEY, projectId: p1.id, quality: 5, communication: 4, timeliness: 3, value: 4, wouldRehire: false },
      },
    ]);
    const kept = await bg.db.ratings.toArray();
    expect(kept.map((r) => [r.id, ...scores(r)!])).toEqual([[savedRatings()[0]!.createId, p1.id, 5, 4, 3, 4, false, undefined]]);
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ id: kept[0]!.id, projectId: p1.id });
  });

  it('starts from the earlier rating of the project and updates it instead of adding one', async () => {
    const p1 = await stored('Landing page');
    const p9 = await stored('Logo');
    await bg.ok('saveRating', {
      rating: { contractorKey: KEY, projectId: p9.id, quality: 5, communication: 4, timeliness: 3, value: 4, wouldRehire: true },
    });
    const earlier = await bg.ok('saveRating', {
      rating: {
        contractorKey: KEY,
        projectId: p1.id,
        quality: 2,
        communication: 3,
        timeliness: 4,
        value: 5,
        wouldRehire: false,
        comment: 'Slow start',
      },
    });
    render(<RatingForm contractorKey={KEY} projectId={p1.id} ratings={await shownRatings()} title="How did Ada do?" />);
    expect(radio('Quality 2 of 5').checked).toBe(true);
    expect(radio('Value 5 of 5').checked).toBe(true);
    expect(radio('No').checked).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Comment (optional)' }) as HTMLTextAreaElement).value).toBe('Slow start');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.click(radio('Quality 4 of 5'));
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(savedRatings()).toHaveLength(1));
    expect(savedRatings()[0]).toEqual({
      id: earlier.id,
      rating: {
        contractorKey: KEY,
        projectId: p1.id,
        quality: 4,
        communication: 3,
        timeliness: 4,
        value: 5,
        wouldRehire: false,
        comment: 'Slow start',
      },
    });
    await waitFor(async () => expect((await bg.db.ratings.get(earlier.id))?.quality).toBe(4));
    expect(scores(await bg.db.ratings.get(earlier.id))).toEqual([p1.id, 4, 3, 4, 5, false, 'Slow start']);
    expect(await bg.db.ratings.count()).toBe(2);
  });

  it('asks for what is missing, refuses an over-long comment whole, and keeps everything when the save fails', async () => {
    const p1 = await stored('Landing page');
    bg.failNext('saveRating', 'quota', 'Storage is full');
    render(<RatingForm contractorKey={KEY} projectId={p1.id} ratings={await shownRatings()} title="Rate" />);
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
    expect(savedRatings()).toEqual([]);
    fireEvent.input(comment, { target: { value: 'Fine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Storage is full'));
    expect(radio('Value 3 of 5').checked).toBe(true);
    expect(comment.value).toBe('Fine');
    expect(savedRatings()).toHaveLength(1);
    expect(await bg.db.ratings.count()).toBe(0);
  });
});

describe('RatingForm with a project chooser (overlay)', () => {
  beforeEach(() => start(senders.overlay));

  /** Landing page finished last, Logo first; Still going is under way. */
  async function projects(): Promise<Project[]> {
    const p2 = await stored('Logo');
    bg.clock.now += 2000;
    const p1 = await stored('Landing page');
    const p3 = await stored('Still going', 'active');
    return [p1, p2, p3];
  }

  it('offers completed projects, unrated first, and loads a rated one to edit when chosen', async () => {
    const [p1, p2, p3] = await projects();
    const earlier = await bg.ok('saveRating', {
      rating: { contractorKey: KEY, projectId: p1!.id, quality: 1, communication: 1, timeliness: 1, value: 1, wouldRehire: false },
    });
    const view = (await bg.ok('getContractor', { key: KEY }))!;
    expect(view.projects.map((p) => p.id).sort()).toEqual([p1!.id, p2!.id, p3!.id].sort());
    render(
      <RatingForm contractorKey={KEY} projects={view.projects} ratings={view.ratings} title="Rate a project" onCancel={() => undefined} />,
    );
    expect(screen.getByRole('form', { name: 'Rate a project' })).toBeTruthy();
    const select = screen.getByRole('combobox', { name: 'Project' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Logo', 'Landing page (rated: update)', 'Work not tracked in Vetted']);
    expect(select.value).toBe(p2!.id);
    expect(radio('Quality 1 of 5').checked).toBe(false);
    fireEvent.change(select, { target: { value: p1!.id } });
    expect(radio('Quality 1 of 5').checked).toBe(true);
    expect(radio('No').checked).toBe(true);
    bg.clock.now += 1000;
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(savedRatings()[0]?.id).toBe(earlier.id));
    expect(savedRatings()[0]?.rating.projectId).toBe(p1!.id);
    await waitFor(async () => expect((await bg.db.ratings.get(earlier.id))?.updatedAt).toBe(bg.clock.now));
    expect((await bg.db.ratings.toArray()).map(scores)).toEqual([[p1!.id, 1, 1, 1, 1, false, undefined]]);
  });

  it('rates work not tracked in Vetted when there is no completed project', async () => {
    await stored('Still going', 'active');
    const view = (await bg.ok('getContractor', { key: KEY }))!;
    render(<RatingForm contractorKey={KEY} projects={view.projects} ratings={view.ratings} title="Rate a project" />);
    expect(screen.getByText(/No completed project with them yet/)).toBeTruthy();
    for (const c of ['Quality', 'Communication', 'Timeliness', 'Value']) fireEvent.click(radio(`${c} 5 of 5`));
    fireEvent.click(radio('Yes'));
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(savedRatings()).toHaveLength(1));
    expect(savedRatings()[0]).toEqual({
      createId: expect.any(String),
      rating: { contractorKey: KEY, quality: 5, communication: 5, timeliness: 5, value: 5, wouldRehire: true },
    });
    await waitFor(async () => expect(await bg.db.ratings.count()).toBe(1));
    const [kept] = await bg.db.ratings.toArray();
    expect([kept?.id, ...scores(kept)!]).toEqual([savedRatings()[0]!.createId, undefined, 5, 5, 5, 5, true, undefined]);
  });
});
