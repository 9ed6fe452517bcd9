import { InvalidRecordError } from '../db/errors';

/**
 * A backup file that cannot be imported. The message is for the user: it says what is wrong and
 * where, and that nothing was changed. Extends InvalidRecordError so the router answers
 * 'bad-request' with the message instead of a generic failure.
 */
export class BackupError extends InvalidRecordError {}

export const NOTHING_CHANGED = 'Nothing was changed.';

export function backupError(problem: string): BackupError {
  return new BackupError(`${problem} ${NOTHING_CHANGED}`);
}
