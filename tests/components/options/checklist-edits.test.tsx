import { describe, expect, it } from 'vitest';
import { addItem, canMove, moveItem, renameItem, resetToDefaults, setGroup, setHidden } from '../../../components/options/checklist-edits';
import type { ChecklistItem } from '../../../lib/db/schema';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';

const T: ChecklistItem[] = [
  { id: 'a', label: 'A', group: 'before-hiring' },
  { id: 'b', label: 'B', group: 'before-hiring' },
  { id: 'c', label: 'C', group: 'contract-budget' },
  { id: 'd', label: 'D', group: 'before-hiring' },
];
const ids = (t: readonly ChecklistItem[]) => t.map((i) => i.id);

describe('checklist template edits keep item ids', () => {
  it('rename changes the label only; blank names are ignored', () => {
    const next = renameItem(T, 'b', '  Better B  ');
    expect(next[1]).toEqual({ id: 'b', label: 'Better B', group: 'before-hiring' });
    expect(renameItem(T, 'b', '   ')).toEqual(T);
  });

  it('hide and show set and clear the flag without removing the item', () => {
    const hidden = setHidden(T, 'c', true);
    expect(hidden).toHaveLength(4);
    expect(hidden[2]).toEqual({ id: 'c', label: 'C', group: 'contract-budget', hidden: true });
    expect(setHidden(hidden, 'c', false)[2]).toEqual(T[2]);
  });

  it('moves within the group, skipping items of other groups', () => {
    expect(ids(moveItem(T, 'd', -1))).toEqual(['a', 'd', 'c', 'b']);
    expect(ids(moveItem(T, 'b', 1))).toEqual(['a', 'd', 'c', 'b']);
    expect(ids(moveItem(T, 'a', -1))).toEqual(ids(T));
    expect(canMove(T, 'a', -1)).toBe(false);
    expect(canMove(T, 'd', 1)).toBe(false);
    expect(canMove(T, 'c', 1)).toBe(false);
    expect(canMove(T, 'b', 1)).toBe(true);
  });

  it('regrouping puts the item last in its new group', () => {
    const next = setGroup(T, 'a', 'contract-budget');
    expect(ids(next)).toEqual(['b', 'c', 'a', 'd']);
    expect(next.find((i) => i.id === 'a')?.group).toBe('contract-budget');
    expect(ids(setGroup(T, 'c', 'after-delivery'))).toEqual(['a', 'b', 'd', 'c']);
  });

  it('adds with a fresh id at the end of its group', () => {
    let n = 0;
    const random = () => (n++ === 0 ? 'x' : 'y');
    const taken: ChecklistItem[] = [...T, { id: 'custom-nda-signed-x', label: 'old', group: 'after-delivery' }];
    const next = addItem(taken, ' NDA signed ', 'contract-budget', random);
    const added = next.find((i) => i.label === 'NDA signed');
    expect(added).toEqual({ id: 'custom-nda-signed-y', label: 'NDA signed', group: 'contract-budget' });
    expect(ids(next).indexOf(added!.id)).toBe(ids(next).indexOf('c') + 1);
    expect(addItem(T, '   ', 'contract-budget')).toEqual(T);
  });

  it('reset restores the defaults and hides, never drops, the user’s own items', () => {
    const edited = renameItem(
      setHidden([...DEFAULT_CHECKLIST, { id: 'mine', label: 'Mine', group: 'after-delivery' }], 'reviews-read', true),
      'interview-held',
      'Call',
    );
    const reset = resetToDefaults(edited);
    expect(reset.slice(0, DEFAULT_CHECKLIST.length)).toEqual(DEFAULT_CHECKLIST);
    expect(reset.at(-1)).toEqual({ id: 'mine', label: 'Mine', group: 'after-delivery', hidden: true });
  });
});
