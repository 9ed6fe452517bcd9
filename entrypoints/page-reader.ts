/**
 * Injected on demand ("Track this page", activeTab + scripting) into the page the user chose,
 * never declared as a content script. Reads the page with the generic adapter and returns the
 * snapshot to the background (lib/background/tab-reader.ts); it changes nothing in the page.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readGenericPage } from '../lib/sites/generic';

export default defineUnlistedScript(() => readGenericPage(new URL(location.href), document));
