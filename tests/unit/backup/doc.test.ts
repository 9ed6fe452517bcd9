import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFormatDoc } from '../../../lib/backup/doc';
import { RECORD_TABLE_NAMES } from '../../../lib/backup/format';

const DOC = resolve(__dirname, '../../../docs/backup-format.md');

describe('docs/backup-format.md', () => {
  if (process.env.UPDATE_BACKUP_DOC) writeFileSync(DOC, backupFormatDoc());

  it('is up to date with the zod schemas (regenerate: UPDATE_BACKUP_DOC=1)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(backupFormatDoc());
  });

  it('documents every table and the fields import insists on', () => {
    const doc = backupFormatDoc();
    for (const table of [...RECORD_TABLE_NAMES, 'settings']) expect(doc).toContain(`### \`${table}\``);
    expect(doc).toContain('| `body` | text (1–20000 characters) | yes |');
    expect(doc).toContain('| `amountMinor` | money, integer minor units (cents)');
    expect(doc).toContain('| `contract.signedAt` | calendar day `YYYY-MM-DD` | no |');
    expect(doc).toContain('| `history[].at` | instant, epoch milliseconds (UTC) | yes |');
  });
});
