/** Turning failures into reply codes. Nothing here touches data. */
import { ChangedElsewhereError, InvalidRecordError, NotFoundError } from '../db/errors';
import type { ErrorCode } from '../messaging/protocol';
import { SyncError } from '../sync/types';

/** An error whose message is meant for the user, with the reply code to send. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export const QUOTA_MESSAGE =
  "Your browser's storage is full, so Vetted could not save this change. Free some disk space or " +
  'delete data you no longer need (Options → Storage), then try again. Nothing else was changed.';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Dexie wraps IndexedDB errors (`err.inner`); browsers name quota errors differently. */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, code } = e as { name?: unknown; code?: unknown };
    if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
    if (typeof DOMException !== 'undefined' && e instanceof DOMException && code === 22) return true;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export function toReplyError(err: unknown): { code: ErrorCode; error: string } {
  if (err instanceof RequestError) return { code: err.code, error: err.message };
  if (err instanceof SyncError) return { code: 'sync', error: err.message };
  if (err instanceof NotFoundError) return { code: 'not-found', error: err.message };
  if (err instanceof ChangedElsewhereError) return { code: 'conflict', error: err.message };
  if (err instanceof InvalidRecordError) return { code: 'bad-request', error: err.message };
  if (isQuotaError(err)) return { code: 'quota', error: QUOTA_MESSAGE };
  const detail = err instanceof Error ? err.message : String(err);
  return {
    code: 'internal',
    error: `Vetted could not complete this because of an unexpected problem (${detail.slice(0, 300)}). Please try again.`,
  };
}
