/** issue 15: the interview kit editor in options, like the checklist editor. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InterviewKitEditor } from '../../../components/options/InterviewKitEditor';
import type { InterviewKit, Settings } from '../../../lib/db/schema';
import { DEFAULT_INTERVIEW_KITS } from '../../../lib/domain/interview-kit';

afterEach(cleanup);

function setup(kits?: InterviewKit[]) {
  const save = vi.fn(async (_patch: Partial<Settings>) => true);
  render(<InterviewKitEditor kits={kits} save={save} />);
  const lastSaved = () => save.mock.calls.at(-1)![0].interviewKits!;
  return { save, lastSaved };
}

describe('InterviewKitEditor', () => {
  it('shows the six default kinds of work when none are saved', () => {
    setup();
    expect(screen.getAllByTestId('kit-item').map((r) => r.dataset.kitId)).toEqual([
      'content',
      'web',
      'support',
      'assistant',
      'marketing',
      'other',
    ]);
  });

  it('edits questions one per line, dropping blank lines, keeping the kit id', async () => {
    const { save, lastSaved } = setup();
    const area = screen.getByLabelText('Questions for “Marketing”, one per line');
    fireEvent.input(area, { target: { value: 'Which channels?\n\n  What budget per month?  \n' } });
    fireEvent.blur(area);
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const marketing = lastSaved().find((k) => k.id === 'marketing');
    expect(marketing?.questions).toEqual(['Which channels?', 'What budget per month?']);
    expect(lastSaved()).toHaveLength(DEFAULT_INTERVIEW_KITS.length);
  });

  it('renames a kind of work, adds one, removes an added one, and resets after asking', async () => {
    const kits = [
      ...DEFAULT_INTERVIEW_KITS.map((k) => ({ ...k })),
      { id: 'custom-1', label: 'Bookkeeping', questions: ['Which software?'] },
    ];
    const { save, lastSaved } = setup(kits);
    const label = screen.getByDisplayValue('Marketing');
    fireEvent.input(label, { target: { value: 'Marketing and ads' } });
    fireEvent.blur(label);
    await waitFor(() => expect(lastSaved().find((k) => k.id === 'marketing')?.label).toBe('Marketing and ads'));

    fireEvent.click(screen.getByRole('button', { name: 'Add a kind of work' }));
    await waitFor(() => expect(lastSaved().at(-1)?.id).toBe('custom-2'));

    expect(screen.queryByRole('button', { name: 'Remove “Marketing”' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Bookkeeping”' }));
    await waitFor(() => expect(lastSaved().some((k) => k.id === 'custom-1')).toBe(false));

    const calls = save.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(save.mock.calls.length).toBe(calls);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(lastSaved()).toEqual(DEFAULT_INTERVIEW_KITS));
  });
});
