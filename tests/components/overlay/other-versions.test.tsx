/**
 * issue 11: a note or a check edited on two devices before they synced shows "2 versions" in the
 * overlay; the user opens the other one and uses it or keeps the current one. The losing version is put there
 * by the real merge (applyVersions with another device's concurrent edit), on the real background.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notes } from '../../../components/overlay/Notes';
import { Checklist } from '../../../components/overlay/Checklist';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import { losingEditFromOtherDevice } from '../../unit/background/other-device';
import type { Note } from '../../../lib/db/schema';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

const KEY = 'upwork:~01abc';
let bg: RealBackground;

beforeEach(async () => {
  bg = realBackground(senders.overlay);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});
afterEach(cleanup);

const editedElsewhere = (note: Note, body: string) => losingEditFromOtherDevice(bg, 'notes', note.id, { body });

async function shown(): Promise<Note[]> {
  const view = await bg.ok('getContractor', { key: KEY });
  return view!.notes;
}

describe('a note with two versions', () => {
  it('shows "2 versions" and the other text, and uses it on request', async () => {
    const note = await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Agreed $25/h' });
    await editedElsewhere(note, 'Agreed $22/h, weekly invoices');
    const { rerender } = render(<Notes contractorKey={KEY} notes={await shown()} locale="en-US" />);
    const toggle = await screen.findByRole('button', { name: /2 versions/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const panel = screen.getByRole('group', { name: 'Other version of this note' });
    expect(within(panel).getByText('Agreed $22/h, weekly invoices')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Use this version' }));
    await waitFor(async () => expect((await bg.db.notes.get(note.id))!.body).toBe('Agreed $22/h, weekly invoices'));
    // What was replaced is the other version now: nothing was lost by choosing.
    const replaced = await bg.ok('otherVersions', { table: 'notes', keys: [note.id] });
    expect(replaced.versions.map((v) => v.row.body)).toEqual(['Agreed $25/h']);
    await bg.settled();
    rerender(<Notes contractorKey={KEY} notes={await shown()} locale="en-US" />);
    expect(await screen.findByText('Agreed $22/h, weekly invoices')).toBeTruthy();
    expect(screen.getByRole('button', { name: /2 versions/ })).toBeTruthy();
  });

  it('keeps the current one: the other version goes and the badge with it', async () => {
    const note = await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Agreed $25/h' });
    await editedElsewhere(note, 'Agreed $22/h');
    render(<Notes contractorKey={KEY} notes={await shown()} locale="en-US" />);
    fireEvent.click(await screen.findByRole('button', { name: /2 versions/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep the current one' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /2 versions/ })).toBeNull());
    expect((await bg.db.notes.get(note.id))!.body).toBe('Agreed $25/h');
    expect(await bg.db.conflicts.count()).toBe(0);
  });

  it('says why a version cannot come back, and keeps it', async () => {
    const note = await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Agreed $25/h' });
    await editedElsewhere(note, 'Agreed $22/h');
    render(<Notes contractorKey={KEY} notes={await shown()} locale="en-US" />);
    fireEvent.click(await screen.findByRole('button', { name: /2 versions/ }));
    bg.failNext('chooseVersion', 'quota', 'Your browser has no room left for Vetted’s data. Nothing was changed.');
    fireEvent.click(screen.getByRole('button', { name: 'Use this version' }));
    expect((await screen.findByRole('alert')).textContent).toContain('no room left');
    expect(screen.getByText('Agreed $22/h')).toBeTruthy();
    expect((await bg.db.notes.get(note.id))!.body).toBe('Agreed $25/h');
  });

  it('a note with one version shows no badge', async () => {
    await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Only here' });
    render(<Notes contractorKey={KEY} notes={await shown()} locale="en-US" />);
    expect(await screen.findByText('Only here')).toBeTruthy();
    await bg.settled();
    await waitFor(() => expect(bg.sent.some((r) => r.type === 'otherVersions')).toBe(true));
    expect(screen.queryByRole('button', { name: /versions/ })).toBeNull();
  });
});

describe('a check with two versions', () => {
  it('shows the other state and note, and takes them back', async () => {
    const item = DEFAULT_CHECKLIST[0]!;
    await bg.ok('setCheck', { contractorKey: KEY, itemId: item.id, state: 'done', note: 'Two references called' });
    await losingEditFromOtherDevice(bg, 'checks', [KEY, item.id], { state: 'failed', note: 'Reference did not answer' });
    const checks = async () => (await bg.ok('getContractor', { key: KEY }))!.checks;
    render(<Checklist contractorKey={KEY} template={DEFAULT_CHECKLIST} checks={await checks()} />);
    const row = screen.getAllByTestId('checklist-item').find((li) => li.dataset.itemId === item.id)!;
    fireEvent.click(await within(row).findByRole('button', { name: /2 versions/ }));
    const panel = within(row).getByRole('group', { name: 'Other version of this check' });
    expect(within(panel).getByText('Reference did not answer')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Use this version' }));
    await waitFor(async () => expect((await bg.db.checks.get([KEY, item.id]))!.state).toBe('failed'));
    expect((await bg.db.checks.get([KEY, item.id]))!.note).toBe('Reference did not answer');
  });
});
