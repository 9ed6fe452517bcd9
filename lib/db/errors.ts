/**
 * Errors the repositories throw on purpose. The router turns them into reply codes; anything else
 * is an unexpected failure ('internal').
 */
import type { z } from 'zod';

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    // Not 'NotFoundError': Dexie rewraps errors bearing IndexedDB's DOMException names.
    this.name = 'RecordNotFoundError';
  }
}

/**
 * issue 12 (stale tab): an edit started from an older version than the one stored. Nothing is
 * written; the view shows both versions and lets the user pick or merge.
 */
export class ChangedElsewhereError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangedElsewhereError';
  }
}

/** issue 12: what a save may carry besides its fields (see refuseStale and the repositories' creates). */
export interface SaveGuard {
  /** The id a new record gets, made by the view once per draft: a retried create saves over it. */
  createId?: string;
  /** The stored record's updatedAt when the edit began. */
  baseUpdatedAt?: number;
}

/**
 * issue 12 (stale tab): refuses an edit that started from `base` when the stored record is newer.
 * `base` absent: the view did not say (older callers), nothing is checked.
 */
export function refuseStale(stored: { updatedAt: number } | undefined, base: number | undefined, what: string): void {
  if (!stored || base === undefined || stored.updatedAt <= base) return;
  throw new ChangedElsewhereError(`This ${what} was changed elsewhere while you were editing it. Nothing was saved.`);
}

/** A record would not match its schema: nothing is written. */
export class InvalidRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRecordError';
  }
}

/** "field.path: message" for the first few issues, so the user learns which field is wrong. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 3): string {
  const parts = issues.slice(0, max).map((i) => {
    const path = i.path.map(String).join('.');
    return path ? `${path}: ${i.message}` : i.message;
  });
  if (issues.length > max) parts.push(`and ${issues.length - max} more`);
  return parts.join('; ');
}

/** Parses `value` with `schema` before it is written; throws InvalidRecordError naming the field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidRecordError(`Invalid ${what}: ${describeIssues(result.error.issues)}`);
  return result.data;
}

/** Drops keys whose value is undefined (IndexedDB keeps them as present-but-undefined). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
