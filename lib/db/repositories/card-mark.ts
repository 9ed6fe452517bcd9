/**
 * The one click on a search-result mark (issues 12 and 16): tracks the card's contractor, sets the
 * status, and puts them on the list chosen for search results (settings.cardListId), all in one
 * transaction. The click that takes them off the shortlist takes them off that list again: it
 * undoes the first.
 */
import type { VettedDb } from '../database';
import type { ContractorStatus, ProfileSnapshot } from '../schema';
import { trackContractor, updateContractor } from './contractors';
import { getList, setListMember } from './lists';
import { getSettings } from './settings';

export async function shortlistFromCard(db: VettedDb, profile: ProfileSnapshot, status: ContractorStatus, now: number): Promise<void> {
  await db.transaction('rw', db.contractors, db.settings, db.lists, async () => {
    await trackContractor(db, profile, now);
    await updateContractor(db, profile.key, { status }, now);
    const { cardListId } = await getSettings(db);
    if (cardListId && (await getList(db, cardListId))) {
      await setListMember(db, { listId: cardListId, key: profile.key, member: status === 'shortlisted' }, now);
    }
  });
}
