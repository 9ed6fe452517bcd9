/**
 * Reads a backup file into validated records, or throws a BackupError that says what is wrong and
 * where. Nothing here touches the database: the whole file is checked before anything is written.
 */
import type { z } from 'zod';
import { backupError } from './errors';
import {
  BackupVersionSchema,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  RECORD_TABLE_NAMES,
  RECORD_TABLES,
  SETTINGS_SPEC,
  type BackupData,
  type BackupFile,
} from './format';
import { locateJsonError } from './json-error';
import { MIGRATIONS, oldestSupported, type BackupMigration } from './migrations';

export interface ReadOptions {
  /** Tests pass synthetic versions and steps; the extension uses the real ones. */
  version?: number;
  migrations?: Readonly<Record<number, BackupMigration>>;
  maxBytes?: number;
}

/** Further problems are summarised: one precise message is more useful than a wall of them. */
const MAX_LISTED = 3;

/** UTF-8 size without allocating a copy of a file that may be tens of megabytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const where = locateJsonError(text);
    if (where?.truncated) {
      throw backupError(
        `This backup file is incomplete: it ends too early (line ${where.line}, column ${where.column}), as if the download was cut off.`,
      );
    }
    const at = where ? `: unexpected ${where.found} at line ${where.line}, column ${where.column}` : '';
    throw backupError(`This file is not a valid backup: it is not readable JSON${at}.`);
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldPath(issue.path);
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  const what = missing ? 'is missing' : `: ${issue.message}`;
  if (!field) return missing ? 'is missing' : issue.message;
  return missing ? `field "${field}" ${what}` : `field "${field}"${what}`;
}

function keyLabel(keyName: string, key: string | undefined): string {
  return key === undefined ? '' : ` (${keyName} "${key.length > 80 ? `${key.slice(0, 80)}…` : key}")`;
}

function summarise(problems: string[]): string {
  const shown = problems.slice(0, MAX_LISTED).join(' ');
  const more = problems.length - MAX_LISTED;
  return more > 0 ? `${shown} (${more} more ${more === 1 ? 'problem' : 'problems'} not listed.)` : shown;
}

function checkEnvelope(json: unknown, current: number, migrations: Readonly<Record<number, BackupMigration>>) {
  if (!isObject(json) || json.format !== BACKUP_FORMAT) {
    throw backupError('This is not a Vetted backup file (it lacks the "vetted-backup" marker). Choose a file that Vetted exported.');
  }
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw backupError('This backup has no valid format version, so Vetted cannot tell how to read it.');
  }
  if (version > current) {
    throw backupError(
      `This backup was made by a newer version of Vetted (format version ${version}; this one reads up to ${current}). Update Vetted, then import it again.`,
    );
  }
  const oldest = oldestSupported(migrations, current);
  if (version < oldest) {
    throw backupError(`This backup uses format version ${version}, which Vetted cannot read (it reads versions ${oldest} to ${current}).`);
  }
  return version;
}

function migrate(
  json: Record<string, unknown>,
  from: number,
  current: number,
  migrations: Readonly<Record<number, BackupMigration>>,
): Record<string, unknown> {
  let file = json;
  for (let v = from; v < current; v++) {
    try {
      file = { ...migrations[v]!(file), version: v + 1 };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw backupError(`This backup (format version ${from}) could not be upgraded to version ${v + 1}: ${reason}.`);
    }
  }
  return file;
}

function checkData(file: Record<string, unknown>): BackupData {
  const data = file.data;
  if (!isObject(data)) throw backupError('This backup has no "data" section: there is nothing to import.');
  const problems: string[] = [];
  const known = new Set<string>([...RECORD_TABLE_NAMES, 'settings', 'versions']);
  for (const name of Object.keys(data)) {
    if (!known.has(name)) problems.push(`It contains an unknown section "${name}".`);
  }
  const out: Record<string, unknown> = {};
  for (const table of RECORD_TABLE_NAMES) {
    const spec = RECORD_TABLES[table];
    const rows = data[table];
    if (rows === undefined && spec.optional) {
      out[table] = [];
      continue;
    }
    if (rows === undefined) {
      problems.push(`The "${table}" list is missing.`);
      continue;
    }
    if (!Array.isArray(rows)) {
      problems.push(`"${table}" should be a list of records.`);
      continue;
    }
    const parsed: unknown[] = [];
    const seen = new Map<string, number>();
    rows.forEach((row: unknown, index) => {
      const n = index + 1;
      const rawKey = isObject(row) ? safeKey(() => spec.keyOf(row)) : undefined;
      const result = spec.schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        problems.push(`In "${table}", record #${n}${keyLabel(spec.keyName, rawKey)}: ${describeIssue(issue)}.`);
        return;
      }
      const key = spec.keyOf(result.data as Record<string, unknown>);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push(`In "${table}", records #${first} and #${n} have the same ${spec.keyName} "${key}".`);
        return;
      }
      seen.set(key, n);
      parsed.push(result.data);
    });
    out[table] = parsed;
  }
  if (data.settings === undefined) problems.push('The "settings" section is missing.');
  else {
    const result = SETTINGS_SPEC.schema.safeParse(data.settings);
    if (!result.success) problems.push(`In "settings": ${describeIssue(result.error.issues[0]!)}.`);
    else out.settings = result.data;
  }
  const versions = data.versions ?? [];
  if (!Array.isArray(versions)) problems.push('"versions" should be a list.');
  else {
    out.versions = versions.flatMap((entry: unknown, index) => {
      const result = BackupVersionSchema.safeParse(entry);
      if (result.success) return [result.data];
      problems.push(`In "versions", entry #${index + 1}: ${describeIssue(result.error.issues[0]!)}.`);
      return [];
    });
  }
  if (problems.length > 0) throw backupError(`This backup cannot be imported. ${summarise(problems)}`);
  return out as unknown as BackupData;
}

/** Key text of a record that failed validation, when it has one worth showing. */
function safeKey(read: () => string): string | undefined {
  const key = read();
  return /undefined|\[object/.test(key) ? undefined : key;
}

/** Parses, checks and migrates a whole backup file. Throws BackupError; never writes. */
export function readBackup(text: string, options: ReadOptions = {}): BackupFile {
  const current = options.version ?? BACKUP_VERSION;
  const migrations = options.migrations ?? MIGRATIONS;
  const maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES;
  // Cheap check first: every character is at least one byte.
  const bytes = text.length > maxBytes ? text.length : utf8Length(text);
  if (bytes > maxBytes) {
    throw backupError(
      `This file is too large (${formatMegabytes(bytes)}): a Vetted backup can be at most ${formatMegabytes(maxBytes)}. Is it the right file?`,
    );
  }
  if (text.trim() === '') throw backupError('This file is empty.');
  // A UTF-8 byte-order mark (added by some editors) is not part of the JSON.
  const json = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const version = checkEnvelope(json, current, migrations);
  const file = migrate(json as Record<string, unknown>, version, current, migrations);
  const exportedAt = file.exportedAt;
  if (typeof exportedAt !== 'number' || !Number.isFinite(exportedAt) || exportedAt < 0) {
    throw backupError('This backup has no valid "exportedAt" time.');
  }
  return { format: BACKUP_FORMAT, version: current, exportedAt, data: checkData(file) };
}
