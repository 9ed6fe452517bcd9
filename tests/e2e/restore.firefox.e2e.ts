/** Restore onto a fresh install (./restore.shared.ts) in Debian's firefox-esr with the MV2 build. */
import type { ElementHandle } from 'puppeteer-core';
import { launchFirefox, waitFor } from './harness';
import { describeRestore } from './restore.shared';

describeRestore({
  name: 'Firefox',
  launch: () => launchFirefox(),
  async importThroughOptions(session, file) {
    const options = await session.openExtensionPage('options.html');
    await waitFor('the options page', () => options.$('[data-testid="last-backup"]'));
    const input = (await options.$('[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await waitFor('the import report', () => options.$('[data-testid="import-report"]'));
    const text = (sel: string) => options.$eval(sel, (el) => el.textContent ?? '');
    await waitFor('the restore to show', async () => (await text('[data-testid="last-backup"]')).includes('Restored from a backup'));
    return { report: await text('[data-testid="import-report"]'), lastBackup: await text('[data-testid="last-backup"]') };
  },
});
