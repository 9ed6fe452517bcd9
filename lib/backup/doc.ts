/**
 * Renders docs/backup-format.md from the zod schemas, so the documented format cannot drift from
 * what import accepts. tests/unit/backup/doc.test.ts fails when the file is stale; regenerate with
 * `UPDATE_BACKUP_DOC=1 npx vitest run tests/unit/backup/doc.test.ts`.
 */
import { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, RECORD_TABLE_NAMES, RECORD_TABLES, SETTINGS_SPEC } from './format';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: unknown;
  anyOf?: JsonSchema[];
}

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

function describeType(name: string, s: JsonSchema): string {
  // A nullable field (zod .nullable()): its type, or null.
  const nonNull = s.anyOf?.filter((o) => o.type !== 'null');
  if (s.anyOf && nonNull?.length === 1 && s.anyOf.length === 2) return `${describeType(name, nonNull[0]!)} or \`null\``;
  if (s.enum) return `one of ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (s.const !== undefined) return `always \`${String(s.const)}\``;
  if (s.type === 'string') {
    if (s.format === 'date') return 'calendar day `YYYY-MM-DD`';
    if (s.format === 'uri') return `URL (max ${s.maxLength ?? '–'} characters)`;
    if (s.pattern === '^[A-Z]{3}$') return 'ISO 4217 currency code, e.g. `USD`';
    if (s.pattern === '^[a-z]+:\\S+$') return 'contractor key `<site>:<id>`';
    const len = s.minLength ? `${s.minLength}–${s.maxLength ?? '∞'}` : `max ${s.maxLength ?? '∞'}`;
    return `text (${len} characters)`;
  }
  if (s.type === 'integer' || s.type === 'number') {
    if (/(^at|At)$/.test(name) && s.type === 'integer') return 'instant, epoch milliseconds (UTC)';
    const kind = /Minor$/.test(name) ? 'money, integer minor units (cents)' : s.type === 'integer' ? 'integer' : 'number';
    const max = s.maximum !== undefined && Math.abs(s.maximum) < SAFE_MAX ? s.maximum : undefined;
    const min = s.minimum !== undefined && Math.abs(s.minimum) < SAFE_MAX ? s.minimum : undefined;
    const low = s.exclusiveMinimum !== undefined ? `above ${s.exclusiveMinimum}` : min !== undefined ? `${min}` : undefined;
    if (low !== undefined && max !== undefined)
      return `${kind}, ${s.exclusiveMinimum !== undefined ? `${low} and up to` : `${low} to`} ${max}`;
    if (low !== undefined) return `${kind}, ${s.exclusiveMinimum !== undefined ? low : `≥ ${low}`}`;
    if (max !== undefined) return `${kind}, ≤ ${max}`;
    return kind;
  }
  if (s.type === 'boolean') return '`true` or `false`';
  if (s.type === 'array') {
    const item = s.items ?? {};
    const what = item.type === 'object' ? 'objects (fields below)' : describeType(name, item);
    return `list of ${what}${s.maxItems !== undefined ? `, at most ${s.maxItems}` : ''}`;
  }
  if (s.type === 'object') return 'object (fields below)';
  return 'any';
}

/**
 * One row per field, nested objects and lists of objects flattened as `a.b` and `a[].b`.
 * "Required" is within the parent: `rate.currency` must be there whenever `rate` is.
 */
function rows(schema: JsonSchema, prefix = ''): string[] {
  const out: string[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    out.push(`| \`${path}\` | ${describeType(name, field)} | ${required.has(name) ? 'yes' : 'no'} |`);
    if (field.type === 'object' && field.properties) out.push(...rows(field, `${path}.`));
    if (field.type === 'array' && field.items?.type === 'object') out.push(...rows(field.items, `${path}[].`));
  }
  return out;
}

function fieldTable(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return ['| Field | Type | Required |', '|---|---|---|', ...rows(json)].join('\n');
}

export function backupFormatDoc(): string {
  const tables = RECORD_TABLE_NAMES.map((name) => {
    const spec = RECORD_TABLES[name];
    return `### \`${name}\`\n\n${spec.description} Key: \`${spec.keyName}\`.\n\n${fieldTable(spec.schema)}\n`;
  }).join('\n');
  return `<!-- Generated from lib/db/schema.ts by lib/backup/doc.ts. Do not edit by hand:
     UPDATE_BACKUP_DOC=1 npx vitest run tests/unit/backup/doc.test.ts -->

# Vetted backup format (version ${BACKUP_VERSION})

A Vetted backup is one UTF-8 JSON file, written by **Options → Backup → Export backup** and read
by **Import backup**. It holds everything Vetted stores: contractors, checklist checks, notes,
ratings, projects, milestones, payments, lists and settings. File name: \`vetted-backup-YYYY-MM-DD.json\`.

\`\`\`json
{
  "format": "${BACKUP_FORMAT}",
  "version": ${BACKUP_VERSION},
  "exportedAt": 1795000000000,
  "data": {
    "contractors": [], "checks": [], "notes": [], "ratings": [],
    "projects": [], "milestones": [], "payments": [], "lists": [],
    "settings": {}
  }
}
\`\`\`

| Field | Meaning |
|---|---|
| \`format\` | always \`"${BACKUP_FORMAT}"\`: tells a Vetted backup from any other JSON file |
| \`version\` | format version, currently \`${BACKUP_VERSION}\` |
| \`exportedAt\` | when the file was written, epoch milliseconds (UTC) |
| \`data\` | one list of records per table, plus the \`settings\` object |

Conventions: instants are epoch milliseconds (UTC); days the user picks (due dates, payment
dates) are \`YYYY-MM-DD\` strings; money is an integer amount of minor units (cents) with an
ISO 4217 currency code next to it. "Required" means required within its parent: \`rate.currency\`
must be present whenever \`rate\` is. Fields not listed below are dropped on import.

## How import works

1. **Checked first, written after.** The whole file is checked before anything is written. It is
   refused, and nothing changes, when it is larger than ${MAX_BACKUP_BYTES / (1024 * 1024)} MB, is not valid JSON (the message
   gives the line and column, and says so when the file is cut off), is not a Vetted backup, has a
   format version this Vetted cannot read, misses a table (except \`lists\`, which older
   backups do not have), or has any record that does not match
   the tables below or two records with the same key. The message names the table, the record
   (\`#1\` is the first) with its key, and the field.
2. **Older versions are upgraded on the way in**, one version at a time
   (\`lib/backup/migrations.ts\`). A file from a newer Vetted is refused: update Vetted first.
3. **Merged by key, in one transaction.** A record whose key is unknown is added. A record that
   exists on both sides is replaced only when the file's \`updatedAt\` is newer; when it is equal or
   older, yours is kept. Import never deletes anything. Settings follow the same rule as a whole,
   except that checklist items only one side knows are kept, so no check loses its item.
4. The report lists what was added, updated and skipped in each table.

## Tables

${tables}
### \`settings\`

${SETTINGS_SPEC.description} One object, not a list.

${fieldTable(SETTINGS_SPEC.schema)}

## CSV exports

Options → Backup also exports contractors, projects and payments as CSV for spreadsheets: UTF-8
with a byte-order mark, CRLF line ends, RFC 4180 quoting, ISO dates, money as a plain decimal
amount (\`1250.50\`) with a separate currency column. Text cells that begin with \`=\`, \`+\`, \`-\`,
\`@\`, a tab or a carriage return get a leading apostrophe so a spreadsheet shows them instead of
running them as formulas. CSV files are for reading; only the JSON backup can be imported.
`;
}
