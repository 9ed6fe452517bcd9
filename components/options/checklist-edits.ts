/**
 * Edits of the checklist template. Checks are stored against item ids, so every edit keeps ids:
 * renaming changes the label only, hiding sets `hidden`, and nothing here removes an item.
 * Pure: a template in, a new template out.
 */
import type { ChecklistGroup, ChecklistItem } from '../../lib/db/schema';
import { DEFAULT_CHECKLIST } from '../../lib/domain/checklist';

export const MAX_ITEMS = 200;
export const MAX_LABEL = 500;

export function renameItem(template: readonly ChecklistItem[], id: string, label: string): ChecklistItem[] {
  const trimmed = label.trim().slice(0, MAX_LABEL);
  if (!trimmed) return [...template];
  return template.map((item) => (item.id === id ? { ...item, label: trimmed } : item));
}

export function setHidden(template: readonly ChecklistItem[], id: string, hidden: boolean): ChecklistItem[] {
  return template.map((item) => {
    if (item.id !== id) return item;
    const { hidden: _h, ...rest } = item;
    return hidden ? { ...rest, hidden: true } : rest;
  });
}

/** Moves an item to another group, placing it last in that group. */
export function setGroup(template: readonly ChecklistItem[], id: string, group: ChecklistGroup): ChecklistItem[] {
  const item = template.find((i) => i.id === id);
  if (!item || item.group === group) return [...template];
  const rest = template.filter((i) => i.id !== id);
  const lastInGroup = rest.map((i) => i.group).lastIndexOf(group);
  const at = lastInGroup === -1 ? rest.length : lastInGroup + 1;
  return [...rest.slice(0, at), { ...item, group }, ...rest.slice(at)];
}

/** Swaps an item with its neighbour in the same group (direction -1: up, +1: down). */
export function moveItem(template: readonly ChecklistItem[], id: string, direction: -1 | 1): ChecklistItem[] {
  const index = template.findIndex((i) => i.id === id);
  if (index === -1) return [...template];
  const group = template[index]!.group;
  let other = index + direction;
  while (other >= 0 && other < template.length && template[other]!.group !== group) other += direction;
  if (other < 0 || other >= template.length) return [...template];
  const next = [...template];
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

export function canMove(template: readonly ChecklistItem[], id: string, direction: -1 | 1): boolean {
  return moveItem(template, id, direction).some((item, i) => item !== template[i]);
}

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item'
  );
}

/** Adds an item at the end of its group with a new, never reused id. */
export function addItem(
  template: readonly ChecklistItem[],
  label: string,
  group: ChecklistGroup,
  random: () => string = () => crypto.randomUUID().slice(0, 8),
): ChecklistItem[] {
  const trimmed = label.trim().slice(0, MAX_LABEL);
  if (!trimmed || template.length >= MAX_ITEMS) return [...template];
  const ids = new Set(template.map((i) => i.id));
  let id = `custom-${slug(trimmed)}-${random()}`;
  while (ids.has(id)) id = `custom-${slug(trimmed)}-${random()}`;
  const lastInGroup = template.map((i) => i.group).lastIndexOf(group);
  const at = lastInGroup === -1 ? template.length : lastInGroup + 1;
  return [...template.slice(0, at), { id, label: trimmed, group }, ...template.slice(at)];
}

/**
 * The default items in their default order, labels and groups. Items the user added are kept,
 * hidden, at the end: checks recorded against them survive and come back if shown again.
 */
export function resetToDefaults(template: readonly ChecklistItem[]): ChecklistItem[] {
  const defaultIds = new Set(DEFAULT_CHECKLIST.map((i) => i.id));
  const custom = template.filter((i) => !defaultIds.has(i.id)).map((i) => ({ ...i, hidden: true }));
  return [...DEFAULT_CHECKLIST.map((i) => ({ ...i })), ...custom];
}
