/** Opens a project's written agreement (agreement.html) in a tab of its own: room to read, edit and print. */
import { browser } from 'wxt/browser';

export function agreementUrl(projectId: string): string {
  return browser.runtime.getURL(`/agreement.html?project=${encodeURIComponent(projectId)}` as '/agreement.html');
}

export async function openAgreement(projectId: string): Promise<void> {
  await browser.tabs.create({ url: agreementUrl(projectId) });
}
