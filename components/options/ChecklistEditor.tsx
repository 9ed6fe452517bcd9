/**
 * The vetting checklist template: rename, reorder (buttons, so keyboard users can do it too),
 * regroup, hide and add items, or reset to the defaults. Item ids never change, so the checks
 * already recorded against an item stay attached to it whatever the user edits.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ArrowDown, ArrowUp, Eye, EyeOff, Plus, RotateCcw } from 'lucide-preact';
import { CHECKLIST_GROUPS } from '../../lib/db/constants';
import type { ChecklistGroup, ChecklistItem } from '../../lib/db/schema';
import { GROUP_LABELS, GROUP_ORDER } from '../../lib/domain/checklist';
import { useSyncedState } from './use-synced-state';
import { addItem, canMove, MAX_ITEMS, MAX_LABEL, moveItem, renameItem, resetToDefaults, setGroup, setHidden } from './checklist-edits';
import type { SaveSettings } from './types';

export interface ChecklistEditorProps {
  checklist: readonly ChecklistItem[];
  save: SaveSettings;
}

type Focus = { id: string; control: 'up' | 'down' | 'group' } | null;

function ItemRow({
  item,
  template,
  apply,
  requestFocus,
}: {
  item: ChecklistItem;
  template: readonly ChecklistItem[];
  apply: (next: ChecklistItem[], focus?: Focus) => void;
  requestFocus: (focus: Focus) => void;
}) {
  const [draft, setDraft] = useSyncedState(item.label);
  const name = `“${item.label}”`;
  const commit = () => {
    if (draft.trim() && draft.trim() !== item.label) apply(renameItem(template, item.id, draft));
    else setDraft(item.label);
  };
  return (
    <li class={`ck-row${item.hidden ? ' ck-row--hidden' : ''}`} data-testid="template-item" data-item-id={item.id}>
      <input
        class="v-input ck-label"
        value={draft}
        maxLength={MAX_LABEL}
        aria-label={`Label of ${name}`}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setDraft(item.label);
        }}
      />
      {item.hidden && <span class="v-pill">Hidden</span>}
      <select
        class="v-select ck-group"
        aria-label={`Group of ${name}`}
        data-control="group"
        value={item.group}
        onChange={(e) => apply(setGroup(template, item.id, e.currentTarget.value as ChecklistGroup), { id: item.id, control: 'group' })}
      >
        {CHECKLIST_GROUPS.map((g) => (
          <option value={g} key={g}>
            {GROUP_LABELS[g]}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="v-btn v-btn--icon v-btn--ghost"
        data-control="up"
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={!canMove(template, item.id, -1)}
        onClick={() => apply(moveItem(template, item.id, -1), { id: item.id, control: 'up' })}
      >
        <ArrowUp aria-hidden="true" />
      </button>
      <button
        type="button"
        class="v-btn v-btn--icon v-btn--ghost"
        data-control="down"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={!canMove(template, item.id, 1)}
        onClick={() => apply(moveItem(template, item.id, 1), { id: item.id, control: 'down' })}
      >
        <ArrowDown aria-hidden="true" />
      </button>
      <button
        type="button"
        class="v-btn v-btn--sm v-btn--ghost ck-hide"
        aria-label={`${item.hidden ? 'Show' : 'Hide'} ${name}`}
        onClick={() => {
          requestFocus(null);
          apply(setHidden(template, item.id, !item.hidden));
        }}
      >
        {item.hidden ? <Eye aria-hidden="true" /> : <EyeOff aria-hidden="true" />}
        {item.hidden ? 'Show' : 'Hide'}
      </button>
    </li>
  );
}

export function ChecklistEditor({ checklist, save }: ChecklistEditorProps) {
  const [items, setItems] = useSyncedState<ChecklistItem[]>([...checklist], JSON.stringify(checklist));
  const [newLabel, setNewLabel] = useState('');
  const [newGroup, setNewGroup] = useState<ChecklistGroup>('before-hiring');
  const [confirmReset, setConfirmReset] = useState(false);
  const [announce, setAnnounce] = useState('');
  const focus = useRef<Focus>(null);
  const list = useRef<HTMLDivElement>(null);

  // Reordering moves the row: put focus back on the control the user pressed (or its twin when
  // that one became disabled at the edge of the group).
  useEffect(() => {
    const f = focus.current;
    if (!f || !list.current) return;
    focus.current = null;
    const row = list.current.querySelector(`[data-item-id="${CSS.escape(f.id)}"]`);
    const wanted = row?.querySelector<HTMLElement>(`[data-control="${f.control}"]`);
    const other = row?.querySelector<HTMLElement>(`[data-control="${f.control === 'up' ? 'down' : 'up'}"]`);
    const target = wanted && !(wanted as HTMLButtonElement).disabled ? wanted : other;
    target?.focus();
  });

  const apply = (next: ChecklistItem[], f: Focus = null) => {
    focus.current = f;
    const before = items;
    setItems(next);
    const moved = f && (f.control === 'up' || f.control === 'down');
    if (moved) {
      const item = next.find((i) => i.id === f.id);
      const peers = next.filter((i) => i.group === item?.group);
      setAnnounce(`${item?.label} moved to position ${peers.indexOf(item!) + 1} of ${peers.length}.`);
    }
    void save({ checklist: next }).then((ok) => {
      if (!ok) setItems(before);
    });
  };

  const add = (e: Event) => {
    e.preventDefault();
    if (!newLabel.trim()) return;
    apply(addItem(items, newLabel, newGroup));
    setNewLabel('');
  };

  return (
    <div class="v-stack" ref={list}>
      <p class="v-muted v-small">
        The checklist you tick on every contractor's profile. Renaming or hiding an item keeps what you already recorded against it; hidden
        items come back with their checks when you show them again.
      </p>
      {GROUP_ORDER.map((group) => {
        const inGroup = items.filter((i) => i.group === group);
        return (
          <section class="ck-group-block" key={group} aria-labelledby={`ck-${group}`}>
            <h3 id={`ck-${group}`}>{GROUP_LABELS[group]}</h3>
            {inGroup.length === 0 ? (
              <p class="v-faint v-small">No items in this group.</p>
            ) : (
              <ul class="ck-list">
                {inGroup.map((item) => (
                  <ItemRow key={item.id} item={item} template={items} apply={apply} requestFocus={(f) => (focus.current = f)} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <div class="v-sr-only" role="status" aria-live="polite">
        {announce}
      </div>
      <form class="ck-add v-row" onSubmit={add}>
        <input
          class="v-input"
          placeholder="New item, e.g. NDA signed"
          aria-label="New checklist item"
          maxLength={MAX_LABEL}
          value={newLabel}
          onInput={(e) => setNewLabel(e.currentTarget.value)}
        />
        <select
          class="v-select ck-group"
          aria-label="Group of the new item"
          value={newGroup}
          onChange={(e) => setNewGroup(e.currentTarget.value as ChecklistGroup)}
        >
          {CHECKLIST_GROUPS.map((g) => (
            <option value={g} key={g}>
              {GROUP_LABELS[g]}
            </option>
          ))}
        </select>
        <button type="submit" class="v-btn" disabled={!newLabel.trim() || items.length >= MAX_ITEMS}>
          <Plus aria-hidden="true" />
          Add item
        </button>
      </form>
      <div class="v-row">
        {confirmReset ? (
          <div class="v-alert v-alert--warn ck-reset" role="group" aria-label="Confirm reset">
            <span class="v-spacer">
              Reset the checklist to the defaults? Items you added are hidden, not deleted, and their checks are kept.
            </span>
            <button
              type="button"
              class="v-btn v-btn--sm v-btn--primary"
              onClick={() => {
                setConfirmReset(false);
                apply(resetToDefaults(items));
              }}
            >
              Reset
            </button>
            <button type="button" class="v-btn v-btn--sm" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="v-btn v-btn--ghost" onClick={() => setConfirmReset(true)}>
            <RotateCcw aria-hidden="true" />
            Reset to defaults
          </button>
        )}
      </div>
    </div>
  );
}
