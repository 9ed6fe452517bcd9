/** How each site is named in every view (one list, so the overlay, popup and options agree). */
import type { SiteId } from '../lib/db/schema';

export const SITE_NAMES: Readonly<Record<SiteId, string>> = {
  upwork: 'Upwork',
  fiverr: 'Fiverr',
  freelancer: 'Freelancer.com',
  peopleperhour: 'PeoplePerHour',
  guru: 'Guru',
  toptal: 'Toptal',
  contra: 'Contra',
  malt: 'Malt',
  generic: 'Web',
};
