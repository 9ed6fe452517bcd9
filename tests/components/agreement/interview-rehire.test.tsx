/** The overlay's interview kit (save and reload) and rehire panel (history, nudge, Hire again prefill), on the real background. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InterviewKit } from '../../../components/overlay/InterviewKit';
import { RehirePanel } from '../../../components/overlay/RehirePanel';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import { DEFAULT_INTERVIEW_KITS } from '../../../lib/domain/interview-kit';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

vi.setConfig({ testTimeout: 20_000 });

const KEY = 'upwork:~01abc';
let h: RealBackground;
beforeEach(async () => {
  // Both are parts of the overlay: its own send and onChange, to the real router as the overlay frame.
  h = realBackground(senders.overlay);
  await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});
afterEach(cleanup);

const view = async () => (await h.ok('getContractor', { key: KEY }))!;

describe('interview kit', () => {
  it('saves the answers as one interview note that keeps its questions, ticks "Interview held", and shows them again on reload', async () => {
    render(<InterviewKit contractorKey={KEY} notes={(await view()).notes} kits={DEFAULT_INTERVIEW_KITS} />);
    fireEvent.click(screen.getByRole('button', { name: 'Interview kit' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of work' }), { target: { value: 'web' } });
    const questions = await screen.findAllByTestId('interview-question');
    expect(questions).toHaveLength(DEFAULT_INTERVIEW_KITS.find((k) => k.id === 'web')!.questions.length);
    const first = within(questions[0]!).getByRole('textbox');
    fireEvent.input(first, { target: { value: 'Figma first, then WordPress on our hosting' } });
    const third = within(questions[2]!).getByRole('textbox');
    fireEvent.input(third, { target: { value: 'Sam at Acme, sam@acme.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save interview' }));
    expect(await screen.findByText(/Saved 2 answers as an interview note/)).toBeTruthy();

    const saved = await view();
    const notes = saved.notes.filter((n) => n.kind === 'interview');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('Interview kit: Site design and development');
    expect(notes[0]!.body).toContain(
      'Q: How would you approach this site: steps, tools, hosting?\nA: Figma first, then WordPress on our hosting',
    );
    expect(saved.checks.find((c) => c.itemId === 'interview-held')?.state).toBe('done');

    // A fresh overlay (another visit): the saved answers are back in their fields.
    cleanup();
    render(<InterviewKit contractorKey={KEY} notes={saved.notes} kits={DEFAULT_INTERVIEW_KITS} />);
    expect(screen.getByText(/2 of 8 answered · Site design and development/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Interview kit' }));
    const again = await screen.findAllByTestId('interview-question');
    expect((within(again[0]!).getByRole('textbox') as HTMLTextAreaElement).value).toBe('Figma first, then WordPress on our hosting');
    expect((within(again[2]!).getByRole('textbox') as HTMLTextAreaElement).value).toBe('Sam at Acme, sam@acme.example');

    // Saving again edits the same note rather than adding one.
    fireEvent.input(within(again[1]!).getByRole('textbox'), { target: { value: 'acme.example, built by me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save interview' }));
    expect(await screen.findByText(/Saved 3 answers/)).toBeTruthy();
    expect((await view()).notes.filter((n) => n.kind === 'interview')).toHaveLength(1);
  });

  it('does not tick "Interview held" when no question was answered', async () => {
    render(<InterviewKit contractorKey={KEY} notes={[]} kits={DEFAULT_INTERVIEW_KITS} />);
    fireEvent.click(screen.getByRole('button', { name: 'Interview kit' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of work' }), { target: { value: 'other' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Save interview' }));
    expect(await screen.findByText(/Answer at least one to tick/)).toBeTruthy();
    expect((await view()).checks.find((c) => c.itemId === 'interview-held')).toBeUndefined();
  });
});

describe('rehire with your history', () => {
  async function seedHistory() {
    const a = await h.ok('createProject', {
      title: 'Blog posts',
      contractorKey: KEY,
      paymentModel: 'hourly',
      rateMinor: 4000,
      budgetMinor: 200000,
      checkInDays: 3,
      contract: {
        expectations: 'Plain English, no jargon.',
        paymentSchedule: 'Weekly on Fridays.',
        deliverables: 'Ten posts',
        signedAt: '2026-01-05',
      },
    });
    await h.ok('savePayment', { projectId: a.id, patch: { amountMinor: 200000, currency: 'USD', paidAt: '2026-02-01' } });
    await h.ok('updateProject', { id: a.id, patch: { status: 'completed' } });
    h.clock.now += 86_400_000;
    const b = await h.ok('createProject', {
      title: 'Newsletter',
      contractorKey: KEY,
      paymentModel: 'hourly',
      rateMinor: 4500,
      checkInDays: 7,
      contract: { expectations: 'Friendly tone.', paymentSchedule: 'Weekly on Fridays.' },
    });
    await h.ok('savePayment', { projectId: b.id, patch: { amountMinor: 220000, currency: 'USD', paidAt: '2026-05-01' } });
    await h.ok('savePayment', { projectId: b.id, patch: { amountMinor: 30000, currency: 'EUR', paidAt: '2026-05-02' } });
    await h.ok('updateProject', { id: b.id, patch: { status: 'completed' } });
    await h.ok('saveRating', {
      rating: { contractorKey: KEY, projectId: b.id, quality: 5, communication: 4, timeliness: 5, value: 4, wouldRehire: true },
    });
    await h.ok('setCheck', { contractorKey: KEY, itemId: 'references-contacted', state: 'done' });
    return { a, b };
  }

  it('shows projects, paid per currency, rating, would-rehire, last rate and the repeat-client nudge', async () => {
    await seedHistory();
    const v = await view();
    render(
      <RehirePanel
        contractor={v.contractor}
        projects={v.projects}
        ratings={v.ratings}
        checks={v.checks}
        template={DEFAULT_CHECKLIST}
        tabId={null}
        locale="en-US"
        timeZone="UTC"
      />,
    );
    const panel = await screen.findByTestId('rehire-panel');
    await waitFor(() => expect(screen.getByTestId('rehire-paid').textContent).toBe('€300 + $4,200'));
    expect(panel.textContent).toContain('Your history with Ada Lovelace');
    expect(panel.textContent).toContain('4.5 / 5 (1 rating)');
    expect(panel.textContent).toContain('Would rehireYes');
    expect(panel.textContent).toContain('$45 an hour · Newsletter');
    expect(screen.getByTestId('rehire-nudge').textContent).toContain('2 projects, €300 + $4,200 paid: ask for a repeat-client rate');
    expect(within(screen.getByRole('list', { name: 'Vetting already done' })).getByText(/References contacted/)).toBeTruthy();
  });

  it('Hire again starts a planned project prefilled from the last one (model, rate, rhythm, terms), not its dates or signature', async () => {
    await seedHistory();
    const v = await view();
    render(
      <RehirePanel
        contractor={v.contractor}
        projects={v.projects}
        ratings={v.ratings}
        checks={v.checks}
        template={DEFAULT_CHECKLIST}
        tabId={null}
        locale="en-US"
        timeZone="UTC"
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Hire again' }));
    expect(await screen.findByText(/“New project with Ada Lovelace” is ready/)).toBeTruthy();
    const projects = await h.ok('listProjects', { contractorKey: KEY });
    const created = projects.find((p) => p.title === 'New project with Ada Lovelace')!;
    expect(created).toMatchObject({
      status: 'planned',
      paymentModel: 'hourly',
      currency: 'USD',
      rateMinor: 4500,
      checkInDays: 7,
      contract: { expectations: 'Friendly tone.', paymentSchedule: 'Weekly on Fridays.' },
    });
    expect(created.budgetMinor).toBeUndefined();
    expect(created.contract.signedAt).toBeUndefined();
    expect(created.contract.deliverables).toBeUndefined();
  });

  it('shows nothing for someone you never worked with', async () => {
    const v = await view();
    const { container } = render(
      <RehirePanel
        contractor={v.contractor}
        projects={v.projects}
        ratings={v.ratings}
        checks={v.checks}
        template={DEFAULT_CHECKLIST}
        tabId={null}
      />,
    );
    await waitFor(() => expect(h.sent).toContainEqual({ type: 'getContractorPayments', payload: { contractorKey: KEY } }));
    expect(container.textContent).toBe('');
  });
});
