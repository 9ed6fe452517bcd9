/**
 * Sends a backup file's text to the background for import: one message when it is small, else in
 * parts (lib/messaging/transfer.ts), reporting how much has been sent.
 */
import { send } from '../../lib/messaging/client';
import type { ImportReport } from '../../lib/messaging/protocol';
import { PART_CHARS, splitParts } from '../../lib/messaging/transfer';

export type ImportProgress = { phase: 'sending'; sent: number; total: number } | { phase: 'writing' };

export async function sendBackup(
  text: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
  partChars = PART_CHARS,
): Promise<ImportReport> {
  if (text.length <= partChars) {
    onProgress({ phase: 'writing' });
    return send('importBackup', { text });
  }
  const parts = splitParts(text, partChars);
  const uploadId = crypto.randomUUID();
  for (let i = 0; i < parts.length; i++) {
    onProgress({ phase: 'sending', sent: i, total: parts.length });
    await send('importBackupPart', { uploadId, index: i, count: parts.length, text: parts[i]! });
  }
  onProgress({ phase: 'writing' });
  return send('importBackup', { uploadId });
}
