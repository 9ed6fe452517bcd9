/**
 * Named lists of contractors and the tags in use (issue 16). A list keeps its members in `keys`
 * (multiEntry index), so the lists a contractor is on are one index read.
 */
import type { VettedDb } from '../database';
import { InvalidRecordError, NotFoundError, validate } from '../errors';
import { ContractorListSchema, type ContractorList } from '../schema';
import { markChanged } from './settings';

export const MAX_LISTS = 500;

/** All lists, by name (locale-aware, case-insensitive). */
export async function listLists(db: VettedDb): Promise<ContractorList[]> {
  const rows = await db.lists.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id));
}

export async function getList(db: VettedDb, id: string): Promise<ContractorList | undefined> {
  return db.lists.get(id);
}

/** The lists `key` is on. */
export async function listsOf(db: VettedDb, key: string): Promise<ContractorList[]> {
  return db.lists.where('keys').equals(key).toArray();
}

/** Every tag used on a contractor, sorted, each once (the index's unique keys: no rows read). */
export async function allTags(db: VettedDb): Promise<string[]> {
  const keys = await db.contractors.orderBy('tags').uniqueKeys();
  return (keys as string[]).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

/**
 * Creates a list (no id) or renames one. Names are unique regardless of case: two lists called
 * "Writers" and "writers" would be impossible to tell apart in a menu.
 */
export async function saveList(
  db: VettedDb,
  input: { id?: string; name: string; keys?: string[] },
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Promise<ContractorList> {
  const name = input.name.trim();
  if (!name) throw new InvalidRecordError('A list needs a name.');
  return db.transaction('rw', db.lists, db.settings, async () => {
    const all = await db.lists.toArray();
    const clash = all.find((l) => l.id !== input.id && sameName(l.name, name));
    if (clash) throw new InvalidRecordError(`There is already a list called “${clash.name}”.`);
    let list: ContractorList;
    if (input.id) {
      const current = all.find((l) => l.id === input.id);
      if (!current) throw new NotFoundError('This list is not in Vetted any more.');
      list = validate(ContractorListSchema, { ...current, name, updatedAt: now }, 'list');
    } else {
      if (all.length >= MAX_LISTS) throw new InvalidRecordError(`Vetted keeps at most ${MAX_LISTS} lists.`);
      list = validate(
        ContractorListSchema,
        { id: newId(), name, keys: [...new Set(input.keys ?? [])], createdAt: now, updatedAt: now },
        'list',
      );
    }
    await db.lists.put(list);
    await markChanged(db, now);
    return list;
  });
}

export async function deleteList(db: VettedDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.lists, db.settings, async () => {
    if (!(await db.lists.get(id))) return false;
    await db.lists.delete(id);
    await markChanged(db, now);
    return true;
  });
}

/** Adds `key` to the list or takes it off; a no-op when it already is (or isn't) there. */
export async function setListMember(
  db: VettedDb,
  input: { listId: string; key: string; member: boolean },
  now: number,
): Promise<ContractorList> {
  return db.transaction('rw', db.lists, db.contractors, db.settings, async () => {
    const current = await db.lists.get(input.listId);
    if (!current) throw new NotFoundError('This list is not in Vetted any more.');
    const has = current.keys.includes(input.key);
    if (has === input.member) return current;
    if (input.member && !(await db.contractors.get(input.key))) {
      throw new NotFoundError('This contractor is not in Vetted any more.');
    }
    const keys = input.member ? [...current.keys, input.key] : current.keys.filter((k) => k !== input.key);
    const list = validate(ContractorListSchema, { ...current, keys, updatedAt: now }, 'list');
    await db.lists.put(list);
    await markChanged(db, now);
    return list;
  });
}

/** Takes a deleted contractor off every list (inside the caller's transaction, which must include lists). */
export async function removeFromAllLists(db: VettedDb, key: string, now: number): Promise<void> {
  await db.lists
    .where('keys')
    .equals(key)
    .modify((l) => {
      l.keys = l.keys.filter((k) => k !== key);
      l.updatedAt = now;
    });
}
