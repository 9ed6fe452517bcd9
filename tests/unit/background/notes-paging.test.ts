/** Issue 12, attack 8: a contractor with thousands of notes opens — the notes come in pages, never in one huge reply. */
import { describe, expect, it } from 'vitest';
import { makeHarness } from './harness';
import { NOTES_PAGE } from '../../../lib/messaging/pages';
import { formatInterviewNote } from '../../../lib/domain/interview-kit';

const KEY = 'upwork:~01abc';
const profile = {
  key: KEY,
  site: 'upwork' as const,
  siteId: '~01abc',
  name: 'Ada',
  profileUrl: 'https://www.upwork.com/freelancers/~01abc',
};

describe('notes are paged to the views', () => {
  it('getContractor sends the newest page and the total; listNotes pages through the rest once each', async () => {
    const h = makeHarness();
    await h.ok('trackContractor', { profile });
    const count = NOTES_PAGE * 2 + 37;
    for (let i = 0; i < count; i++) {
      h.clock.now += 1000;
      await h.db.notes.add({
        id: `n${i}`,
        contractorKey: KEY,
        kind: 'general',
        body: `note ${i}`,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
      });
    }
    const view = (await h.ok('getContractor', { key: KEY }))!;
    expect(view.notes).toHaveLength(NOTES_PAGE);
    expect(view.notesTotal).toBe(count);
    expect(view.notes[0]!.id).toBe(`n${count - 1}`);
    const seen = view.notes.map((n) => n.id);
    let more = true;
    while (more) {
      const last = (await h.db.notes.get(seen[seen.length - 1]!))!;
      const page = await h.ok('listNotes', { contractorKey: KEY, before: { createdAt: last.createdAt, id: last.id }, limit: NOTES_PAGE });
      expect(page.notes.length).toBeLessThanOrEqual(NOTES_PAGE);
      seen.push(...page.notes.map((n) => n.id));
      more = page.more;
    }
    expect(new Set(seen).size).toBe(count);
    expect(seen).toEqual([...Array(count).keys()].map((i) => `n${count - 1 - i}`));
  });

  it('the interview kit still finds its answers note when it is older than the first page', async () => {
    const h = makeHarness();
    await h.ok('trackContractor', { profile });
    const body = formatInterviewNote('General', [{ question: 'Availability?', answer: 'Full time' }]);
    const { note: kit } = await h.ok('saveInterview', { contractorKey: KEY, body });
    for (let i = 0; i < NOTES_PAGE + 5; i++) {
      h.clock.now += 1000;
      await h.db.notes.add({
        id: `n${i}`,
        contractorKey: KEY,
        kind: 'general',
        body: `note ${i}`,
        createdAt: h.clock.now,
        updatedAt: h.clock.now,
      });
    }
    const view = (await h.ok('getContractor', { key: KEY }))!;
    expect(view.notes.some((n) => n.id === kit.id)).toBe(false);
    expect(view.kitNote?.id).toBe(kit.id);
  });
});
