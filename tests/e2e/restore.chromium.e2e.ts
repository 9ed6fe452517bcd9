/** Restore onto a fresh install (./restore.shared.ts) in Debian's chromium. */
import { launchChromium } from './harness';
import { describeRestore } from './restore.shared';

describeRestore({
  name: 'Chromium',
  launch: () => launchChromium(),
  async importThroughOptions(session, file) {
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('last-backup').waitFor();
    await options.getByTestId('import-file').setInputFiles(file);
    const report = options.getByTestId('import-report');
    await report.waitFor();
    const last = options.getByTestId('last-backup');
    await last.getByText(/Restored from a backup/).waitFor();
    return { report: (await report.textContent()) ?? '', lastBackup: (await last.textContent()) ?? '' };
  },
});
