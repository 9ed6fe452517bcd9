import type { Handlers } from '../context';
import { agreementHandlers } from './agreement'; // issue 15
import { backupCsvHandlers } from './backup-csv';
import { boardHandlers } from './board'; // issue 16
import { checkNoteHandlers } from './checks-notes';
import { contractorHandlers } from './contractors';
import { dashboardHandlers } from './dashboard';
import { dataHandlers } from './data';
import { pageHandlers } from './pages';
import { projectHandlers } from './projects';
import { ratingHandlers } from './ratings';
import { settingsHandlers } from './settings';
import { trackPageHandlers } from './track-page';
import { overlayBindingHandlers } from './overlay-binding'; // issue 12
import { syncHandlers } from './sync'; // issue 11
import { versionHandlers } from './versions'; // issue 11

/** One handler per request in protocol.ts; the type makes a missing one a compile error. */
export const HANDLERS: Handlers = {
  ...pageHandlers,
  ...contractorHandlers,
  ...checkNoteHandlers,
  ...ratingHandlers,
  ...projectHandlers,
  ...dashboardHandlers,
  ...settingsHandlers,
  ...dataHandlers,
  ...backupCsvHandlers,
  ...trackPageHandlers,
  ...agreementHandlers, // issue 15
  ...boardHandlers, // issue 16
  ...overlayBindingHandlers,
  ...syncHandlers, // issue 11
  ...versionHandlers, // issue 11
};
